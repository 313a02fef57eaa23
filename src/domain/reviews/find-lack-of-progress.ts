/**
 * The lack-of-progress rule (DESIGN 2.6): a target on a goal that is still being worked on opens a "review plan" task
 * linked to the goal when
 *
 * 1. its latest value is a reliable deterioration from its baseline (worse by at least the instrument's
 *    reliable-change threshold), or
 * 2. today is on or after the midpoint between the target's start and due dates and the latest value is not a
 *    reliable improvement on the baseline (better by at least the threshold) — including when nothing has been
 *    measured since the start.
 *
 * Reliable change is the instrument's sourced threshold (reference/measures.md Methods A and B: NHS Talking Therapies
 * PHQ-9 6, GAD-7 4; PCL-5 15), applied as `classifyReliableChange` does. Targets without a usable threshold (behaviour
 * counts, goal-attainment scales, unsourced instruments), with direction `maintain`, already met, or on goals that are
 * met or discontinued are not judged by this rule; their progress status (DESIGN 2.4) still shows.
 *
 * @example
 * // PHQ-9 baseline 18, latest 16 (−2) on 2026-10-20; target 2026-09-01 → 2026-12-01 (midpoint 2026-10-16).
 * findLackOfProgress(goal, goalProgress, { today: '2026-10-20', instruments: getMeasure })
 * // [{ kind: 'review-plan', goalId: 'g1', targetId: 't1', reason: 'no-reliable-improvement-by-midpoint', midpoint: '2026-10-16' }]
 */
import type { InstrumentLookup } from '../progress/instrument-thresholds.js';
import { usableReliableChangeThreshold } from '../progress/instrument-thresholds.js';
import type { GoalProgress } from '../progress/summarize-plan-progress.js';
import type { TargetProgress } from '../progress/target-status.js';
import { addDays, type CalendarDate, daysBetween } from '../shared/calendar-date.js';
import type { Goal } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import type { ReviewPlanTask } from './review.js';

/**
 * The midpoint between two dates (rounded down to a whole day).
 *
 * @example
 * midpointOf('2026-09-01', '2026-12-01') // '2026-10-16'
 */
export function midpointOf(start: CalendarDate, end: CalendarDate): CalendarDate {
  return addDays(start, Math.floor(daysBetween(start, end) / 2));
}

/**
 * How much better `to` is than `from` for the target's direction (negative when worse), or null for `maintain`.
 *
 * @example
 * improvementOf('decrease', 18, 11) // 7
 */
export function improvementOf(direction: Target['direction'], from: number, to: number): number | null {
  if (direction === 'decrease') return from - to;
  if (direction === 'increase') return to - from;
  return null;
}

/**
 * The review-plan tasks of one goal (see the file comment), in target order (the goal's own, then its objectives').
 *
 * @example
 * findLackOfProgress(metGoal, progress, { today, instruments }) // []
 */
export function findLackOfProgress(
  goal: Pick<Goal, 'id' | 'status' | 'targets' | 'objectives' | 'startDate' | 'dueDate'>,
  progress: Pick<GoalProgress, 'targets' | 'objectives'> | undefined,
  context: { readonly today: CalendarDate; readonly instruments?: InstrumentLookup },
): ReviewPlanTask[] {
  if (goal.status === 'met' || goal.status === 'discontinued') return [];
  const progressById = new Map<string, TargetProgress>();
  for (const t of progress?.targets ?? []) progressById.set(t.targetId, t);
  for (const o of progress?.objectives ?? []) for (const t of o.targets) progressById.set(t.targetId, t);
  const tasks: ReviewPlanTask[] = [];
  for (const target of [...goal.targets, ...goal.objectives.flatMap((o) => o.targets)]) {
    if (target.measure.kind !== 'instrument') continue;
    const threshold = usableReliableChangeThreshold(context.instruments?.(target.measure.instrumentId));
    const tp = progressById.get(target.id);
    if (threshold === null || !tp || tp.status === 'met' || tp.baseline === null) continue;
    if (target.startDate > context.today) continue;
    const latest = tp.latest;
    const better = latest ? improvementOf(target.direction, tp.baseline.value, latest.value) : 0;
    if (better === null) continue;
    const dueDate = target.dueDate ?? goal.dueDate;
    const midpoint = dueDate ? midpointOf(target.startDate, dueDate) : null;
    if (latest && better <= -threshold) {
      tasks.push({
        kind: 'review-plan',
        goalId: goal.id,
        targetId: target.id,
        reason: 'reliable-deterioration',
        midpoint,
      });
    } else if (midpoint !== null && context.today >= midpoint && better < threshold) {
      tasks.push({
        kind: 'review-plan',
        goalId: goal.id,
        targetId: target.id,
        reason: 'no-reliable-improvement-by-midpoint',
        midpoint,
      });
    }
  }
  return tasks;
}
