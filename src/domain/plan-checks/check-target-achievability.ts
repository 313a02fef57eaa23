/**
 * Whether a target can be reached in the time it is given (DESIGN 2.5 "target not achievable in the time given"):
 * - `beyond-scale`: the value asked for lies past the instrument's floor or ceiling (its `range`, reference/measures.md
 *   for each instrument), or below zero for a count;
 * - `faster-than-typical-course`: the change per week asked for exceeds the instrument's `typicalChangePerWeek`, used
 *   only when the definition has a sourced value (none does today, so this never fires on shipped instruments);
 * - `no-time`: the due date is not after the start date.
 * Also says when the baseline already meets the target (except for `maintain` targets). Pure facts; `checkPlan` turns them into findings.
 *
 * @example
 * checkTargetAchievability({ ...target, baseline: 18, goal: { kind: 'change', change: -20 } }, phq9);
 * // { kind: 'not-achievable', reason: 'beyond-scale', targetValue: -2, … }
 */
import { daysBetween } from '../shared/calendar-date.js';
import type { Comparator, Target } from '../treatment-plans/target.js';
import type { UnachievableReason } from './plan-check-code.js';
import type { PlanCheckInstrument } from './plan-finding.js';

/**
 * The verdict on one target.
 *
 * @example
 * const verdict: TargetAchievability = checkTargetAchievability(target, phq9); // { kind: 'achievable' }
 */
export type TargetAchievability =
  | { readonly kind: 'achievable' }
  /** Not enough is known to judge (no baseline for a relative target, no instrument definition). */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'already-met'; readonly baseline: number; readonly targetValue: number }
  | {
      readonly kind: 'not-achievable';
      readonly reason: UnachievableReason;
      /** The value the target asks for, when it can be worked out. */
      readonly targetValue: number | null;
      /** Weeks from start to due date. */
      readonly weeks: number;
      /** For `faster-than-typical-course`: the fewest whole weeks the typical change needs. */
      readonly weeksNeeded: number | null;
      /** Where the fact comes from (the instrument's citation), when it is about the instrument. */
      readonly source: string | null;
    };

/**
 * Judges one target. `instrument` is the definition of the target's instrument, if it is one.
 *
 * @example
 * checkTargetAchievability(phq9Target, phq9).kind; // 'achievable'
 */
export function checkTargetAchievability(
  target: Target,
  instrument: PlanCheckInstrument | undefined,
): TargetAchievability {
  const days = daysBetween(target.startDate, target.dueDate);
  const weeks = days / 7;
  if (days <= 0) {
    return { kind: 'not-achievable', reason: 'no-time', targetValue: null, weeks, weeksNeeded: null, source: null };
  }
  const isInstrument = target.measure.kind === 'instrument';
  if (isInstrument && !instrument) return { kind: 'unknown' };
  const value = effectiveTargetValue(target, instrument);

  const range = isInstrument && instrument ? instrument.range : { min: 0, max: Number.POSITIVE_INFINITY };
  if (isBeyond(target, value, range)) {
    return {
      kind: 'not-achievable',
      reason: 'beyond-scale',
      targetValue: value,
      weeks,
      weeksNeeded: null,
      source: instrument ? (instrument.citations.range ?? instrument.source) : null,
    };
  }
  const maintains = target.direction === 'maintain';
  if (
    !maintains &&
    target.baseline !== null &&
    target.goal.kind === 'absolute' &&
    meets(target.baseline, target.goal)
  ) {
    return { kind: 'already-met', baseline: target.baseline, targetValue: target.goal.value };
  }
  const typical = instrument?.typicalChangePerWeek ?? null;
  if (isInstrument && typical !== null && typical > 0 && target.baseline !== null && value !== null) {
    const needed = Math.abs(value - target.baseline);
    if (needed > typical * weeks) {
      return {
        kind: 'not-achievable',
        reason: 'faster-than-typical-course',
        targetValue: value,
        weeks,
        weeksNeeded: Math.ceil(needed / typical),
        source: instrument?.citations.typicalChangePerWeek ?? instrument?.source ?? null,
      };
    }
  }
  if (value === null && target.goal.kind !== 'absolute') return { kind: 'unknown' };
  return { kind: 'achievable' };
}

/** The score or count a target asks for, or null when it depends on an unknown baseline or threshold. */
function effectiveTargetValue(target: Target, instrument: PlanCheckInstrument | undefined): number | null {
  const goal = target.goal;
  switch (goal.kind) {
    case 'absolute':
      return goal.value;
    case 'change':
      return target.baseline === null ? null : target.baseline + goal.change;
    case 'change-percent':
      return target.baseline === null ? null : target.baseline * (1 + goal.changePercent / 100);
    case 'reliable-improvement': {
      const threshold = instrument?.reliableChangeThreshold ?? null;
      if (target.baseline === null || threshold === null) return null;
      const better = instrument?.direction === 'higher-is-better' ? 1 : -1;
      return target.baseline + better * threshold;
    }
  }
}

function isBeyond(target: Target, value: number | null, range: { min: number; max: number }): boolean {
  if (value === null) return false;
  if (target.goal.kind !== 'absolute') return value < range.min || value > range.max;
  switch (target.goal.comparator) {
    case '<=':
      return value < range.min;
    case '<':
      return value <= range.min;
    case '>=':
      return value > range.max;
    case '>':
      return value >= range.max;
    case '=':
      return value < range.min || value > range.max;
  }
}

function meets(baseline: number, goal: { readonly value: number; readonly comparator: Comparator }): boolean {
  switch (goal.comparator) {
    case '<=':
      return baseline <= goal.value;
    case '<':
      return baseline < goal.value;
    case '>=':
      return baseline >= goal.value;
    case '>':
      return baseline > goal.value;
    case '=':
      return baseline === goal.value;
  }
}
