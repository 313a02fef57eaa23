import type { Actor } from './actor.js';
import type { Deps, User } from './ports.js';
import { practiceIdOf, requireRole } from './require-role.js';
import { staffAuditEvent } from './staff-audit-event.js';

/**
 * The practice's staff accounts, newest first (`GET /api/v1/users`): administrators manage them, auditors read them.
 *
 * @example
 * const users = await listUsers(deps, actor); // [{ id, email, name, roles, active, … }]
 */
export async function listUsers(deps: Deps, actor: Actor): Promise<readonly User[]> {
  requireRole(actor, ['admin', 'auditor'], 'Only administrators and auditors can list staff accounts.');
  const practiceId = practiceIdOf(actor, await deps.store.findPractice());
  const users = practiceId ? await deps.store.listUsers(practiceId) : [];
  await deps.store.appendAudit([staffAuditEvent(actor, 'user.list', null)], deps.clock.now().toISOString());
  return [...users].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
