import type { Actor, Role } from '../../application/actor.js';
import type { CurrentSession, SignInDeps } from '../../application/auth-policy.js';
import type { User } from '../../application/ports.js';

/**
 * What the API's plugins attach to each request, and what a route declares in its `config`.
 *
 * @example
 * app.get('/api/v1/users', { config: { access: 'signed-in', roles: ['admin'], audit: 'user.list' } }, handler);
 */
export interface SessionAuth extends CurrentSession {
  readonly kind: 'session';
  readonly actor: Actor & { readonly kind: 'user' };
  /** The session token from the cookie (needed to derive the CSRF token). */
  readonly token: string;
}

/** A script's request with `Authorization: Bearer <API token>`: it acts as the token's user (no session). */
export interface ApiTokenAuth {
  readonly kind: 'api-token';
  readonly user: User;
  readonly actor: Actor & { readonly kind: 'user' };
  readonly apiTokenId: string;
}

/** How the request is authenticated: a browser session (cookie) or an API token (bearer). */
export type RequestAuth = SessionAuth | ApiTokenAuth;

export interface RequestAudit {
  /** True once an audit event of this request is durable (written by a use case or by the audit hook). */
  recorded: boolean;
  /** True when writing the audit event failed: the response becomes 503 and the hook does not retry. */
  failed: boolean;
  /**
   * Break-glass grants the request's access checks relied on, by client id: every audit event of this request naming
   * such a client is marked with its grant (DESIGN 2.8).
   */
  breakGlass: Map<string, string>;
}

/**
 * Who may call a route: `public` (no session needed), `session` (a browser session at any stage, e.g. to enter the
 * second factor; API tokens are refused), `signed-in` (the default: a complete session, or an API token).
 */
export type RouteAccess = 'public' | 'session' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The caller needs at least one of these roles (403 otherwise). */
    roles?: readonly Role[];
    /** Action name of the request's audit event when no use case wrote one (e.g. on a refusal); false: none. */
    audit?: string | false;
    /**
     * Checks the caller reaches the client the request names, before the body is validated (DESIGN 3.3: 404 comes
     * before 400). Throws not-found (out of reach) or forbidden (an auditor writing).
     */
    reach?: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    /** The signed-in session, or null. Set by the authenticate plugin. */
    auth: RequestAuth | null;
    /** Audit bookkeeping of this request. Set by the audit plugin. */
    audit: RequestAudit;
    /** The deps for use cases in this request: their audit events are tracked and get the client's address. */
    deps: SignInDeps;
  }
}
