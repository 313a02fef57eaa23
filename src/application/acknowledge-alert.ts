import { z } from 'zod';
import { AlertAction, type ClosedAlert, closeAlert } from '../domain/alerts/close-alert.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { type Actor, actorLabel } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';

const inputSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  alertKey: z.string().min(1).max(300),
  action: z.enum(Object.values(AlertAction), { message: `must be one of ${Object.values(AlertAction).join(', ')}` }),
  /** What was done and found. */
  note: z.string().max(4000, 'must be at most 4000 characters'),
});

export type AcknowledgeAlertInput = z.input<typeof inputSchema>;

/**
 * Records what a clinician did about an open kept alert (a critical item answered or left unanswered) and closes it:
 * the only way such an alert closes (DESIGN 2.3, 2.10). The domain's `closeAlert` checks the acknowledgement (an
 * action from the list and a non-empty note; AppError('invalid-input') with its issues otherwise). The acting user
 * (or the CLI operator) is recorded as who acted, now as when. `not-found` when the client has no open alert with
 * that key; `conflict` when someone closed it meanwhile. Write access; audited (`alert.acknowledge`).
 *
 * @example
 * await acknowledgeAlert(deps, actor, { clientId, alertKey: 'critical-item-answered:adm-7:9', action: 'risk-assessed',
 *   note: 'C-SSRS screen negative; safety plan reviewed.' }) // { alert, acknowledgement, closedAt }
 */
export async function acknowledgeAlert(deps: Deps, actor: Actor, input: AcknowledgeAlertInput): Promise<ClosedAlert> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'alert.acknowledge');
  const v = parseInput(inputSchema, input);
  const stored = (await deps.store.listAlerts(access.clientId, { open: true })).find((s) => s.alert.key === v.alertKey);
  if (!stored) throw new AppError(ErrorCode.notFound, 'No open alert with that key for this client.');
  const at = deps.clock.now().toISOString();
  const closed = closeAlert(stored.alert, {
    alertKey: v.alertKey,
    action: v.action,
    note: v.note.trim(),
    by: actor.kind === 'user' ? actor.userId : actorLabel(actor),
    at,
  });
  await deps.store.transaction(async (tx) => {
    if (!(await tx.recordAlertClosure(stored.id, closed.acknowledgement))) {
      throw new AppError(ErrorCode.conflict, 'The alert was closed meanwhile.');
    }
    await tx.appendAudit([clientAuditEvent(actor, 'alert.acknowledge', access.clientId, `alert:${stored.id}`)], at);
  });
  return closed;
}
