/**
 * Drafts a review from the data (DESIGN 2.6, issue 8 item 1): for each goal still being worked on (not `met` or
 * `discontinued`), in plan order,
 * - per target (the goal's own, then its objectives'), the score change since the last signed review — or since the
 *   target's baseline when there was none, or the last review did not have the target — with the reliable-change flag
 *   (`improvement`, `deterioration`, `none`; null without a sourced threshold: reference/measures.md Methods A/B) and
 *   the target's computed progress status (DESIGN 2.4);
 * - the goal's and each objective's progress word, each objective's interventions;
 * - the lack-of-progress tasks (`findLackOfProgress`);
 * - an empty outcome, decision and note for the clinician to fill in.
 *
 * A target is matched to the last review by its id, else by the goal's lineage and the measure (a revised plan version
 * gives targets new ids). Deterministic: the same plan, progress and last review give the same draft.
 *
 * @example
 * const goals = draftReview(plan, progress, lastSignedReview, { today: '2026-11-26', instruments: getMeasure });
 * goals[0]?.targets[0] // { measureKey: 'instrument:phq9', fromSource: 'baseline', from: 18, to: 11, change: -7, reliableChange: 'improvement', … }
 */
import type { InstrumentLookup } from '../progress/instrument-thresholds.js';
import { usableReliableChangeThreshold } from '../progress/instrument-thresholds.js';
import type { ReliableChange } from '../progress/reliable-change.js';
import type { PlanProgress } from '../progress/summarize-plan-progress.js';
import type { TargetProgress } from '../progress/target-status.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Goal, Intervention } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import type { TreatmentPlan } from '../treatment-plans/treatment-plan.js';
import { findLackOfProgress, improvementOf } from './find-lack-of-progress.js';
import type { Review, ReviewGoal, ReviewTargetSnapshot } from './review.js';

/**
 * The key that matches a target across plan versions: its measure.
 *
 * @example
 * measureKeyOf({ kind: 'instrument', instrumentId: 'phq9' }) // 'instrument:phq9'
 */
export function measureKeyOf(measure: Target['measure']): string {
  switch (measure.kind) {
    case 'instrument':
      return measure.subscale === undefined
        ? `instrument:${measure.instrumentId}`
        : `instrument:${measure.instrumentId}:${measure.subscale}`;
    case 'behavior':
      return `behavior:${measure.behaviorId}`;
    case 'gas':
      return 'gas';
  }
}

function labelOf(measure: Target['measure']): string {
  switch (measure.kind) {
    case 'instrument':
      return measure.subscale === undefined ? measure.instrumentId : `${measure.instrumentId} (${measure.subscale})`;
    case 'behavior':
      return measure.behaviorId;
    case 'gas':
      return 'goal attainment';
  }
}

function interventionText(i: Intervention): string {
  const how = [i.deliveredBy, i.frequency].map((s) => s.trim()).filter((s) => s !== '');
  return how.length > 0 ? `${i.name} (${how.join(', ')})` : i.name;
}

function reliableChangeOf(
  target: Target,
  from: number | null,
  to: number | null,
  instruments: InstrumentLookup | undefined,
): ReliableChange | null {
  if (from === null || to === null || target.measure.kind !== 'instrument') return null;
  const threshold = usableReliableChangeThreshold(instruments?.(target.measure.instrumentId));
  const better = improvementOf(target.direction, from, to);
  if (threshold === null || better === null) return null;
  if (better >= threshold) return 'improvement';
  if (-better >= threshold) return 'deterioration';
  return 'none';
}

function snapshotOf(
  target: Target,
  tp: TargetProgress | undefined,
  previous: ReviewGoal | undefined,
  instruments: InstrumentLookup | undefined,
  labels: MeasureLabels | undefined,
): ReviewTargetSnapshot {
  const measureKey = measureKeyOf(target.measure);
  const last =
    previous?.targets.find((t) => t.targetId === target.id) ??
    previous?.targets.find((t) => t.measureKey === measureKey);
  const fromLast = last !== undefined && last.to !== null;
  const from = fromLast ? last.to : (tp?.baseline?.value ?? null);
  const fromDate = fromLast ? last.toDate : (tp?.baseline?.date ?? null);
  const to = tp?.latest?.value ?? null;
  return {
    targetId: target.id,
    measureKey,
    label: labels?.(target.measure) ?? labelOf(target.measure),
    fromSource: fromLast ? 'last-review' : 'baseline',
    from,
    fromDate,
    to,
    toDate: tp?.latest?.date ?? null,
    change: from !== null && to !== null ? to - from : null,
    reliableChange: reliableChangeOf(target, from, to, instruments),
    status: tp?.status ?? 'no-data',
  };
}

/**
 * Names a target's measure for display ("PHQ-9", "Panic attacks"); undefined falls back to the instrument or
 * behaviour id.
 *
 * @example
 * const labels: MeasureLabels = (m) => (m.kind === 'instrument' ? m.instrumentId.toUpperCase() : undefined);
 */
export type MeasureLabels = (measure: Target['measure']) => string | undefined;

/**
 * The drafted goals of a review (see the file comment).
 *
 * @example
 * draftReview(plan, progress, null, { today: '2026-11-26' }).map((g) => g.outcome) // [null, null]
 */
export function draftReview(
  plan: Pick<TreatmentPlan, 'goals'>,
  progress: PlanProgress,
  lastReview: Pick<Review, 'goals'> | null,
  context: {
    readonly today: CalendarDate;
    readonly instruments?: InstrumentLookup;
    readonly labels?: MeasureLabels;
  },
): ReviewGoal[] {
  const open = (g: Goal) => g.status !== 'met' && g.status !== 'discontinued';
  return [...plan.goals]
    .sort((a, b) => a.position - b.position)
    .filter(open)
    .map((goal): ReviewGoal => {
      const lineageId = goal.lineageId ?? goal.id;
      const gp = progress.goals.find((p) => p.goalId === goal.id);
      const previous =
        lastReview?.goals.find((g) => g.lineageId === lineageId) ?? lastReview?.goals.find((g) => g.goalId === goal.id);
      const byTarget = new Map<string, TargetProgress>();
      for (const t of gp?.targets ?? []) byTarget.set(t.targetId, t);
      for (const o of gp?.objectives ?? []) for (const t of o.targets) byTarget.set(t.targetId, t);
      const objectives = [...goal.objectives].sort((a, b) => a.position - b.position);
      return {
        goalId: goal.id,
        lineageId,
        statement: goal.statement,
        statusAtReview: goal.status,
        progress: gp?.overall ?? 'no-targets',
        targets: [...goal.targets, ...objectives.flatMap((o) => o.targets)].map((t) =>
          snapshotOf(t, byTarget.get(t.id), previous, context.instruments, context.labels),
        ),
        objectives: objectives.map((o) => ({
          objectiveId: o.id,
          statement: o.statement,
          progress: gp?.objectives.find((p) => p.objectiveId === o.id)?.overall ?? 'no-targets',
          interventions: o.interventions.map(interventionText),
        })),
        tasks: findLackOfProgress(goal, gp, context),
        outcome: null,
        decision: null,
        note: '',
      };
    });
}
