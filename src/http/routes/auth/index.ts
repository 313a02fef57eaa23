import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { describeSession } from '../../../application/describe-session.js';
import { enrolTotp } from '../../../application/enrol-totp.js';
import { setPassword } from '../../../application/set-password.js';
import { signIn } from '../../../application/sign-in.js';
import { signOut } from '../../../application/sign-out.js';
import { signOutEverywhere } from '../../../application/sign-out-everywhere.js';
import { verifyTotp } from '../../../application/verify-totp.js';
import {
  LoginRequest,
  LoginResponse,
  MeResponse,
  SetPasswordRequest,
  TotpEnrolResponse,
  TotpRequest,
  TotpResponse,
} from '../../../contract/auth.js';
import { ERROR_RESPONSES, NoContent } from '../../../contract/common.js';
import {
  clearSessionCookie,
  csrfTokenFor,
  type SessionCookieOptions,
  setSessionCookie,
} from '../../plugins/authenticate.js';
import type { RequestAuth, SessionAuth } from '../../plugins/request-context.js';
import { presentUser } from '../../presenters.js';

export interface AuthRoutesOptions {
  readonly cookie: SessionCookieOptions;
  /** Per-address limit on the password and code routes (on top of the per-account lockout). */
  readonly attemptLimit: { readonly max: number; readonly timeWindow: number };
}

function signedIn(auth: RequestAuth | null): SessionAuth {
  // The authenticate plugin guarantees a browser session on every `session` route (API tokens are refused there).
  if (auth?.kind !== 'session') throw new Error('route reached without a session');
  return auth;
}

/**
 * Sign-in routes (issue 5 contract, which other programs use — keep the paths and fields):
 * `POST /auth/login {email,password}` → 200 + session cookie + `{user, csrfToken}` or `{mfaRequired: true,
 * mfaEnrolment?}`; `POST /auth/mfa {code}` → `{user, csrfToken, recoveryCodes?}`; `POST /auth/mfa/enrol` → a new
 * secret (start enrolling again); `POST /auth/logout` → 204; `GET /me`;
 * `POST /auth/set-password {token,password}` → 204 (anonymous, a one-time link's token);
 * `POST /auth/logout-everywhere` → 204 (every session of the user).
 *
 * @example
 * await api.register(authRoutes, { cookie, attemptLimit: { max: 20, timeWindow: 60_000 } });
 */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  const { cookie } = options;
  const rateLimit = { max: options.attemptLimit.max, timeWindow: options.attemptLimit.timeWindow };

  app.post(
    '/auth/login',
    {
      config: { access: 'public', audit: 'auth.login', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password ({user, csrfToken}, or {mfaRequired: true} when a code is due)',
        body: LoginRequest,
        response: {
          200: LoginResponse,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          429: ERROR_RESPONSES[429],
        },
      },
    },
    async (request, reply) => {
      const { token, session, user } = await signIn(
        request.deps,
        { kind: 'anonymous', origin: request.ip },
        request.body,
      );
      setSessionCookie(reply, token, cookie);
      reply.header('Cache-Control', 'no-store');
      const common = { csrfToken: csrfTokenFor(token), stage: session.stage, expiresAt: session.expiresAt };
      if (session.stage === 'complete') return reply.send({ mfaRequired: false, user: presentUser(user), ...common });
      if (session.stage === 'totp-required') return reply.send({ mfaRequired: true, ...common });
      // Not yet enrolled: the authenticator to add comes with the answer; its first code goes to POST /auth/mfa.
      const enrolment = await enrolTotp(request.deps, { session, user });
      return reply.send({ mfaRequired: true, mfaEnrolment: { ...enrolment }, ...common });
    },
  );

  app.post(
    '/auth/mfa',
    {
      config: { access: 'session', audit: 'auth.mfa', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Prove the second factor (TOTP or recovery code); the first code confirms an enrolment',
        body: TotpRequest,
        response: {
          200: TotpResponse,
          400: ERROR_RESPONSES[400],
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          409: ERROR_RESPONSES[409],
          429: ERROR_RESPONSES[429],
        },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request.auth);
      const result = await verifyTotp(request.deps, auth, request.body);
      setSessionCookie(reply, result.token, cookie);
      reply.header('Cache-Control', 'no-store');
      return reply.send({
        user: presentUser(auth.user),
        csrfToken: csrfTokenFor(result.token),
        mfaRequired: false as const,
        ...(result.recoveryCodes ? { recoveryCodes: [...result.recoveryCodes] } : {}),
        stage: result.session.stage,
        method: result.method,
        recoveryCodesLeft: result.recoveryCodesLeft,
      });
    },
  );

  app.post(
    '/auth/mfa/enrol',
    {
      config: { access: 'session', audit: 'auth.mfa.enrol', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start (again) enrolling an authenticator: a new secret and otpauth URI',
        response: {
          200: TotpEnrolResponse,
          401: ERROR_RESPONSES[401],
          403: ERROR_RESPONSES[403],
          409: ERROR_RESPONSES[409],
        },
      },
    },
    async (request, reply) => {
      const enrolment = await enrolTotp(request.deps, signedIn(request.auth));
      reply.header('Cache-Control', 'no-store');
      return reply.send({ ...enrolment });
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'session', audit: 'auth.logout' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (the session ends at once)',
        response: { 204: NoContent, 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403] },
      },
    },
    async (request, reply) => {
      await signOut(request.deps, signedIn(request.auth));
      clearSessionCookie(reply, cookie);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout-everywhere',
    {
      config: { access: 'session', audit: 'auth.logout-everywhere' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere (every session of the user ends, this one included; API tokens stay)',
        response: { 204: NoContent, 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403] },
      },
    },
    async (request, reply) => {
      await signOutEverywhere(request.deps, signedIn(request.auth));
      clearSessionCookie(reply, cookie);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/set-password',
    {
      config: { access: 'public', audit: 'auth.password.set', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Set a password with the token of a one-time set-password link; then sign in as usual',
        body: SetPasswordRequest,
        response: {
          204: NoContent,
          400: ERROR_RESPONSES[400].describe('Invalid input, or invalid-link: unknown, used, expired or replaced.'),
          429: ERROR_RESPONSES[429],
        },
      },
    },
    async (request, reply) => {
      await setPassword(request.deps, { kind: 'anonymous', origin: request.ip }, request.body);
      reply.header('Cache-Control', 'no-store');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'session', audit: 'auth.me' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, what the session still needs, and when it ends',
        response: { 200: MeResponse, 401: ERROR_RESPONSES[401] },
      },
    },
    async (request, reply) => {
      const auth = signedIn(request.auth);
      const d = await describeSession(request.deps, auth);
      return reply.send({
        user: presentUser(d.user),
        stage: d.stage,
        csrfToken: csrfTokenFor(auth.token),
        totpEnrolled: d.totpEnrolled,
        idleExpiresAt: d.idleExpiresAt,
        idleMinutes: d.idleMinutes,
        expiresAt: d.expiresAt,
        practice: d.practice,
      });
    },
  );
};
