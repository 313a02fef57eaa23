import { z } from 'zod';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps, StoredAlert } from './ports.js';

const inputSchema = z.object({
  clientId: z.string().min(1).max(100),
  open: z.boolean().optional(),
});

export type ListClientAlertsInput = z.input<typeof inputSchema>;

/**
 * The client's kept alerts (`GET /api/v1/clients/{clientId}/alerts`): those that only a recorded action closes
 * (critical item answered or unanswered), newest first, open ones only when `open` is true. Each closed one carries
 * the acknowledgement that closed it. Computed alerts (off track, no recent measure, reliable deterioration) come
 * with the plan's progress. Read access; audited (`alert.list`).
 *
 * @example
 * const open = await listClientAlerts(deps, clinician, { clientId, open: true });
 * open[0]?.alert.code // 'critical-item-answered'
 */
export async function listClientAlerts(
  deps: Deps,
  actor: Actor,
  input: ListClientAlertsInput,
): Promise<readonly StoredAlert[]> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'alert.list');
  const v = parseInput(inputSchema, input);
  const alerts = await deps.store.listAlerts(access.clientId, v.open === undefined ? {} : { open: v.open });
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'alert.list', access.clientId, `client:${access.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return [...alerts].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id));
}
