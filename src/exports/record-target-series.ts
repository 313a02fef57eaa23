import type { SeriesPoint } from '../domain/progress/series-point.js';
import type { Target } from '../domain/treatment-plans/target.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import { getMeasure } from '../measures/registry.js';
import type { ClientRecord } from './client-record.js';

/**
 * Every target of a plan (the goals' own and their objectives'), in plan order.
 *
 * @example
 * planTargets(plan).map((t) => t.id) // ['t1', 't2']
 */
export function planTargets(plan: Pick<TreatmentPlan, 'goals'>): Target[] {
  return plan.goals.flatMap((g) => [...g.targets, ...g.objectives.flatMap((o) => o.targets)]);
}

/**
 * Each target's series from a client record, as the progress endpoint builds it (application/get-plan-progress.ts):
 * instrument totals (or the target's subscale) from the administrations, behaviour counts in the behaviour's own
 * period from the logs (the domain converts to the target's period), nothing for goal-attainment-scale targets.
 * The exports layer cannot import the application, hence this twin; both are checked against the same statuses.
 *
 * @example
 * recordTargetSeries(record)[phq9TargetId]?.[0] // { date: '2026-09-01', value: 18, sourceId: 'adm-1' }
 */
export function recordTargetSeries(record: ClientRecord): Record<string, SeriesPoint[]> {
  const series: Record<string, SeriesPoint[]> = {};
  if (!record.plan) return series;
  for (const target of planTargets(record.plan)) {
    const measure = target.measure;
    switch (measure.kind) {
      case 'instrument': {
        const definition = getMeasure(measure.instrumentId);
        const instrumentId = definition?.id ?? measure.instrumentId;
        const points: SeriesPoint[] = [];
        for (const a of record.administrations) {
          if (a.instrumentId !== instrumentId) continue;
          const value =
            measure.subscale !== undefined
              ? a.subscales[measure.subscale]
              : definition?.scoring.total === null
                ? undefined
                : a.total;
          if (value !== undefined) points.push({ date: a.administeredOn, value, sourceId: a.id });
        }
        series[target.id] = points;
        break;
      }
      case 'behavior': {
        const behavior = record.behaviors.find((b) => b.id === measure.behaviorId);
        series[target.id] = record.behaviorLogs
          .filter((l) => l.behaviorId === measure.behaviorId)
          .map((l) => ({ date: l.periodStart, value: l.count, per: behavior?.period ?? null, sourceId: l.id }));
        break;
      }
      case 'gas':
        series[target.id] = [];
        break;
    }
  }
  return series;
}
