/**
 * DESIGN 2.6: lack of progress — no reliable improvement by the midpoint, or reliable deterioration — opens a
 * "review plan" task linked to the goal. This pure rule says which active goals need one and why; the application
 * opens each task once (deduplicated by goal, reason code and target) and does not close it automatically.
 * docs/progress-rules.md §8.
 *
 * @example
 * findGoalsNeedingReview(plan.goals, { t1: [{ date: '2026-10-20', value: 16 }] }, { today: '2026-10-21', instruments: getMeasure })
 * // [{ goalId: 'g1', reasons: [{ code: 'no-reliable-improvement-by-midpoint', targetId: 't1', objectiveId: null, data: { … } }] }]
 */
import { classifyReliableChange } from '../progress/reliable-change.js';
import { resolveBaseline } from '../progress/resolve-baseline.js';
import { normalizeSeries, type SeriesPoint } from '../progress/series-point.js';
import { addDays, type CalendarDate, daysBetween } from '../shared/calendar-date.js';
import type { Goal } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import type { ReliableChangeLookup } from './compute-open-alerts.js';

/**
 * Why a goal needs a review task.
 *
 * @example
 * ReviewReasonCode.reliableDeterioration // 'reliable-deterioration'
 */
export const ReviewReasonCode = {
  /** The target's midpoint has passed and the latest value since the start is not a reliable improvement on the baseline (or there is none). */
  noReliableImprovementByMidpoint: 'no-reliable-improvement-by-midpoint',
  /** The latest value since the start is reliably worse than the baseline. */
  reliableDeterioration: 'reliable-deterioration',
} as const;
export type ReviewReasonCode = (typeof ReviewReasonCode)[keyof typeof ReviewReasonCode];

/**
 * One reason, with the target (and objective) it comes from and the numbers behind it.
 * `latest` is null when nothing was measured since the start.
 *
 * @example
 * const reason: ReviewReason = { code: 'reliable-deterioration', targetId: 't1', objectiveId: null,
 *   data: { baseline: 12, latest: 19, latestDate: '2026-10-06', threshold: 6, midpoint: '2026-10-13' } };
 */
export interface ReviewReason {
  readonly code: ReviewReasonCode;
  readonly targetId: string;
  readonly objectiveId: string | null;
  readonly data: {
    readonly baseline: number;
    readonly latest: number | null;
    readonly latestDate: CalendarDate | null;
    readonly threshold: number;
    readonly midpoint: CalendarDate;
  };
}

/**
 * A goal that needs a "review plan" task, with every reason found.
 *
 * @example
 * const need: GoalReviewNeed = { goalId: 'g1', reasons: [reason] };
 */
export interface GoalReviewNeed {
  readonly goalId: string;
  readonly reasons: readonly ReviewReason[];
}

/**
 * What the rule is computed against.
 *
 * @example
 * const context: GoalReviewContext = { today: '2026-10-21', instruments: getMeasure };
 */
export interface GoalReviewContext {
  readonly today: CalendarDate;
  readonly instruments: ReliableChangeLookup;
}

/**
 * The midpoint of a target: the start date plus half the days to the due date, rounded down.
 *
 * @example
 * targetMidpoint({ startDate: '2026-09-01', dueDate: '2026-11-24' }) // '2026-10-13'
 */
export function targetMidpoint(target: Pick<Target, 'startDate' | 'dueDate'>): CalendarDate {
  return addDays(target.startDate, Math.floor(Math.max(0, daysBetween(target.startDate, target.dueDate)) / 2));
}

/**
 * Finds the active goals that need a review task. Looks at every instrument target of an active goal and of its
 * objectives whose instrument has a reliable-change threshold (reference/measures.md Methods A, B; Method D's
 * interim "not on track" suggestion), from the start date up to today:
 * - reliable deterioration: the latest value is worse than the baseline by at least the threshold;
 * - no reliable improvement by the midpoint: today is on or after the midpoint and the latest value is not better
 *   than the baseline by at least the threshold (or nothing was measured since the start).
 * Behaviour and GAS targets have no reliable-change threshold and are not looked at. Baselines are resolved as for
 * the target status (the target's own, else from the series).
 *
 * @example
 * findGoalsNeedingReview([goal], { t1: [{ date: '2026-10-13', value: 17 }] }, { today: '2026-10-14', instruments: getMeasure })
 * // [{ goalId: 'g1', reasons: [{ code: 'no-reliable-improvement-by-midpoint', … }] }]
 */
export function findGoalsNeedingReview(
  goals: readonly Pick<Goal, 'id' | 'status' | 'targets' | 'objectives'>[],
  seriesByTargetId: Readonly<Record<string, readonly SeriesPoint[]>>,
  context: GoalReviewContext,
): GoalReviewNeed[] {
  const needs: GoalReviewNeed[] = [];
  for (const goal of goals) {
    if (goal.status !== 'active') continue;
    const targets = [
      ...goal.targets.map((target) => ({ target, objectiveId: null })),
      ...goal.objectives.flatMap((objective) =>
        objective.targets.map((target) => ({ target, objectiveId: objective.id as string | null })),
      ),
    ];
    const reasons = targets.flatMap(({ target, objectiveId }) =>
      reviewReasonsFor(target, objectiveId, seriesByTargetId[target.id] ?? [], context),
    );
    if (reasons.length > 0) needs.push({ goalId: goal.id, reasons });
  }
  return needs;
}

function reviewReasonsFor(
  target: Target,
  objectiveId: string | null,
  series: readonly SeriesPoint[],
  context: GoalReviewContext,
): ReviewReason[] {
  if (target.measure.kind !== 'instrument' || context.today < target.startDate) return [];
  const instrument = context.instruments(target.measure.instrumentId);
  const threshold = instrument?.reliableChangeThreshold;
  if (!instrument || typeof threshold !== 'number' || !(threshold > 0)) return [];

  const points = normalizeSeries(series, null).filter((point) => point.date <= context.today);
  const baseline = resolveBaseline(target, points);
  if (baseline === null) return [];
  const latest = points.filter((point) => point.date >= target.startDate).at(-1) ?? null;
  const midpoint = targetMidpoint(target);
  const data = {
    baseline: baseline.value,
    latest: latest?.value ?? null,
    latestDate: latest?.date ?? null,
    threshold,
    midpoint,
  };
  const change = latest === null ? null : classifyReliableChange(instrument, baseline.value, latest.value);
  if (change === 'deterioration') {
    return [{ code: ReviewReasonCode.reliableDeterioration, targetId: target.id, objectiveId, data }];
  }
  if (context.today >= midpoint && change !== 'improvement') {
    return [{ code: ReviewReasonCode.noReliableImprovementByMidpoint, targetId: target.id, objectiveId, data }];
  }
  return [];
}
