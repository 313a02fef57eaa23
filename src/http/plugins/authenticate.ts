import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionActor } from '../../application/auth-policy.js';
import { authenticateApiToken } from '../../application/authenticate-api-token.js';
import { resumeSession } from '../../application/resume-session.js';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import type { SessionAuth } from './request-context.js';

/** Methods that change state: cookie-authenticated requests with them need the CSRF token. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The header carrying the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionCookieOptions {
  /** True behind TLS (CAIRN_PUBLIC_URL is https): the cookie is Secure and `__Host-` prefixed. */
  readonly secure: boolean;
  /** The site's own origin (scheme://host[:port]) when known; otherwise the request's own. */
  readonly publicOrigin: string | null;
}

/** The session cookie's name (`__Host-` prefix when Secure, so no subdomain can set or scope it). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-cairn_session' : 'cairn_session';
}

/**
 * The CSRF token of a session: an HMAC of a fixed label under the session token. It needs no storage, changes when
 * the token changes, and cannot be computed without the HttpOnly cookie.
 *
 * @example
 * csrfTokenFor('abc…') // 'q1w2…' (43 characters)
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('cairn csrf v1').digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure behind TLS; a browser-session cookie. */
export function setSessionCookie(reply: FastifyReply, token: string, options: SessionCookieOptions): void {
  reply.setCookie(sessionCookieName(options.secure), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secure,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, options: SessionCookieOptions): void {
  reply.clearCookie(sessionCookieName(options.secure), {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secure,
    path: '/',
  });
}

/** The token of an `Authorization: Bearer <token>` header, or null (no header, or another scheme). */
function bearerTokenOf(header: string | undefined): string | null {
  const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
  return match?.[1] ?? null;
}

function ownOrigin(request: FastifyRequest, options: SessionCookieOptions): string {
  return options.publicOrigin ?? `${request.protocol}://${request.host}`;
}

/**
 * Authentication and the first two checks of every API route, in the order of DESIGN 3.3: 401 (no session, expired,
 * or second factor still needed; or an unknown, revoked or expired API token) → 403 (foreign Origin or missing/wrong CSRF token on an unsafe method, then a role
 * the route requires). Body validation (400) and reach (404) come after. Routes say who may call them with
 * `config.access` and `config.roles`; the default is a complete session with any role.
 *
 * @example
 * registerAuthenticate(api, { secure: false, publicOrigin: null });
 */
export function registerAuthenticate(app: FastifyInstance, options: SessionCookieOptions): void {
  app.decorateRequest('auth', null);
  const cookieName = sessionCookieName(options.secure);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const access = config.access ?? 'signed-in';
    const unsafe = UNSAFE_METHODS.has(request.method);

    // A browser always names the origin of a cross-site POST; refuse one that is not ours, signed in or not.
    const origin = request.headers.origin;
    if (unsafe && origin !== undefined && origin !== ownOrigin(request, options)) {
      if (access === 'public') throw new AppError(ErrorCode.forbidden, 'Cross-origin requests are refused.');
    }

    // A script's API token (DESIGN 2.8 staff lifecycle): it acts as its user with the user's current roles. It is
    // sent explicitly, never by a browser on its own, so it needs no CSRF token; the cookie is then ignored.
    const bearer = access === 'public' ? null : bearerTokenOf(request.headers.authorization);
    if (bearer !== null) {
      const found = await authenticateApiToken(request.deps, bearer);
      if (found.kind !== 'active') {
        throw new AppError(ErrorCode.unauthenticated, 'The API token is unknown, revoked or expired.');
      }
      const user = found.user;
      request.auth = {
        kind: 'api-token',
        user,
        actor: { kind: 'user', userId: user.id, practiceId: user.practiceId, roles: user.roles },
        apiTokenId: found.apiToken.id,
      };
      if (access === 'session') {
        throw new AppError(ErrorCode.forbidden, 'This route needs a browser session, not an API token.');
      }
      if (unsafe && origin !== undefined && origin !== ownOrigin(request, options)) {
        throw new AppError(ErrorCode.forbidden, 'Cross-origin requests are refused.');
      }
      const roles = config.roles;
      if (roles && !roles.some((r) => user.roles.includes(r))) {
        throw new AppError(ErrorCode.forbidden, 'Your role does not allow this.');
      }
      return;
    }

    const token = request.cookies[cookieName];
    let expired = false;
    if (token) {
      const resumed = await resumeSession(request.deps, token);
      if (resumed.kind === 'active') {
        const auth: SessionAuth = {
          kind: 'session',
          session: resumed.session,
          user: resumed.user,
          actor: sessionActor(resumed),
          token,
        };
        request.auth = auth;
      } else {
        expired = resumed.kind === 'expired';
        clearSessionCookie(reply, options);
      }
    }
    if (access === 'public') return;

    const auth = request.auth as SessionAuth | null;
    if (!auth) {
      throw new AppError(
        ErrorCode.unauthenticated,
        expired ? 'Your session has ended; sign in again.' : 'Sign in first.',
      );
    }
    if (access === 'signed-in' && auth.session.stage !== 'complete') {
      throw new AppError(
        ErrorCode.secondFactorRequired,
        auth.session.stage === 'totp-required'
          ? 'Enter the code of your authenticator first.'
          : 'Enrol an authenticator first.',
      );
    }
    if (unsafe) {
      if (origin !== undefined && origin !== ownOrigin(request, options)) {
        throw new AppError(ErrorCode.forbidden, 'Cross-origin requests are refused.');
      }
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, csrfTokenFor(auth.token))) {
        throw new AppError(ErrorCode.forbidden, 'Missing or wrong CSRF token (send the X-CSRF-Token header).');
      }
    }
    const roles = config.roles;
    if (roles && !roles.some((r) => auth.user.roles.includes(r))) {
      throw new AppError(ErrorCode.forbidden, 'Your role does not allow this.');
    }
  });
}
