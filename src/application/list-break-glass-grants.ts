import { type Actor, actorLabel } from './actor.js';
import type { BreakGlassGrantEntry, Deps } from './ports.js';
import { requireRole } from './require-role.js';

/**
 * The practice's break-glass grants for review (DESIGN 2.8: listed for review), newest first: who, which client (id
 * only), the stated reason, when, until when, and the review if any. With `unreviewed`, only those still to review
 * (the web app's admin banner counts them). Admins and auditors; audited (`break-glass.list`).
 *
 * @example
 * const { items } = await listBreakGlassGrants(deps, admin, { unreviewed: true });
 */
export async function listBreakGlassGrants(
  deps: Deps,
  actor: Actor,
  options: { readonly unreviewed?: boolean } = {},
): Promise<readonly BreakGlassGrantEntry[]> {
  requireRole(actor, ['admin', 'auditor'], 'Only an administrator or auditor can list emergency access.');
  const practice = await deps.store.findPractice();
  const practiceId = actor.kind === 'user' ? actor.practiceId : practice?.id;
  if (!practiceId) return [];
  const grants = await deps.store.listBreakGlassGrants(practiceId, options);
  await deps.store.appendAudit(
    [
      {
        actor: actorLabel(actor),
        action: 'break-glass.list',
        resource: `practice:${practiceId}`,
        clientIds: [...new Set(grants.map((g) => g.clientId))],
        outcome: 'success',
        origin: actor.kind === 'cli' ? 'cli' : null,
      },
    ],
    deps.clock.now().toISOString(),
  );
  return grants;
}
