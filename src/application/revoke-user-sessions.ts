import type { Actor } from './actor.js';
import { findPracticeUser } from './find-practice-user.js';
import type { Deps } from './ports.js';
import { requireRole } from './require-role.js';
import { staffAuditEvent } from './staff-audit-event.js';

/**
 * Signs a staff account out everywhere (`DELETE /api/v1/users/{id}/sessions`, administrators), e.g. after a lost
 * laptop: every session of the user ends and every API token of theirs is revoked, in one transaction. The account
 * itself stays active; its user signs in again as usual.
 *
 * @example
 * await revokeUserSessions(deps, admin, { userId });
 */
export async function revokeUserSessions(deps: Deps, actor: Actor, input: { readonly userId: string }): Promise<void> {
  requireRole(actor, ['admin'], 'Only an administrator can end the sessions of another account.');
  const user = await findPracticeUser(deps.store, actor, input?.userId);
  await deps.store.transaction(async (tx) => {
    const now = deps.clock.now().toISOString();
    await tx.deleteUserSessions(user.id);
    await tx.revokeUserApiTokens(user.id, now);
    await tx.appendAudit([staffAuditEvent(actor, 'user.sessions.revoke', `user:${user.id}`)], now);
  });
}
