import { MeasureCode } from '../scoring/measure-code.js';
import type { MeasureDefinition } from '../scoring/measure-definition.js';
import { type Issue, issue } from '../shared/issue.js';
import { classifyReliableChange, ReliableChange } from './reliable-change.js';

/**
 * Change between two administrations: the `cairn measures change --json` contract (DESIGN 3.2). A rule that applies
 * but is not met is `false`; a rule the instrument has no sourced definition for is `null`.
 *
 * @example
 * const gad7: ChangeClassification = { instrument: 'gad7', from: 9, to: 6, change: -3, reliableChange: 'none',
 *   response: null, remission: null, recovery: true, reliableRecovery: false };
 */
export interface ChangeClassification {
  readonly instrument: string;
  readonly from: number;
  readonly to: number;
  /** to − from. */
  readonly change: number;
  readonly reliableChange: ReliableChange | null;
  readonly response: boolean | null;
  readonly remission: boolean | null;
  readonly recovery: boolean | null;
  readonly reliableRecovery: boolean | null;
}

/**
 * A classification, or the issues that make the scores unusable.
 *
 * @example
 * classifyChange(getMeasure('phq9')!, 30, 3).kind; // 'invalid' (score-out-of-range)
 */
export type ClassifyChangeOutcome =
  | { readonly kind: 'classified'; readonly result: ChangeClassification }
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] };

/**
 * Classifies the change from a first to a later total of the same instrument. Pure; bad scores give issues
 * (`score-not-integer`, `score-out-of-range`), never an exception. All rules come from the definition:
 * - `reliableChange`: by `reliableChangeThreshold` (see `classifyReliableChange`); null without a threshold.
 * - `response`: a reduction of at least `response.minReductionPercent` % from a first score above
 *   `response.baselineAbove` (PHQ-9: ≥50 %, first score > 9, NQF 1884 [S10]); false when the first score is not above
 *   it; null without a rule.
 * - `remission`: later score below `remission.below` from a first score above `remission.baselineAbove` (PHQ-9: < 5,
 *   first score > 9, CMS159 [S9]); false when the first score is not above it; null without a rule.
 * - `recovery` (NHS Talking Therapies, single-instrument form; PHQ-9 and GAD-7 only): first score at or above the
 *   caseness cut-off and later score below it; false when the first score was already below caseness.
 *   `reliableRecovery`: recovery and reliable improvement. Both null for instruments without the rule.
 *
 * @example
 * classifyChange(getMeasure('phq9')!, 18, 8);
 * // { kind: 'classified', result: { instrument: 'phq9', from: 18, to: 8, change: -10, reliableChange: 'improvement',
 * //   response: true, remission: false, recovery: true, reliableRecovery: true } }
 */
export function classifyChange(definition: MeasureDefinition, from: number, to: number): ClassifyChangeOutcome {
  const issues = [...checkScore(definition, 'from', from), ...checkScore(definition, 'to', to)];
  if (issues.length > 0) return { kind: 'invalid', issues };

  const reliableChange = classifyReliableChange(definition, from, to);
  const recovery = isRecovery(definition, from, to);
  return {
    kind: 'classified',
    result: {
      instrument: definition.id,
      from,
      to,
      change: to - from,
      reliableChange,
      response: isResponse(definition, from, to),
      remission: isRemission(definition, from, to),
      recovery,
      reliableRecovery: recovery === null ? null : recovery && reliableChange === ReliableChange.improvement,
    },
  };
}

function checkScore(definition: MeasureDefinition, field: 'from' | 'to', score: number): Issue[] {
  const { min, max } = definition.range;
  const extra = { path: [field], data: { min, max } };
  if (typeof score !== 'number' || !Number.isInteger(score)) {
    return [
      issue(MeasureCode.scoreNotInteger, 'error', `${field} must be a whole number from ${min} to ${max}.`, extra),
    ];
  }
  if (score < min || score > max) {
    return [
      issue(
        MeasureCode.scoreOutOfRange,
        'error',
        `${field} is outside the ${definition.shortName} range ${min}–${max}.`,
        extra,
      ),
    ];
  }
  return [];
}

function isResponse(definition: MeasureDefinition, from: number, to: number): boolean | null {
  const rule = definition.response;
  if (rule === null) return null;
  if (rule.baselineAbove !== null && from <= rule.baselineAbove) return false;
  if (from <= 0) return false;
  // (from − to) / from ≥ p / 100, in integer-safe form.
  return (from - to) * 100 >= rule.minReductionPercent * from;
}

function isRemission(definition: MeasureDefinition, from: number, to: number): boolean | null {
  const rule = definition.remission;
  if (rule === null) return null;
  if (rule.baselineAbove !== null && from <= rule.baselineAbove) return false;
  return to < rule.below;
}

function isRecovery(definition: MeasureDefinition, from: number, to: number): boolean | null {
  const caseness = definition.casenessCutoff;
  if (definition.recovery === null || caseness === null) return null;
  return from >= caseness && to < caseness;
}
