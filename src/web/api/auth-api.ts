/**
 * Sign-in, second factor, enrolment, sign-out and first-run setup (src/contract/auth.ts, setup.ts).
 *
 * @example
 * const login = await login({ email, password }); // login.stage: 'complete' | 'totp-required' | 'totp-enrolment-required'
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
 * `GET /auth/me`: who is signed in and what the session still needs; remembers the CSRF token.
 *
 * @example
 * const me = await getMe(); // me.user.name, me.stage, me.practice?.timeZone
 */
export async function getMe(): Promise<Me> {
  const me = await apiRequest<Me>('GET', '/auth/me');
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
 * `POST /auth/totp`: the authenticator's code or a recovery code (also confirms an enrolment).
 *
 * @example
 * await verifyTotp({ code: '123456' });
 */
export async function verifyTotp(body: z.input<typeof TotpRequest>): Promise<TotpAnswer> {
  const answer = await apiRequest<TotpAnswer>('POST', '/auth/totp', body);
  setCsrfToken(answer.csrfToken);
  return answer;
}

/**
 * `POST /auth/totp/enrol`: a new authenticator secret (otpauth URI) and one-time recovery codes, shown once.
 *
 * @example
 * const { otpauthUri, recoveryCodes } = await enrolTotp();
 */
export function enrolTotp(): Promise<Enrolment> {
  return apiRequest<Enrolment>('POST', '/auth/totp/enrol');
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
