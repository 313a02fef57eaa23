import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import type { Deps } from './ports.js';

/**
 * The client's current treatment plan (`GET /api/v1/clients/{clientId}/plan`): goals, objectives, interventions,
 * targets and the payer elements; `not-found` when the client has no plan yet.
 *
 * @example
 * const plan = await getCurrentPlan(deps, clinician, { clientId });
 * plan.goals[0]?.targets[0]?.measure // { kind: 'instrument', instrumentId: 'phq9' }
 */
export async function getCurrentPlan(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string },
): Promise<TreatmentPlan> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'plan.read');
  const plan = await deps.store.findCurrentPlan(input.clientId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'plan.read', input.clientId, plan ? `plan:${plan.id}` : `client:${input.clientId}`)],
    deps.clock.now().toISOString(),
  );
  if (!plan) throw new AppError(ErrorCode.notFound, 'The client has no treatment plan yet.');
  return plan;
}
