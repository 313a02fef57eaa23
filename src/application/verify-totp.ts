import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { authPolicyOf, type CurrentSession, lockedForSeconds, nextThrottle, type SignInDeps } from './auth-policy.js';
import { normalizeRecoveryCode, totpSealContext } from './enrol-totp.js';
import { parseInput } from './parse-input.js';
import type { AuthSession, UserTotp } from './ports.js';
import { sessionTokenHash } from './sign-in.js';

const inputSchema = z.object({
  code: z.string().trim().min(1, 'must not be empty').max(40, 'is too long'),
});

export type VerifyTotpInput = z.input<typeof inputSchema>;

export interface VerifyTotpResult {
  /** The new session token: the session is re-keyed once the second factor is proven. */
  readonly token: string;
  readonly session: AuthSession;
  /** How the factor was proven. */
  readonly method: 'totp' | 'recovery-code';
  /** Unused recovery codes left (warn the user when few remain). */
  /** The new one-time recovery codes, when this code confirmed an enrolment (shown once); null otherwise. */
  readonly recoveryCodes: readonly string[] | null;
  readonly recoveryCodesLeft: number;
}

/** The key of a user's second-factor failure counter. */
export function totpThrottleKey(userId: string): string {
  return `totp:${userId}`;
}

/**
 * The second factor (`POST /api/v1/auth/mfa`): a 6-digit TOTP code (never the same time step twice), or one of the
 * one-time recovery codes once enrolled. During enrolment the first valid code confirms the new authenticator. On
 * success the session becomes complete and gets a new token (no fixation across the privilege change). A wrong code
 * is `unauthenticated`; too many in a row lock the second factor (`too-many-attempts`). Audited either way.
 *
 * @example
 * const { token, session } = await verifyTotp(deps, current, { code: '492039' });
 * session.stage // 'complete'
 */
export async function verifyTotp(
  deps: SignInDeps,
  current: CurrentSession,
  input: VerifyTotpInput,
): Promise<VerifyTotpResult> {
  const { session, user } = current;
  const v = parseInput(inputSchema, input);
  const enrolling = session.pendingTotpSecret !== null;
  if (session.stage !== 'totp-required' && !enrolling) {
    throw new AppError(ErrorCode.conflict, 'There is no second factor to verify: enrol an authenticator first.');
  }
  const policy = authPolicyOf(deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  const key = totpThrottleKey(user.id);
  const audit = (outcome: 'success' | 'failure' | 'denied', action: string) => ({
    actor: `user:${user.id}`,
    action,
    resource: `session:${session.id}`,
    clientIds: [],
    outcome,
    origin: null,
  });

  const locked = lockedForSeconds(await deps.store.findThrottle(key), now);
  if (locked !== null) {
    await deps.store.appendAudit([audit('denied', 'auth.totp.verify')], at);
    throw new AppError(ErrorCode.tooManyAttempts, 'Too many wrong codes; try again later.', {
      details: { retryAfterSeconds: locked },
    });
  }

  const secrets = await deps.store.findUserSecrets(user.id);
  const sealed = enrolling ? session.pendingTotpSecret : (secrets?.totp.secret ?? null);
  let method: VerifyTotpResult['method'] = 'totp';
  let totp: UserTotp | null = null;
  let recoveryCodeHash: string | null = null;
  if (sealed && /^\d{6}$/.test(v.code.replace(/\s/g, ''))) {
    const secret = deps.secrets.open(sealed, totpSealContext(user.id));
    const lastStep = enrolling ? null : (secrets?.totp.lastStep ?? null);
    const step = await deps.totp.check(secret, v.code.replace(/\s/g, ''), now, lastStep);
    if (step !== null)
      totp = { secret: sealed, confirmedAt: enrolling ? at : (secrets?.totp.confirmedAt ?? at), lastStep: step };
  } else if (!enrolling && secrets?.totp.confirmedAt) {
    method = 'recovery-code';
    recoveryCodeHash = deps.digest.sha256(normalizeRecoveryCode(v.code));
  }

  const token = deps.tokens.newToken(32);
  const completed: AuthSession = {
    ...session,
    tokenHash: sessionTokenHash(deps, token),
    stage: 'complete',
    pendingTotpSecret: null,
    lastSeenAt: at,
  };
  const action = enrolling
    ? 'auth.totp.confirm-enrolment'
    : method === 'totp'
      ? 'auth.totp.verify'
      : 'auth.recovery-code';
  // Recovery codes are made when the enrolment is confirmed (issue 5 contract: the answer that completes the first
  // sign-in carries them, once); only their hashes are kept.
  const recoveryCodes = enrolling
    ? Array.from({ length: policy.recoveryCodes }, () => deps.tokens.newRecoveryCode())
    : null;
  const ok = await deps.store.transaction(async (tx) => {
    const proven =
      totp !== null || (recoveryCodeHash !== null && (await tx.consumeRecoveryCode(user.id, recoveryCodeHash, at)));
    if (!proven) return false;
    if (totp) await tx.saveUserTotp(user.id, totp, at);
    if (recoveryCodes) {
      await tx.replaceRecoveryCodes(
        user.id,
        recoveryCodes.map((c) => deps.digest.sha256(normalizeRecoveryCode(c))),
        at,
      );
    }
    await tx.deleteThrottle(key);
    await tx.updateSession(completed);
    await tx.appendAudit([audit('success', action)], at);
    return true;
  });
  if (!ok) {
    await deps.store.transaction(async (tx) => {
      await tx.saveThrottle(nextThrottle(key, await tx.findThrottle(key), now, policy));
      await tx.appendAudit([audit('failure', action)], at);
    });
    throw new AppError(ErrorCode.unauthenticated, 'The code is wrong or has expired.');
  }
  return {
    token,
    session: completed,
    method,
    recoveryCodesLeft: await deps.store.countUnusedRecoveryCodes(user.id),
    recoveryCodes,
  };
}
