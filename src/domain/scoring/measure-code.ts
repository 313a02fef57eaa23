/**
 * Every issue and flag code of the measures area (scoring, change, Goal Attainment Scaling), stable and kebab-case.
 * docs/errors.md lists them.
 *
 * @example
 * if (outcome.kind === 'invalid' && outcome.issues[0]?.code === MeasureCode.itemOutOfRange) { … }
 */
export const MeasureCode = {
  // Issues about a response (scoreMeasure)
  /** The number of answers is not the instrument's number of scored items. */
  answerCountMismatch: 'answer-count-mismatch',
  /** An answer is not a whole number. */
  itemNotInteger: 'item-not-integer',
  /** An answer is a whole number but not one of the item's allowed values. */
  itemOutOfRange: 'item-out-of-range',
  /** An item is unanswered and the instrument has no missing-item rule (PCL-5, DASS-21, …). */
  itemMissing: 'item-missing',
  /** More items are unanswered than the instrument's missing-item rule allows (PHQ-9/GAD-7: more than two). */
  tooManyMissingItems: 'too-many-missing-items',

  // Flags on a scored response
  /** A critical item was answered at or above its threshold (PHQ-9 item 9 > 0): assess risk the same day. */
  criticalItem: 'critical-item',
  /** A critical item was left unanswered in a prorated response, so risk is unknown. */
  criticalItemMissing: 'critical-item-missing',

  // Issues about scores given for a change (classifyChange)
  /** A score is not a whole number. */
  scoreNotInteger: 'score-not-integer',
  /** A score is outside the instrument's range. */
  scoreOutOfRange: 'score-out-of-range',

  // Issues about Goal Attainment Scaling ratings
  /** No goal ratings were given. */
  gasNoGoals: 'gas-no-goals',
  /** A goal rating is not a whole number from −2 to +2. */
  gasAttainmentOutOfRange: 'gas-attainment-out-of-range',
  /** A goal weight is not a positive finite number. */
  gasWeightInvalid: 'gas-weight-invalid',
} as const;
export type MeasureCode = (typeof MeasureCode)[keyof typeof MeasureCode];
