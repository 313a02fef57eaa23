import { z } from 'zod';
import { UserView } from './users.js';

/**
 * Sign-in: password, then (when the stage asks for it) a TOTP code or enrolment. Every unsafe request made with the
 * session cookie carries the `csrfToken` of the latest sign-in answer in the `X-CSRF-Token` header.
 *
 * @example
 * const login: z.infer<typeof LoginRequest> = { email: 'ana@example.org', password: 'correct horse battery' };
 */
export const SessionStageName = z
  .enum(['complete', 'totp-required', 'totp-enrolment-required'])
  .describe('complete: signed in; totp-required: POST /auth/totp; totp-enrolment-required: POST /auth/totp/enrol.');

export const LoginRequest = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(1024),
});

export const LoginResponse = z.object({
  stage: SessionStageName,
  /** True when a TOTP (or recovery) code is needed before anything else. */
  secondFactorRequired: z.boolean(),
  /** True when the account must enrol an authenticator before anything else. */
  enrolmentRequired: z.boolean(),
  user: UserView,
  /** Send as X-CSRF-Token with every POST/PUT/PATCH/DELETE made with this session's cookie. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const TotpRequest = z.strictObject({
  code: z.string().max(40).describe('The 6-digit code of the authenticator, or a one-time recovery code.'),
});

export const TotpResponse = z.object({
  stage: SessionStageName,
  method: z.enum(['totp', 'recovery-code']),
  recoveryCodesLeft: z.number().int(),
  user: UserView,
  /** The session is re-keyed on success: use this new token from now on. */
  csrfToken: z.string(),
});

export const TotpEnrolResponse = z.object({
  otpauthUri: z.string(),
  secret: z.string(),
  recoveryCodes: z.array(z.string()),
});

export const MeResponse = z.object({
  user: UserView,
  stage: SessionStageName,
  csrfToken: z.string(),
  totpEnrolled: z.boolean(),
  idleExpiresAt: z.string(),
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
