/**
 * Turns a target's goal (absolute, change in points, change in percent, reliable improvement) into one bound and
 * comparator on the measure's own scale, plus which side is better. Every progress rule then works on this one
 * form, so `met` means the same thing for every kind of goal. docs/progress-rules.md §2.
 *
 * @example
 * resolveTargetGoal({ direction: 'decrease', goal: { kind: 'change-percent', changePercent: -50 } }, 18, null)
 * // { kind: 'resolved', goal: { value: 9, comparator: '<=', better: 'lower' } }
 */
import type { Comparator, Target } from '../treatment-plans/target.js';

/**
 * Which side of the goal value is better: lower values, higher values, or nearer to it (an exact `=` goal).
 *
 * @example
 * const better: Better = Better.lower;
 */
export const Better = {
  /** Lower values are better (symptom scores, unwanted behaviours). */
  lower: 'lower',
  /** Higher values are better (wanted behaviours, GAS levels). */
  higher: 'higher',
  /** Values nearer the goal value are better (an exact `=` goal). */
  nearer: 'nearer',
} as const;
export type Better = (typeof Better)[keyof typeof Better];

/**
 * A goal as one bound on the measure's scale.
 *
 * @example
 * const goal: ResolvedGoal = { value: 9, comparator: '<=', better: 'lower' };
 */
export interface ResolvedGoal {
  readonly value: number;
  readonly comparator: Comparator;
  readonly better: Better;
}

/**
 * Why a goal could not be put on the measure's scale.
 *
 * @example
 * const reason: GoalUnresolvedReason = GoalUnresolvedReason.noBaseline;
 */
export const GoalUnresolvedReason = {
  /** A relative goal (points, percent, reliable improvement) needs a baseline and there is none. */
  noBaseline: 'no-baseline',
  /** A reliable-improvement goal on a measure without a sourced reliable-change threshold. */
  reliableChangeThresholdUnknown: 'reliable-change-threshold-unknown',
  /** A reliable-improvement or zero-change goal whose direction is `maintain`, so "better" is undefined. */
  improvementDirectionUnknown: 'improvement-direction-unknown',
} as const;
export type GoalUnresolvedReason = (typeof GoalUnresolvedReason)[keyof typeof GoalUnresolvedReason];

/**
 * The result of {@link resolveTargetGoal}.
 *
 * @example
 * const resolution: GoalResolution = { kind: 'unresolved', reason: 'no-baseline' };
 */
export type GoalResolution =
  | { readonly kind: 'resolved'; readonly goal: ResolvedGoal }
  | { readonly kind: 'unresolved'; readonly reason: GoalUnresolvedReason };

/**
 * Which side of a comparator's bound is better.
 *
 * @example
 * betterSideOf('<=') // 'lower'
 */
export function betterSideOf(comparator: Comparator): Better {
  switch (comparator) {
    case '<=':
    case '<':
      return Better.lower;
    case '>=':
    case '>':
      return Better.higher;
    case '=':
      return Better.nearer;
  }
}

/**
 * Puts a target's goal on the measure's scale.
 * - absolute: the value and comparator as written; the comparator says which side is better.
 * - change (points) / change-percent: bound = baseline + change (or baseline × (1 + percent / 100)); a reduction
 *   is reached at or below the bound (`<=`), an increase at or above it (`>=`). A zero change follows the
 *   direction (`maintain` → `=`).
 * - reliable-improvement: bound = baseline ∓ the instrument's reliable-change threshold, in the target's direction
 *   (reference/measures.md Method A: reliable improvement is a change of at least the threshold).
 *
 * @example
 * resolveTargetGoal({ direction: 'decrease', goal: { kind: 'reliable-improvement' } }, 18, 6)
 * // { kind: 'resolved', goal: { value: 12, comparator: '<=', better: 'lower' } }
 */
export function resolveTargetGoal(
  target: Pick<Target, 'goal' | 'direction'>,
  baseline: number | null,
  reliableChangeThreshold: number | null,
): GoalResolution {
  const goal = target.goal;
  switch (goal.kind) {
    case 'absolute':
      return resolved(goal.value, goal.comparator);
    case 'change':
      if (baseline === null) return unresolved(GoalUnresolvedReason.noBaseline);
      return resolveRelative(baseline + goal.change, goal.change, target.direction);
    case 'change-percent':
      if (baseline === null) return unresolved(GoalUnresolvedReason.noBaseline);
      return resolveRelative(baseline * (1 + goal.changePercent / 100), goal.changePercent, target.direction);
    case 'reliable-improvement':
      if (baseline === null) return unresolved(GoalUnresolvedReason.noBaseline);
      if (reliableChangeThreshold === null) return unresolved(GoalUnresolvedReason.reliableChangeThresholdUnknown);
      if (target.direction === 'decrease') return resolved(baseline - reliableChangeThreshold, '<=');
      if (target.direction === 'increase') return resolved(baseline + reliableChangeThreshold, '>=');
      return unresolved(GoalUnresolvedReason.improvementDirectionUnknown);
  }
}

function resolveRelative(value: number, change: number, direction: Target['direction']): GoalResolution {
  if (change < 0 || (change === 0 && direction === 'decrease')) return resolved(value, '<=');
  if (change > 0 || (change === 0 && direction === 'increase')) return resolved(value, '>=');
  return resolved(value, '=');
}

function resolved(value: number, comparator: Comparator): GoalResolution {
  return { kind: 'resolved', goal: { value, comparator, better: betterSideOf(comparator) } };
}

function unresolved(reason: GoalUnresolvedReason): GoalResolution {
  return { kind: 'unresolved', reason };
}
