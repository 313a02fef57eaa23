import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { comparePlans, type PlanComparison } from '../domain/treatment-plans/compare-plans.js';
import type { PlanVersionSummary, TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';

/**
 * Every version of the client's plan, newest first (`GET /api/v1/clients/{clientId}/plans`): the open draft, the
 * signed version in force, and the superseded ones, with their signatures and content hashes.
 *
 * @example
 * (await listPlanVersions(deps, clinician, { clientId })).map((v) => v.status) // ['draft', 'signed', 'superseded']
 */
export async function listPlanVersions(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string },
): Promise<readonly PlanVersionSummary[]> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'plan.versions.list');
  const versions = await deps.store.listPlanVersions(input.clientId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'plan.versions.list', input.clientId, `client:${input.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return versions;
}

const versionSchema = z.object({ clientId: z.string().min(1).max(100), planId: z.string().min(1).max(100) });

/**
 * One version of the client's plan (`GET /api/v1/clients/{clientId}/plans/{planId}`); `not-found` for a plan of
 * another client.
 *
 * @example
 * const v1 = await getPlanVersion(deps, auditor, { clientId, planId });
 */
export async function getPlanVersion(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof versionSchema>,
): Promise<TreatmentPlan> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'plan.read');
  const v = parseInput(versionSchema, input);
  const plan = await deps.store.findPlanById(v.planId);
  await deps.store.appendAudit(
    [
      clientAuditEvent(
        actor,
        'plan.read',
        v.clientId,
        `plan:${v.planId}`,
        plan?.clientId === v.clientId ? 'success' : 'denied',
      ),
    ],
    deps.clock.now().toISOString(),
  );
  if (!plan || plan.clientId !== v.clientId) throw new AppError(ErrorCode.notFound, 'No such plan version.');
  return plan;
}

const compareSchema = z.object({
  clientId: z.string().min(1).max(100),
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100),
});

/**
 * Compares two versions of the client's plan (`GET /api/v1/clients/{clientId}/plans/compare?from=ID&to=ID`): the
 * plan fields that differ and every goal and objective, matched across versions, as added, removed, changed or
 * unchanged with the fields that changed.
 *
 * @example
 * const diff = await comparePlanVersions(deps, clinician, { clientId, from: v1.id, to: draft.id });
 * diff.summary.goalsChanged // 1
 */
export async function comparePlanVersions(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof compareSchema>,
): Promise<PlanComparison> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'plan.compare');
  const v = parseInput(compareSchema, input);
  const [from, to] = await Promise.all([deps.store.findPlanById(v.from), deps.store.findPlanById(v.to)]);
  const found = from?.clientId === v.clientId && to?.clientId === v.clientId;
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'plan.compare', v.clientId, `plan:${v.from}..${v.to}`, found ? 'success' : 'denied')],
    deps.clock.now().toISOString(),
  );
  if (!from || !to || !found) throw new AppError(ErrorCode.notFound, 'No such plan version.');
  return comparePlans(from, to);
}
