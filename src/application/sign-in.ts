import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import {
  type AnonymousCaller,
  authPolicyOf,
  lockedForSeconds,
  nextThrottle,
  type SignInDeps,
  secondFactorNeeded,
} from './auth-policy.js';
import { parseInput } from './parse-input.js';
import { type AuthSession, type Deps, NO_PASSWORD_HASH, type SessionStage, type User } from './ports.js';

const inputSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'must not be empty').max(320, 'is too long'),
  password: z.string().min(1, 'must not be empty').max(1024, 'is too long'),
});

export type SignInInput = z.input<typeof inputSchema>;

export interface SignInResult {
  /** The session token for the cookie; only its hash is stored. */
  readonly token: string;
  readonly session: AuthSession;
  readonly user: User;
}

const dummyHashes = new WeakMap<Deps['passwords'], Promise<string>>();

/** A hash to verify against when the e-mail is unknown, so both cases take the same time. */
function dummyHash(deps: Deps): Promise<string> {
  let hash = dummyHashes.get(deps.passwords);
  if (!hash) {
    hash = deps.passwords.hash('cairn-dummy-password-for-timing');
    dummyHashes.set(deps.passwords, hash);
  }
  return hash;
}

/** The key of the failed-attempt counter of an e-mail address (hashed: the table holds no addresses). */
export function loginThrottleKey(deps: Pick<Deps, 'digest'>, email: string): string {
  return `login:${deps.digest.sha256(email.trim().toLowerCase())}`;
}

/** The key of a session token in storage (a SHA-256; the token itself is never stored). */
export function sessionTokenHash(deps: Pick<Deps, 'digest'>, token: string): string {
  return deps.digest.sha256(`cairn session v1\n${token}`);
}

/**
 * Password sign-in (`POST /api/v1/auth/login`). Creates a session whose stage says what is still needed: nothing,
 * a TOTP code, or TOTP enrolment (DESIGN 2.8). A wrong e-mail or password is `unauthenticated` (401, the same for
 * both); after `maxFailures` consecutive failures for an address it is locked for `lockoutMinutes`, and every attempt
 * meanwhile is `too-many-attempts` (429) with `details.retryAfterSeconds`. Each attempt writes one audit event.
 *
 * @example
 * const { token, session } = await signIn(deps, { kind: 'anonymous', origin: '127.0.0.1' },
 *   { email: 'ana@example.org', password: 'correct horse battery' });
 * session.stage // 'totp-enrolment-required' for a new administrator
 */
export async function signIn(deps: SignInDeps, caller: AnonymousCaller, input: SignInInput): Promise<SignInResult> {
  const v = parseInput(inputSchema, input);
  const policy = authPolicyOf(deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  const key = loginThrottleKey(deps, v.email);
  const throttle = await deps.store.findThrottle(key);
  const user = await deps.store.findUserByEmail(v.email);

  const locked = lockedForSeconds(throttle, now);
  if (locked !== null) {
    await deps.store.appendAudit(
      [
        {
          actor: user ? `user:${user.id}` : 'anonymous',
          action: 'auth.login',
          resource: user ? `user:${user.id}` : null,
          clientIds: [],
          outcome: 'denied',
          origin: caller.origin,
        },
      ],
      at,
    );
    throw new AppError(ErrorCode.tooManyAttempts, 'Too many failed sign-in attempts; try again later.', {
      details: { retryAfterSeconds: locked },
    });
  }

  const secrets = user ? await deps.store.findUserSecrets(user.id) : null;
  // An account without a password (invited, or reset and not yet set through its link) fails like a wrong one.
  const passwordOk =
    secrets && secrets.passwordHash !== NO_PASSWORD_HASH
      ? await deps.passwords.verify(secrets.passwordHash, v.password)
      : (await deps.passwords.verify(await dummyHash(deps), v.password)) && false;
  if (!user || !secrets || !passwordOk || !user.active) {
    await deps.store.transaction(async (tx) => {
      await tx.saveThrottle(nextThrottle(key, await tx.findThrottle(key), now, policy));
      await tx.appendAudit(
        [
          {
            actor: user ? `user:${user.id}` : 'anonymous',
            action: 'auth.login',
            resource: user ? `user:${user.id}` : null,
            clientIds: [],
            outcome: 'failure',
            origin: caller.origin,
          },
        ],
        at,
      );
    });
    throw new AppError(ErrorCode.unauthenticated, 'The e-mail address or password is wrong.');
  }

  const practice = await deps.store.findPractice();
  const enrolled = secrets.totp.confirmedAt !== null;
  const stage: SessionStage = enrolled
    ? 'totp-required'
    : secondFactorNeeded(user, practice, false)
      ? 'totp-enrolment-required'
      : 'complete';
  const token = deps.tokens.newToken(32);
  const session: AuthSession = {
    id: deps.ids.newId(),
    tokenHash: sessionTokenHash(deps, token),
    userId: user.id,
    stage,
    pendingTotpSecret: null,
    origin: caller.origin,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString(),
  };
  await deps.store.transaction(async (tx) => {
    if (throttle) await tx.deleteThrottle(key);
    // Housekeeping: sessions that ended (idle or past their lifetime) are worthless; drop them at each sign-in.
    await tx.deleteStaleSessions(at, new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString());
    await tx.insertSession(session);
    await tx.appendAudit(
      [
        {
          actor: `user:${user.id}`,
          action: 'auth.login',
          resource: `session:${session.id}`,
          clientIds: [],
          outcome: 'success',
          origin: caller.origin,
        },
      ],
      at,
    );
  });
  return { token, session, user };
}
