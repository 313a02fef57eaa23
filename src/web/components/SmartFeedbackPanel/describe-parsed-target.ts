/**
 * Plain words for what the goal-text analysis read out of a goal, so the clinician confirms it instead of re-typing
 * it (DESIGN 2.5): the measure, the direction, the baseline, the target and the deadline.
 *
 * @example
 * describeParsedTarget(analysis.targets[0], instruments)
 * // { what: 'PHQ-9', direction: 'decrease', baseline: 'from 18', goal: 'to ≤ 9' }
 * describeDeadline(analysis.deadline) // 'within 16 weeks (due 22 Dec 2026)'
 */
import type {
  GoalTextDeadline,
  GoalTextGoal,
  GoalTextInstrument,
  GoalTextTarget,
  GoalTextValue,
} from '../../../domain/goal-text/goal-analysis.js';
import { comparatorSymbol, formatDate, formatNumber, plural } from '../../lib/format.js';

/**
 * One parsed target in words; a field is null when the text does not say it.
 *
 * @example
 * const parsed: ParsedTargetWords = { what: 'panic attacks', direction: 'decrease', baseline: 'from 4 per week', goal: 'to ≤ 1 per week' };
 */
export interface ParsedTargetWords {
  readonly what: string;
  readonly direction: string | null;
  readonly baseline: string | null;
  readonly goal: string | null;
}

function unitSuffix(unit: GoalTextTarget['unit']): string {
  switch (unit) {
    case 'minute':
      return ' min';
    case 'hour':
      return ' h';
    case 'day':
      return ' days';
    case 'percent':
      return '%';
    default:
      return '';
  }
}

function valueWords(value: GoalTextValue, unit: GoalTextTarget['unit']): string {
  return `${formatNumber(value.value)}${unitSuffix(unit)}${value.per ? ` per ${value.per}` : ''}`;
}

function goalWords(goal: GoalTextGoal, target: GoalTextTarget): string {
  const points = target.kind === 'instrument';
  switch (goal.kind) {
    case 'absolute':
      return `to ${comparatorSymbol(goal.comparator)} ${formatNumber(goal.value)}${unitSuffix(target.unit)}${goal.per ? ` per ${goal.per}` : ''}`;
    case 'change': {
      const size = Math.abs(goal.change);
      const amount = points ? plural(size, 'point') : formatNumber(size);
      return `${amount} ${goal.change < 0 ? 'lower' : 'higher'}`;
    }
    case 'change-percent':
      return `${formatNumber(Math.abs(goal.changePercent))}% ${goal.changePercent < 0 ? 'reduction' : 'increase'}`;
    case 'reliable-improvement':
      return goal.change === null
        ? 'a reliable improvement'
        : `a reliable improvement (${plural(Math.abs(goal.change), 'point')})`;
  }
}

/**
 * The words of one parsed target.
 *
 * @example
 * describeParsedTarget({ kind: 'behavior', measure: null, behavior: 'panic attacks', direction: 'decrease',
 *   baseline: { value: 4, per: 'week' }, target: { kind: 'absolute', value: 1, comparator: '<=', per: 'week' } }, [])
 * // { what: 'panic attacks', direction: 'decrease', baseline: 'from 4 per week', goal: 'to ≤ 1 per week' }
 */
export function describeParsedTarget(
  target: GoalTextTarget,
  instruments: readonly GoalTextInstrument[],
): ParsedTargetWords {
  const instrument = target.measure ? instruments.find((i) => i.id === target.measure) : undefined;
  const base = instrument?.shortName ?? target.scaleName ?? target.behavior ?? target.measure ?? 'the goal';
  const what = target.subscale ? `${base} (${target.subscale})` : base;
  return {
    what,
    direction: target.direction,
    baseline: target.baseline ? `from ${valueWords(target.baseline, target.unit)}` : null,
    goal: target.target ? goalWords(target.target, target) : null,
  };
}

/**
 * The deadline in words, with the resolved due date when there is one; null when the text gives none.
 *
 * @example
 * describeDeadline({ kind: 'relative', amount: 8, unit: 'session', dueDate: null }) // 'within 8 sessions'
 */
export function describeDeadline(deadline: GoalTextDeadline | null): string | null {
  if (deadline === null) return null;
  if (deadline.kind === 'date') return `by ${formatDate(deadline.date)}`;
  const span = plural(deadline.amount, deadline.unit);
  return deadline.dueDate ? `within ${span} (due ${formatDate(deadline.dueDate)})` : `within ${span}`;
}
