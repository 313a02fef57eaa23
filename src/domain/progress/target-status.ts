/**
 * The computed progress status of one target (DESIGN 2.4, issue 3 part 5): `met`, `on-track`, `off-track`,
 * `not-started`, `overdue` or `no-data`, with the expected trajectory and the rule that decided it, as data so the
 * UI can say why ("off track: 3 points above the expected line at week 6"). docs/progress-rules.md §5 lists the
 * rules in the order they are tried, with worked examples.
 *
 * @example
 * // PHQ-9 from 18 to ≤ 7 between 2026-09-01 and 2026-11-24 (12 weeks): the line is 12.5 at week 6.
 * const target: Target = { id: 't1', measure: { kind: 'instrument', instrumentId: 'phq9' }, direction: 'decrease',
 *   baseline: 18, goal: { kind: 'absolute', value: 7, comparator: '<=' }, per: null,
 *   startDate: '2026-09-01', dueDate: '2026-11-24' };
 * const progress = computeTargetStatus(target, [{ date: '2026-10-13', value: 16 }], {
 *   today: '2026-10-14', instrument: { reliableChangeThreshold: 6 },
 * });
 * progress.status // 'off-track'
 * progress.decision // { rule: 'behind-expected-trajectory', data: { expected: 12.5, latest: 16, worseBy: 3.5, tolerance: 3, week: 6, … } }
 */
import { type CalendarDate, daysBetween } from '../shared/calendar-date.js';
import type { Comparator, Target } from '../treatment-plans/target.js';
import {
  computeExpectedTrajectory,
  type ExpectedTrajectory,
  expectedValueAt,
  weeksSinceStart,
} from './expected-trajectory.js';
import { type InstrumentThresholds, usableReliableChangeThreshold } from './instrument-thresholds.js';
import {
  computeProgressTolerance,
  DEFAULT_PROGRESS_SETTINGS,
  type ProgressSettings,
  type ProgressTolerance,
} from './progress-tolerance.js';
import { type Baseline, resolveBaseline } from './resolve-baseline.js';
import { type Better, type ResolvedGoal, resolveTargetGoal } from './resolve-target-goal.js';
import { satisfiesComparator } from './satisfies-comparator.js';
import { normalizeSeries, type SeriesPoint } from './series-point.js';

/**
 * The computed progress status of a target. Not the goal's lifecycle status (set by the clinician) and not a
 * review outcome (DESIGN 2.2). Deterioration is an alert, not a status.
 *
 * @example
 * const status: TargetStatus = TargetStatus.onTrack;
 */
export const TargetStatus = {
  /** The latest value since the start satisfies the goal's comparator. */
  met: 'met',
  /** Not met yet, and the latest value is no further behind the expected line than the tolerance. */
  onTrack: 'on-track',
  /** Not met, and the latest value is behind the expected line by the tolerance or more (or a held goal was lost). */
  offTrack: 'off-track',
  /** The start date is in the future, or nothing has been measured since the start (and the due date has not passed). */
  notStarted: 'not-started',
  /** The due date has passed and the goal is not met. */
  overdue: 'overdue',
  /** The data needed to judge is missing: no baseline and no values, or a goal that cannot be put on the scale. */
  noData: 'no-data',
} as const;
export type TargetStatus = (typeof TargetStatus)[keyof typeof TargetStatus];

/**
 * The rules that decide a status, tried in this order; the first that applies decides.
 *
 * @example
 * const rule: TargetStatusRule = TargetStatusRule.behindExpectedTrajectory;
 */
