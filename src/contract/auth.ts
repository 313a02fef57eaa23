import { z } from 'zod';
import { UserView } from './users.js';

/**
 * Sign-in (issue 5 contract): `POST /auth/login {email,password}` → `{user, csrfToken}` when no second factor is due,
 * else `{mfaRequired: true}` (plus `mfaEnrolment: {secret, otpauthUri}` for an account not yet enrolled); then
 * `POST /auth/mfa {code}` (a TOTP code or a recovery code) → the same body as a plain login, plus `recoveryCodes`
 * once, at enrolment. Every unsafe request made with the session cookie carries the `csrfToken` of the latest answer
 * in the `X-CSRF-Token` header (the mfa-required answer has one too, for `POST /auth/mfa`). `GET /me`.
 *
 * @example
 * const login: z.infer<typeof LoginRequest> = { email: 'ana@example.org', password: 'correct horse battery' };
 */
export const SessionStageName = z
  .enum(['complete', 'totp-required', 'totp-enrolment-required'])
  .describe('complete: signed in; totp-required and totp-enrolment-required: POST /auth/mfa with a code.');

export const LoginRequest = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(1024),
});

export const MfaEnrolment = z.object({
  secret: z.string().describe('The base32 seed, to type into an authenticator app.'),
  otpauthUri: z.string().describe('otpauth://totp/… for a QR code.'),
});

export const LoginResponse = z.object({
  /** True while a second factor is due: send a code to POST /auth/mfa. */
  mfaRequired: z.boolean(),
  /** For an account not yet enrolled: the authenticator to add before sending its first code. */
  mfaEnrolment: MfaEnrolment.optional(),
  /** The signed-in user; absent until the second factor is proven. */
  user: UserView.optional(),
  /** Send as X-CSRF-Token with every POST/PUT/PATCH/DELETE made with this session's cookie. */
  csrfToken: z.string(),
  stage: SessionStageName,
  expiresAt: z.string(),
});

export const TotpRequest = z.strictObject({
  code: z.string().max(40).describe('The 6-digit code of the authenticator, or a one-time recovery code.'),
});

export const TotpResponse = z.object({
  user: UserView,
  /** The session is re-keyed on success: use this new token from now on. */
  csrfToken: z.string(),
  mfaRequired: z.literal(false),
  /** The new one-time recovery codes, only in the answer that confirms an enrolment (shown once). */
  recoveryCodes: z.array(z.string()).optional(),
  stage: SessionStageName,
  method: z.enum(['totp', 'recovery-code']),
  recoveryCodesLeft: z.number().int(),
});

export const TotpEnrolResponse = MfaEnrolment;

export const MeResponse = z.object({
  user: UserView,
  stage: SessionStageName,
  csrfToken: z.string(),
  totpEnrolled: z.boolean(),
  idleExpiresAt: z.string(),
  /** Automatic logoff after this many minutes without a request (CAIRN_SESSION_IDLE_MINUTES). */
  idleMinutes: z.number().int().optional(),
  expiresAt: z.string(),
  practice: z
    .object({
      name: z.string(),
      timeZone: z.string(),
      mfaRequired: z.boolean().describe('False in the demo practice: the web app shows a notice.'),
    })
    .nullable(),
});

/** `POST /api/v1/auth/set-password` (anonymous): the token from a set-password link's fragment and the new password. */
export const SetPasswordRequest = z.strictObject({
  token: z.string().max(200).describe('The token after `#token=` in the set-password link.'),
  password: z.string().max(1024).describe('At least 12 characters.'),
});
