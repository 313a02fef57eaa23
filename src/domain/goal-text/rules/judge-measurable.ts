/**
 * Measurable: at least one target can be checked — a value (absolute, change, band, zero) on an instrument, a rating,
 * or a defined behaviour counted or timed; or a defined task that is done or not ("complete the exposure hierarchy",
 * "resume driving"). "Reduce panic attacks" names a countable event but no value: not measurable
 * (`goal-no-target-value`). A number on an undefined state ("reduce anxiety by 50%") is not measurable either.
 *
 * @example
 * judgeMeasurable(readTargets(…'Attend work five days a week.'…), text).verdict.met; // true
 */
import type { GoalTextFinding, GoalTextGoal } from '../goal-analysis.js';
import { makeFinding } from '../make-finding.js';
import type { ClauseReading, TargetsReading } from '../read-targets.js';
import type { Judgement } from './judge-specific.js';

/**
 * Writes a target's goal in words: "≤ 9", "≥ 5 per week", "a change of -10", "a 50% reduction".
 *
 * @example
 * describeGoal({ kind: 'absolute', value: 9, comparator: '<=', per: null }); // '≤ 9'
 */
export function describeGoal(goal: GoalTextGoal, unit?: string): string {
  switch (goal.kind) {
    case 'absolute': {
      const symbol = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '=': '=' }[goal.comparator];
      const unitText =
        unit === undefined || unit === 'percent'
          ? unit === 'percent'
            ? '%'
            : ''
          : ` ${unit}${goal.value === 1 ? '' : 's'}`;
      return `${symbol} ${goal.value}${unitText}${goal.per === null ? '' : ` per ${goal.per}`}`;
    }
    case 'change':
      return `a change of ${goal.change > 0 ? '+' : ''}${goal.change} points`;
    case 'change-percent':
      return goal.changePercent < 0 ? `a ${-goal.changePercent}% reduction` : `a ${goal.changePercent}% increase`;
    case 'reliable-improvement':
      return goal.change === null ? 'a reliable improvement' : `a reliable improvement (${goal.change} points)`;
  }
}

function describe(clause: ClauseReading): string {
  const target = clause.target;
  const what =
    target.measure !== null
      ? (clause.instrument?.shortName ?? target.measure)
      : (target.scaleName ?? target.behavior ?? 'the target');
  if (target.target === null) return `"${what}" is a task that is done or not`;
  return `${what} ${describeGoal(target.target, target.unit)}`;
}

/**
 * Judges Measurable from the clauses of the statement.
 *
 * @example
 * judgeMeasurable(reading, 'Lower GAD-7 from 15 to ≤7.').verdict.reason; // 'Target: GAD-7 ≤ 7'
 */
export function judgeMeasurable(reading: TargetsReading, text: string): Judgement {
  const measurable = reading.clauses.filter((c) => c.measurable);
  const findings: GoalTextFinding[] = [];
  for (const clause of reading.clauses) {
    if (clause.measurable || !clause.specific) continue;
    const words = clause.target.behavior ?? text.slice(clause.span.start, clause.span.end);
    const measure = clause.instrument?.shortName ?? clause.target.scaleName;
    const cutoff = clause.instrument?.casenessCutoff ?? undefined;
    const threshold = clause.instrument?.reliableChangeThreshold ?? undefined;
    const data = {
      words,
      ...(measure === undefined ? {} : { measure }),
      ...(cutoff === undefined ? {} : { cutoff }),
      ...(threshold === undefined ? {} : { threshold }),
    };
    findings.push(makeFinding('goal-no-target-value', 'warning', data, clause.span));
  }
  if (measurable.length > 0) {
    return {
      verdict: {
        met: true,
        reason: `Target: ${measurable.map(describe).join('; ')}`,
        spans: measurable.map((c) => c.span),
      },
      findings,
    };
  }
  const unspecific = reading.clauses.every((c) => !c.specific);
  if (unspecific) findings.push(makeFinding('goal-no-measure', 'warning', { words: text.trim() }));
  const reason = unspecific
    ? 'There is no instrument, count or observable task to measure.'
    : 'A measure or behaviour is named, but not the value to reach.';
  return { verdict: { met: false, reason, spans: reading.clauses.map((c) => c.span) }, findings };
}
