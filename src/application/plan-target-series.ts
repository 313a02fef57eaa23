import type { SeriesPoint } from '../domain/progress/series-point.js';
import type { Target } from '../domain/treatment-plans/target.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import { getMeasure } from '../measures/registry.js';
import type { Administration, BehaviorDefinition, BehaviorLogEntry, Store } from './ports.js';

/**
 * The points each target of a plan version is judged on (DESIGN 2.4), keyed by target id: instrument totals (or the
 * target's subscale) and behaviour counts in the behaviour's own period (the domain converts to the target's).
 * Goal-attainment-scale targets have no stored ratings yet (empty series). A fixed number of queries whatever the
 * plan's size. Shared by the progress endpoint and the review drafts.
 *
 * @example
 * const series = await planTargetSeries(store, plan);
 * summarizePlanProgress(plan.goals, series, { today, instruments: getMeasure });
 */
export async function planTargetSeries(
  store: Store,
  plan: TreatmentPlan,
): Promise<Record<string, readonly SeriesPoint[]>> {
  const targets = plan.goals.flatMap((g) => [...g.targets, ...g.objectives.flatMap((o) => o.targets)]);
  const needsInstruments = targets.some((t) => t.measure.kind === 'instrument');
  const behaviorIds = [
    ...new Set(targets.flatMap((t) => (t.measure.kind === 'behavior' ? [t.measure.behaviorId] : []))),
  ];
  const [administrations, behaviors, logs] = await Promise.all([
    needsInstruments ? store.listAdministrations(plan.clientId) : Promise.resolve([]),
    behaviorIds.length > 0 ? store.listBehaviors(plan.clientId) : Promise.resolve([]),
    behaviorIds.length > 0 ? store.listBehaviorLogsOf(behaviorIds) : Promise.resolve([]),
  ]);
  const logsByBehavior = new Map<string, BehaviorLogEntry[]>(behaviorIds.map((id) => [id, []]));
  for (const entry of logs) logsByBehavior.get(entry.behaviorId)?.push(entry);
  const seriesByTargetId: Record<string, readonly SeriesPoint[]> = {};
  for (const target of targets) {
    seriesByTargetId[target.id] = seriesOf(target, administrations, behaviors, logsByBehavior);
  }
  return seriesByTargetId;
}

/** A target's points: instrument totals (or a subscale), or behaviour counts in the behaviour's own period. */
function seriesOf(
  target: Target,
  administrations: readonly Administration[],
  behaviors: readonly BehaviorDefinition[],
  logsByBehavior: ReadonlyMap<string, readonly BehaviorLogEntry[]>,
): SeriesPoint[] {
  const measure = target.measure;
  switch (measure.kind) {
    case 'instrument': {
      const definition = getMeasure(measure.instrumentId);
      const instrumentId = definition?.id ?? measure.instrumentId;
      const points: SeriesPoint[] = [];
      for (const a of administrations) {
        if (a.instrumentId !== instrumentId) continue;
        const value =
          measure.subscale !== undefined
            ? a.subscales[measure.subscale]
            : definition?.scoring.total === null
              ? undefined
              : a.total;
        if (value !== undefined) points.push({ date: a.administeredOn, value, sourceId: a.id });
      }
      return points;
    }
    case 'behavior': {
      const behavior = behaviors.find((b) => b.id === measure.behaviorId);
      return (logsByBehavior.get(measure.behaviorId) ?? []).map((l) => ({
        date: l.periodStart,
        value: l.count,
        per: behavior?.period ?? null,
        sourceId: l.id,
      }));
    }
    case 'gas':
      return [];
  }
}
