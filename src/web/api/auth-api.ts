/**
 * Sign-in, second factor, enrolment, sign-out and first-run setup (src/contract/auth.ts, setup.ts).
 *
 * @example
 * const answer = await login({ email, password }); // answer.mfaRequired, answer.mfaEnrolment?
 */
import type { z } from 'zod';
import type {
  LoginRequest,
  LoginResponse,
  MeResponse,
  SetPasswordRequest,
  TotpEnrolResponse,
  TotpRequest,
  TotpResponse,
} from '../../contract/auth.js';
import type { SetupRequest } from '../../contract/setup.js';
import type { UserView } from '../../contract/users.js';
import { apiRequest, setCsrfToken } from './api-client.js';

export type Me = z.output<typeof MeResponse>;
export type User = z.output<typeof UserView>;
export type LoginAnswer = z.output<typeof LoginResponse>;
export type TotpAnswer = z.output<typeof TotpResponse>;
export type Enrolment = z.output<typeof TotpEnrolResponse>;
export type SessionStage = Me['stage'];

/**
 * `GET /me`: who is signed in and what the session still needs; remembers the CSRF token.
 *
 * @example
 * const me = await getMe(); // me.user.name, me.stage, me.practice?.timeZone
 */
export async function getMe(): Promise<Me> {
  const me = await apiRequest<Me>('GET', '/me');
  setCsrfToken(me.csrfToken);
  return me;
}

/**
 * `POST /auth/login`.
 *
 * @example
 * await login({ email: 'ana@example.org', password: 'correct horse battery' });
 */
export async function login(body: z.input<typeof LoginRequest>): Promise<LoginAnswer> {
  const answer = await apiRequest<LoginAnswer>('POST', '/auth/login', body);
  setCsrfToken(answer.csrfToken);
  return answer;
}

/**
 * `POST /auth/mfa`: the authenticator's code or a recovery code; the first code confirms an enrolment, and that
 * answer carries the one-time recovery codes (`recoveryCodes`), shown once.
 *
 * @example
 * await verifyTotp({ code: '123456' });
 */
export async function verifyTotp(body: z.input<typeof TotpRequest>): Promise<TotpAnswer> {
  const answer = await apiRequest<TotpAnswer>('POST', '/auth/mfa', body);
  setCsrfToken(answer.csrfToken);
  return answer;
}

/**
 * `POST /auth/mfa/enrol`: a new authenticator secret and otpauth URI (the recovery codes come when it is confirmed).
 *
 * @example
 * const { otpauthUri, secret } = await enrolTotp();
 */
export function enrolTotp(): Promise<Enrolment> {
  return apiRequest<Enrolment>('POST', '/auth/mfa/enrol');
}

/**
 * `POST /auth/logout`.
 *
 * @example
 * await logout();
 */
export async function logout(): Promise<void> {
  await apiRequest<null>('POST', '/auth/logout');
  setCsrfToken(null);
}

/**
 * `POST /setup`: the first administrator (roles admin and clinician); 409 once anyone exists.
 *
 * @example
 * await setupFirstAdmin({ email, name, password });
 */
export function setupFirstAdmin(body: z.input<typeof SetupRequest>): Promise<User> {
  return apiRequest<User>('POST', '/setup', body);
}

/**
 * `POST /auth/set-password`: sets the password with a one-time link's token (anonymous); then sign in as usual.
 *
 * @example
 * await setPassword({ token, password: 'correct horse battery' });
 */
export async function setPassword(body: z.input<typeof SetPasswordRequest>): Promise<void> {
  await apiRequest<null>('POST', '/auth/set-password', body);
}

/**
 * `POST /auth/logout-everywhere`: ends every session of the signed-in user, this one included.
 *
 * @example
 * await logoutEverywhere();
 */
export async function logoutEverywhere(): Promise<void> {
  await apiRequest<null>('POST', '/auth/logout-everywhere');
  setCsrfToken(null);
}
