import { API_TOKEN_PREFIX, apiTokenHash } from './api-token-hash.js';
import type { ApiToken, Deps, User } from './ports.js';

/** What a bearer token is worth at this moment. */
export type AuthenticatedApiToken =
  | { readonly kind: 'active'; readonly apiToken: ApiToken; readonly user: User }
  /** Unknown, revoked, expired, or its user is deactivated: all refused alike (401). */
  | { readonly kind: 'refused' };

/** Use is written back at most this often, so a script's burst of requests costs one write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Authenticates an `Authorization: Bearer` API token: finds it by its hash, refuses it when revoked, expired or when
 * its user is deactivated, and records when it was last used. The token acts as its user with the user's current
 * roles; there is no idle timeout. This is the authentication step itself, so there is no actor yet; the HTTP audit
 * hook records the request's event.
 *
 * @example
 * const r = await authenticateApiToken(deps, 'cairn_k3…');
 * if (r.kind === 'active') r.user.roles;
 */
export async function authenticateApiToken(deps: Deps, token: string): Promise<AuthenticatedApiToken> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return { kind: 'refused' };
  const apiToken = await deps.store.findApiTokenByTokenHash(apiTokenHash(deps, token));
  const now = deps.clock.now();
  if (!apiToken || apiToken.revokedAt !== null || now.getTime() >= Date.parse(apiToken.expiresAt)) {
    return { kind: 'refused' };
  }
  const user = await deps.store.findUserById(apiToken.userId);
  if (!user?.active) return { kind: 'refused' };
  if (apiToken.lastUsedAt === null || now.getTime() - Date.parse(apiToken.lastUsedAt) >= TOUCH_EVERY_MS) {
    const lastUsedAt = now.toISOString();
    await deps.store.touchApiToken(apiToken.id, lastUsedAt);
    return { kind: 'active', apiToken: { ...apiToken, lastUsedAt }, user };
  }
  return { kind: 'active', apiToken, user };
}
