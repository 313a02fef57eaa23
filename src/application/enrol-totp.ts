import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { CurrentSession, SignInDeps } from './auth-policy.js';

/** The name shown in authenticator apps. */
export const TOTP_ISSUER = 'Cairn';

export interface TotpEnrolment {
  /** otpauth:// URI for the authenticator app (as a QR code). */
  readonly otpauthUri: string;
  /** The base32 seed, for typing in by hand. */
  readonly secret: string;
}

/** The associated data a user's TOTP seed is sealed under. */
export function totpSealContext(userId: string): string {
  return `totp:${userId}`;
}

/** Normalises a recovery code as typed (case, spaces, dashes) before hashing. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * Starts TOTP enrolment (at sign-in of an account that must enrol, or `POST /api/v1/auth/mfa/enrol` to start again):
 * a new seed kept (sealed) on the session until a first code confirms it through verifyTotp, which also makes the
 * one-time recovery codes. Allowed for a session that must enrol, or a signed-in user without a second factor; an
 * account already enrolled gets `conflict`.
 *
 * @example
 * const { otpauthUri, secret } = await enrolTotp(deps, current);
 * otpauthUri // 'otpauth://totp/Cairn:ana%40example.org?secret=…&issuer=Cairn'
 */
export async function enrolTotp(deps: SignInDeps, current: CurrentSession): Promise<TotpEnrolment> {
  const { session, user } = current;
  if (session.stage === 'totp-required') {
    throw new AppError(ErrorCode.secondFactorRequired, 'Enter your authenticator code first.');
  }
  const secrets = await deps.store.findUserSecrets(user.id);
  if (secrets?.totp.confirmedAt) {
    throw new AppError(ErrorCode.conflict, 'This account already has an authenticator enrolled.');
  }
  const secret = deps.totp.newSecret();
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.updateSession({ ...session, pendingTotpSecret: deps.secrets.seal(secret, totpSealContext(user.id)) });
    await tx.appendAudit(
      [
        {
          actor: `user:${user.id}`,
          action: 'auth.totp.enrol',
          resource: `user:${user.id}`,
          clientIds: [],
          outcome: 'success',
          origin: null,
        },
      ],
      at,
    );
  });
  return { otpauthUri: deps.totp.uri(secret, user.email, TOTP_ISSUER), secret };
}
