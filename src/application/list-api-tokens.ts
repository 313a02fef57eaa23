import type { Actor } from './actor.js';
import type { ApiToken, Deps } from './ports.js';
import { staffAuditEvent } from './staff-audit-event.js';

/**
 * The signed-in user's own API tokens that are not revoked, newest first (`GET /api/v1/tokens`); expired ones are
 * listed until revoked. No secret is in them: only hashes are stored.
 *
 * @example
 * (await listApiTokens(deps, actor)).map((t) => t.name) // ['nightly import']
 */
export async function listApiTokens(deps: Deps, actor: Actor & { readonly kind: 'user' }): Promise<ApiToken[]> {
  const tokens = await deps.store.listApiTokens(actor.userId);
  await deps.store.appendAudit(
    [staffAuditEvent(actor, 'token.list', `user:${actor.userId}`)],
    deps.clock.now().toISOString(),
  );
  return tokens.filter((t) => t.revokedAt === null);
}