export const TargetStatusRule = {
  /** not-started: today is before the start date. */
  beforeStart: 'before-start',
  /** no-data: the target has no baseline and there is no value up to today. */
  noBaselineOrValues: 'no-baseline-or-values',
  /** no-data: a reliable-improvement goal on a measure without a reliable-change threshold. */
  reliableChangeThresholdUnknown: 'reliable-change-threshold-unknown',
  /** no-data: a reliable-improvement (or zero-change) goal with direction `maintain`, so better is undefined. */
  improvementDirectionUnknown: 'improvement-direction-unknown',
  /** overdue: the due date has passed and nothing was measured since the start. */
  dueDatePassedWithoutMeasurement: 'due-date-passed-without-measurement',
  /** not-started: nothing measured since the start, and the due date has not passed. */
  noMeasurementSinceStart: 'no-measurement-since-start',
  /** met: the latest value since the start satisfies the goal's comparator. */
  goalMet: 'goal-met',
  /** overdue: the due date has passed and the latest value does not satisfy the goal. */
  dueDatePassed: 'due-date-passed',
  /** off-track: the baseline already satisfied the goal (a goal to hold) and the latest value no longer does. */
  heldGoalLost: 'held-goal-lost',
  /** off-track: the latest value is behind the expected line by the tolerance or more. */
  behindExpectedTrajectory: 'behind-expected-trajectory',
  /** on-track: the latest value is on, ahead of, or less than the tolerance behind the expected line. */
  onExpectedTrajectory: 'on-expected-trajectory',
} as const;
export type TargetStatusRule = (typeof TargetStatusRule)[keyof typeof TargetStatusRule];

/**
 * Data of the two trajectory rules. `worseBy` is the distance behind the expected line in the measure's units,
 * positive when worse (above the line for a reduction), negative when ahead.
 *
 * @example
 * const data: TrajectoryComparison = { expected: 12.5, latest: 16, latestDate: '2026-10-13', worseBy: 3.5, tolerance: 3, toleranceBasis: 'fraction-of-reliable-change', week: 6, better: 'lower' };
 */
export interface TrajectoryComparison {
  readonly expected: number;
  readonly latest: number;
  readonly latestDate: CalendarDate;
  readonly worseBy: number;
  readonly tolerance: number;
  readonly toleranceBasis: ProgressTolerance['basis'];
  /** Whole weeks from the start to the latest value's date (the start is week 0). */
  readonly week: number;
  readonly better: Better;
}

/**
 * Data of the rules that compare the latest value with the goal.
 *
 * @example
 * const data: GoalComparison = { latest: 8, latestDate: '2026-12-01', goalValue: 9, comparator: '<=' };
 */
export interface GoalComparison {
  readonly latest: number;
  readonly latestDate: CalendarDate;
  readonly goalValue: number;
  readonly comparator: Comparator;
}

/**
 * The rule that decided a status, with the numbers behind it (discriminated on `rule`).
 *
 * @example
 * const decision: TargetStatusDecision = { rule: 'before-start', data: { startDate: '2026-09-01', daysUntilStart: 3 } };
 */
export type TargetStatusDecision =
  | {
      readonly rule: 'before-start';
      readonly data: { readonly startDate: CalendarDate; readonly daysUntilStart: number };
    }
  | { readonly rule: 'no-baseline-or-values'; readonly data: Readonly<Record<string, never>> }
  | {
      readonly rule: 'reliable-change-threshold-unknown';
      readonly data: { readonly measureKind: Target['measure']['kind']; readonly instrumentId: string | null };
    }
  | { readonly rule: 'improvement-direction-unknown'; readonly data: { readonly direction: Target['direction'] } }
  | {
      readonly rule: 'due-date-passed-without-measurement';
      readonly data: { readonly dueDate: CalendarDate; readonly daysOverdue: number };
    }
  | {
      readonly rule: 'no-measurement-since-start';
      readonly data: { readonly startDate: CalendarDate; readonly daysSinceStart: number };
    }
  | { readonly rule: 'goal-met'; readonly data: GoalComparison }
  | {
      readonly rule: 'due-date-passed';
      readonly data: GoalComparison & { readonly dueDate: CalendarDate; readonly daysOverdue: number };
    }
  | { readonly rule: 'held-goal-lost'; readonly data: GoalComparison & { readonly baseline: number } }
  | { readonly rule: 'behind-expected-trajectory'; readonly data: TrajectoryComparison }
  | { readonly rule: 'on-expected-trajectory'; readonly data: TrajectoryComparison };

/**
 * Everything the progress view shows for one target.
 * - `baseline`: where progress is measured from (null when unknown); `goal`: the goal as one bound on the scale
 *   (null when it cannot be resolved); `latest`: the last value from the start date up to today (null when none);
 *   `change`: latest − baseline; `expectedTrajectory`: the line to draw; `expected`: its value at the latest
 *   value's date; `tolerance`: the on-track allowance.
 *
 * @example
 * progress.status === 'off-track' && progress.decision.rule === 'behind-expected-trajectory'
 */
