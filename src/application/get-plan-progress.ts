import { z } from 'zod';
import type { SeriesPoint } from '../domain/progress/series-point.js';
import { type PlanProgress, summarizePlanProgress } from '../domain/progress/summarize-plan-progress.js';
import type { PlanStatus } from '../domain/treatment-plans/treatment-plan.js';
import { getMeasure } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import { planTargetSeries } from './plan-target-series.js';
import type { Deps } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const inputSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
});

export type GetPlanProgressInput = z.input<typeof inputSchema>;

/**
 * Progress of the client's current plan. `progress` holds, per goal and objective, every target's status with the
 * rule that decided it (`decision`), its baseline, latest value, change, expected trajectory and tolerance;
 * `seriesByTargetId` the points each target was judged on (for the chart). Both null/empty without a plan.
 *
 * @example
 * const view: PlanProgressView = { clientId: 'c1', today: '2026-11-27', plan: null, progress: null, seriesByTargetId: {} };
 */
export interface PlanProgressView {
  readonly clientId: string;
  /** Today in the practice time zone: what the statuses were computed for. */
  readonly today: string;
  readonly plan: { readonly id: string; readonly version: number; readonly status: PlanStatus } | null;
  readonly progress: PlanProgress | null;
  readonly seriesByTargetId: Readonly<Record<string, readonly SeriesPoint[]>>;
}

/**
 * Computes the progress of the client's current plan (DESIGN 2.4): builds each target's series from the client's
 * administrations (the total, or the target's subscale) and behaviour logs (in the behaviour's period; the domain
 * converts to the target's), then `summarizePlanProgress` with the instrument registry as the threshold lookup and
 * today in the practice time zone. Goal-attainment-scale targets have no stored ratings yet (empty series). Read
 * access; the read is audited (`progress.read`).
 *
 * @example
 * const { progress } = await getPlanProgress(deps, actor, { clientId });
 * const t = progress?.goals[0]?.targets[0];
 * t?.status // 'on-track'
 * t?.decision.rule // 'on-expected-trajectory'
 */
export async function getPlanProgress(
  deps: Deps,
  actor: Actor,
  input: GetPlanProgressInput,
): Promise<PlanProgressView> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'progress.read');
  parseInput(inputSchema, input);
  const practice = await deps.store.findPractice();
  if (!practice) throw new Error('a client exists without a practice');
  const now = deps.clock.now();
  const today = todayInTimeZone(now, practice.timeZone);
  const plan = await deps.store.findCurrentPlan(access.clientId);

  let view: PlanProgressView = { clientId: access.clientId, today, plan: null, progress: null, seriesByTargetId: {} };
  if (plan) {
    const seriesByTargetId = await planTargetSeries(deps.store, plan);
    view = {
      clientId: access.clientId,
      today,
      plan: { id: plan.id, version: plan.version, status: plan.status },
      progress: summarizePlanProgress(plan.goals, seriesByTargetId, { today, instruments: getMeasure }),
      seriesByTargetId,
    };
  }
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'progress.read', access.clientId, plan ? `plan:${plan.id}` : `client:${access.clientId}`)],
    now.toISOString(),
  );
  return view;
}
