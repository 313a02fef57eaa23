/**
 * Checks on the values of each target that need no client data: a value outside the instrument's range, a target the
 * stated baseline already meets, a change smaller than the instrument's reliable-change threshold (the thresholds
 * come from the instrument definitions, which cite reference/measures.md), a target that goes against the verb, a
 * named band or rule the instrument does not have, a scale Cairn does not know, and a missing baseline.
 *
 * @example
 * checkTargetValues(readTargets(…'Reduce PHQ-9 from 18 to 30.'…), text, undefined)[0]?.code; // 'goal-value-out-of-range'
 */
import type { Comparator } from '../../treatment-plans/target.js';
import type { GoalContext, GoalTextFinding, GoalTextInstrument } from '../goal-analysis.js';
import { makeFinding } from '../make-finding.js';
import type { ClauseReading, TargetsReading } from '../read-targets.js';

/**
 * True when `value` satisfies `comparator target`.
 *
 * @example
 * satisfies(8, '<=', 9); // true
 */
export function satisfies(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '=':
      return value === target;
  }
}

/**
 * The score range of a clause's instrument (its subscale's when one is named).
 *
 * @example
 * rangeOf(phq9, undefined); // { min: 0, max: 27 }
 */
export function rangeOf(instrument: GoalTextInstrument, subscale: string | undefined): { min: number; max: number } {
  const sub = subscale === undefined ? undefined : instrument.subscales?.find((s) => s.id === subscale);
  return sub?.range ?? instrument.range;
}

function clauseWords(clause: ClauseReading, text: string): string {
  return text.slice(clause.span.start, clause.span.end);
}

/**
 * Findings about target values, in clause order.
 *
 * @example
 * checkTargetValues(reading, 'Lower GAD-7 from 15 to ≤7 within 12 weeks.', undefined); // []
 */
export function checkTargetValues(
  reading: TargetsReading,
  text: string,
  context: GoalContext | undefined,
): GoalTextFinding[] {
  const findings: GoalTextFinding[] = [];
  for (const clause of reading.clauses) {
    const target = clause.target;
    const goal = target.target;
    const instrument = clause.instrument;
    for (const note of clause.notes) {
      if (note.kind === 'direction-conflict') {
        findings.push(
          makeFinding('goal-direction-conflict', 'warning', { words: clauseWords(clause, text) }, note.span),
        );
      } else {
        const measure = instrument?.shortName ?? target.scaleName ?? 'The instrument';
        const cutoff = instrument?.casenessCutoff ?? undefined;
        const data = { measure, label: note.label, ...(cutoff === undefined ? {} : { cutoff }) };
        findings.push(makeFinding('goal-unknown-band', 'warning', data, note.span));
      }
    }
    if (instrument !== null) {
      const range = rangeOf(instrument, target.subscale);
      const values: number[] = [];
      if (target.baseline !== null) values.push(target.baseline.value);
      if (goal?.kind === 'absolute') values.push(goal.value);
      for (const value of values) {
        if (value < range.min || value > range.max) {
          findings.push(
            makeFinding(
              'goal-value-out-of-range',
              'error',
              { value, measure: instrument.shortName, min: range.min, max: range.max },
              clause.span,
            ),
          );
        }
      }
      const threshold = instrument.reliableChangeThreshold;
      const change =
        goal?.kind === 'change'
          ? goal.change
          : goal?.kind === 'absolute' && target.baseline !== null
            ? goal.value - target.baseline.value
            : null;
      if (
        threshold !== null &&
        change !== null &&
        change !== 0 &&
        Math.abs(change) < threshold &&
        target.direction !== 'maintain'
      ) {
        findings.push(
          makeFinding(
            'goal-change-below-reliable-change',
            'info',
            { change, measure: instrument.shortName, threshold },
            clause.span,
          ),
        );
      }
    }
    if (goal?.kind === 'absolute' && target.baseline !== null && target.direction !== 'maintain') {
      if (satisfies(target.baseline.value, goal.comparator, goal.value) && goal.value !== target.baseline.value) {
        findings.push(
          makeFinding(
            'goal-target-already-met',
            'warning',
            { value: target.baseline.value, words: clauseWords(clause, text) },
            clause.span,
          ),
        );
      }
    }
    const knownLatest = target.measure !== null && context?.latestScores?.[target.measure] !== undefined;
    const needsBaseline =
      goal !== null &&
      goal.kind !== 'reliable-improvement' &&
      (target.direction === 'decrease' || target.direction === 'increase');
    const zeroTarget = goal?.kind === 'absolute' && goal.value === 0;
    if (needsBaseline && target.baseline === null && !knownLatest && !zeroTarget) {
      findings.push(makeFinding('goal-missing-baseline', 'info', { words: clauseWords(clause, text) }, clause.span));
    }
  }
  const seen = new Set<string>();
  for (const scale of reading.unknownScales) {
    if (seen.has(scale.name)) continue;
    seen.add(scale.name);
    findings.push(makeFinding('goal-unknown-instrument', 'info', { words: scale.name }, scale.span));
  }
  return findings;
}