export interface TargetProgress {
  readonly targetId: string;
  readonly status: TargetStatus;
  readonly decision: TargetStatusDecision;
  readonly baseline: Baseline | null;
  readonly goal: ResolvedGoal | null;
  readonly latest: SeriesPoint | null;
  readonly change: number | null;
  readonly expectedTrajectory: ExpectedTrajectory | null;
  readonly expected: number | null;
  readonly tolerance: ProgressTolerance | null;
}

/**
 * What a target's status is computed against: today's date (in the practice time zone), the instrument's
 * thresholds when the target is on an instrument, and the practice's progress settings.
 *
 * @example
 * const context: TargetStatusContext = { today: '2026-10-14', instrument: { reliableChangeThreshold: 6 } };
 */
export interface TargetStatusContext {
  readonly today: CalendarDate;
  readonly instrument?: InstrumentThresholds | null;
  readonly settings?: ProgressSettings;
}

const STATUS_OF_RULE: Readonly<Record<TargetStatusRule, TargetStatus>> = {
  'before-start': 'not-started',
  'no-baseline-or-values': 'no-data',
  'reliable-change-threshold-unknown': 'no-data',
  'improvement-direction-unknown': 'no-data',
  'due-date-passed-without-measurement': 'overdue',
  'no-measurement-since-start': 'not-started',
  'goal-met': 'met',
  'due-date-passed': 'overdue',
  'held-goal-lost': 'off-track',
  'behind-expected-trajectory': 'off-track',
  'on-expected-trajectory': 'on-track',
};

/**
 * The status a rule decides.
 *
 * @example
 * statusOfRule('behind-expected-trajectory') // 'off-track'
 */
export function statusOfRule(rule: TargetStatusRule): TargetStatus {
  return STATUS_OF_RULE[rule];
}

/**
 * Computes a target's status from its series. Values dated after today are ignored; behaviour values are
 * converted to the target's period first. Rules, in order (the first that applies decides):
 * 1. today < start → not-started (`before-start`);
 * 2. no baseline and no value → no-data (`no-baseline-or-values`); a goal that cannot be put on the scale →
 *    no-data (`reliable-change-threshold-unknown`, `improvement-direction-unknown`);
 * 3. nothing measured since the start → overdue after the due date (`due-date-passed-without-measurement`), else
 *    not-started (`no-measurement-since-start`);
 * 4. the latest value since the start satisfies the goal's comparator → met (`goal-met`);
 * 5. today > due date → overdue (`due-date-passed`); the due date itself is still in time;
 * 6. the baseline already satisfied the goal → off-track (`held-goal-lost`);
 * 7. the latest value is behind the expected line (at its own date) by the tolerance or more, and by more than
 *    zero → off-track (`behind-expected-trajectory`); else on-track (`on-expected-trajectory`).
 *
 * @example
 * computeTargetStatus(
 *   { id: 't1', measure: { kind: 'instrument', instrumentId: 'phq9' }, direction: 'decrease', baseline: 18,
 *     goal: { kind: 'absolute', value: 9, comparator: '<=' }, per: null, startDate: '2026-09-01', dueDate: '2026-12-22' },
 *   [{ date: '2026-12-01', value: 8 }],
 *   { today: '2026-12-02', instrument: { reliableChangeThreshold: 6 } },
 * ).status // 'met'
 */
