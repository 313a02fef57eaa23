/**
 * The expected trajectory of a target (DESIGN 2.4): a straight line from the baseline at the start date to the
 * goal value at the due date. Before the start it is the baseline; after the due date it is the goal value.
 * docs/progress-rules.md §3.
 *
 * @example
 * const line = computeExpectedTrajectory({ startDate: '2026-09-01', dueDate: '2026-11-24' }, 18, 7);
 * expectedValueAt(line, '2026-10-13') // 12.5 (week 6 of 12)
 */
import { type CalendarDate, daysBetween } from '../shared/calendar-date.js';
import type { Target } from '../treatment-plans/target.js';

/**
 * A point of the expected line.
 *
 * @example
 * const point: TrajectoryPoint = { date: '2026-09-01', value: 18 };
 */
export interface TrajectoryPoint {
  readonly date: CalendarDate;
  readonly value: number;
}

/**
 * The expected line, from (start date, baseline) to (due date, goal value). Charts draw it as is.
 *
 * @example
 * const line: ExpectedTrajectory = { from: { date: '2026-09-01', value: 18 }, to: { date: '2026-11-24', value: 7 } };
 */
export interface ExpectedTrajectory {
  readonly from: TrajectoryPoint;
  readonly to: TrajectoryPoint;
}

/**
 * Builds the expected line of a target from its baseline and its goal value (see resolveTargetGoal).
 *
 * @example
 * computeExpectedTrajectory({ startDate: '2026-09-01', dueDate: '2026-12-22' }, 18, 9)
 * // { from: { date: '2026-09-01', value: 18 }, to: { date: '2026-12-22', value: 9 } }
 */
export function computeExpectedTrajectory(
  target: Pick<Target, 'startDate' | 'dueDate'>,
  baseline: number,
  goalValue: number,
): ExpectedTrajectory {
  return { from: { date: target.startDate, value: baseline }, to: { date: target.dueDate, value: goalValue } };
}

/**
 * The expected value on a date: linear between the two ends, the baseline before the start and the goal value
 * from the due date on. When the due date is not after the start, the goal value from the start on.
 *
 * @example
 * expectedValueAt({ from: { date: '2026-09-01', value: 18 }, to: { date: '2026-11-24', value: 7 } }, '2026-10-13') // 12.5
 */
export function expectedValueAt(trajectory: ExpectedTrajectory, date: CalendarDate): number {
  const { from, to } = trajectory;
  if (date < from.date) return from.value;
  if (date >= to.date) return to.value;
  const span = daysBetween(from.date, to.date);
  const elapsed = daysBetween(from.date, date);
  return from.value + ((to.value - from.value) * elapsed) / span;
}

/**
 * Whole weeks from the start date to a date ("week 6" is 42 to 48 days after the start; the start is week 0).
 * Dates are calendar dates in the practice time zone (DESIGN 2.10).
 *
 * @example
 * weeksSinceStart('2026-09-01', '2026-10-13') // 6
 */
export function weeksSinceStart(startDate: CalendarDate, date: CalendarDate): number {
  return Math.floor(daysBetween(startDate, date) / 7);
}