export function computeTargetStatus(
  target: Target,
  series: readonly SeriesPoint[],
  context: TargetStatusContext,
): TargetProgress {
  const { today } = context;
  const settings = context.settings ?? DEFAULT_PROGRESS_SETTINGS;
  const threshold = target.measure.kind === 'instrument' ? usableReliableChangeThreshold(context.instrument) : null;

  const points = normalizeSeries(series, target.per).filter((point) => point.date <= today);
  const baseline = resolveBaseline(target, points);
  const resolution = resolveTargetGoal(target, baseline?.value ?? null, threshold);
  const goal = resolution.kind === 'resolved' ? resolution.goal : null;
  const latest = points.filter((point) => point.date >= target.startDate).at(-1) ?? null;
  const expectedTrajectory =
    baseline !== null && goal !== null ? computeExpectedTrajectory(target, baseline.value, goal.value) : null;
  const expected =
    expectedTrajectory !== null && latest !== null ? expectedValueAt(expectedTrajectory, latest.date) : null;
  const tolerance =
    baseline !== null && goal !== null
      ? computeProgressTolerance(target.measure, goal.value - baseline.value, threshold, settings)
      : null;

  const decide = (decision: TargetStatusDecision): TargetProgress => ({
    targetId: target.id,
    status: statusOfRule(decision.rule),
    decision,
    baseline,
    goal,
    latest,
    change: baseline !== null && latest !== null ? latest.value - baseline.value : null,
    expectedTrajectory,
    expected,
    tolerance,
  });

  // 1. Not begun.
  if (today < target.startDate) {
    return decide({
      rule: 'before-start',
      data: { startDate: target.startDate, daysUntilStart: daysBetween(today, target.startDate) },
    });
  }
  // 2. Not enough data to judge.
  if (baseline === null) return decide({ rule: 'no-baseline-or-values', data: {} });
  if (resolution.kind === 'unresolved') {
    if (resolution.reason === 'improvement-direction-unknown') {
      return decide({ rule: 'improvement-direction-unknown', data: { direction: target.direction } });
    }
    // 'no-baseline' cannot happen here (the baseline is known); a missing threshold is the remaining reason.
    return decide({
      rule: 'reliable-change-threshold-unknown',
      data: {
        measureKind: target.measure.kind,
        instrumentId: target.measure.kind === 'instrument' ? target.measure.instrumentId : null,
      },
    });
  }
  const resolvedGoal = resolution.goal;
  // 3. Nothing measured since the start.
  if (latest === null) {
    if (today > target.dueDate) {
      return decide({
        rule: 'due-date-passed-without-measurement',
        data: { dueDate: target.dueDate, daysOverdue: daysBetween(target.dueDate, today) },
      });
    }
    return decide({
      rule: 'no-measurement-since-start',
      data: { startDate: target.startDate, daysSinceStart: daysBetween(target.startDate, today) },
    });
  }
  const goalComparison: GoalComparison = {
    latest: latest.value,
    latestDate: latest.date,
    goalValue: resolvedGoal.value,
    comparator: resolvedGoal.comparator,
  };
  // 4. Met: the comparator, exactly.
  if (satisfiesComparator(latest.value, resolvedGoal.comparator, resolvedGoal.value)) {
    return decide({ rule: 'goal-met', data: goalComparison });
  }
  // 5. Past the due date and not met.
  if (today > target.dueDate) {
    return decide({
      rule: 'due-date-passed',
      data: { ...goalComparison, dueDate: target.dueDate, daysOverdue: daysBetween(target.dueDate, today) },
    });
  }
  // 6. A goal the baseline already satisfied (a goal to hold) that is no longer satisfied.
  if (satisfiesComparator(baseline.value, resolvedGoal.comparator, resolvedGoal.value)) {
    return decide({ rule: 'held-goal-lost', data: { ...goalComparison, baseline: baseline.value } });
  }
  // 7. Against the expected line.
  const expectedNow = expected ?? resolvedGoal.value;
  const toleranceNow = tolerance ?? { value: 0, basis: 'fraction-of-planned-change' };
  const worseBy = distanceBehind(latest.value, expectedNow, resolvedGoal.better);
  const comparison: TrajectoryComparison = {
    expected: expectedNow,
    latest: latest.value,
    latestDate: latest.date,
    worseBy,
    tolerance: toleranceNow.value,
    toleranceBasis: toleranceNow.basis,
    week: weeksSinceStart(target.startDate, latest.date),
    better: resolvedGoal.better,
  };
  if (worseBy > 0 && worseBy >= toleranceNow.value) {
    return decide({ rule: 'behind-expected-trajectory', data: comparison });
  }
  return decide({ rule: 'on-expected-trajectory', data: comparison });
}

/** How far `value` is behind `expected`, positive when worse. */
function distanceBehind(value: number, expected: number, better: Better): number {
  switch (better) {
    case 'lower':
      return value - expected;
    case 'higher':
      return expected - value;
    case 'nearer':
      return Math.abs(value - expected);
  }
}
