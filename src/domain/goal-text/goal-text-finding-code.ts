/**
 * The catalog of finding codes of the goal-text analysis. Codes are stable kebab-case: never rename one, add a new
 * one instead. docs/goal-text.md lists every code; a test keeps the two in sync.
 *
 * @example
 * const finding = { code: GoalTextFindingCode.missingDeadline, severity: 'warning', message: '…', suggestion: '…' };
 */
export const GoalTextFindingCode = {
  /** The text is empty or only white space. */
  empty: 'goal-text-empty',
  /** The text is longer than the 2,000 characters analysed. */
  tooLong: 'goal-text-too-long',
  /** The goal names only a global state or trait ("feel better", "self-esteem"), not a defined behaviour or task. */
  vague: 'goal-vague',
  /** Nothing in the goal can be measured: no instrument, no counted behaviour, no observable task. */
  noMeasure: 'goal-no-measure',
  /** A measure or behaviour is named but not the value to reach. */
  noTargetValue: 'goal-no-target-value',
  /** The goal has no deadline. */
  missingDeadline: 'goal-missing-deadline',
  /** A target value is given without the starting value. */
  missingBaseline: 'goal-missing-baseline',
  /** A value lies outside the instrument's score range. */
  outOfRange: 'goal-value-out-of-range',
  /** The target goes the opposite way from the stated direction ("reduce from 5 to 9"). */
  directionConflict: 'goal-direction-conflict',
  /** The baseline already meets the target. */
  alreadyMet: 'goal-target-already-met',
  /** A named band ("the mild range") that the instrument does not have. */
  unknownBand: 'goal-unknown-band',
  /** Something that looks like an instrument name that is not in the instrument list. */
  unknownInstrument: 'goal-unknown-instrument',
  /** The deadline date is not after today. */
  deadlinePassed: 'goal-deadline-passed',
  /** The deadline is a plan milestone ("by discharge", "at the next review") without a date of its own. */
  undatedDeadline: 'goal-deadline-not-dated',
  /** A date that is not a real calendar date ("31 February"). */
  invalidDate: 'goal-invalid-date',
  /** The target asks for more change than the instrument's scale allows from the baseline (past its floor). */
  pastFloor: 'goal-target-past-floor',
  /** The target asks for faster change than the instrument's usual change per week. */
  tooFast: 'goal-change-too-fast',
  /** A relative change smaller than the instrument's reliable-change threshold. */
  belowReliableChange: 'goal-change-below-reliable-change',
  /** The goal is not linked to any element of the formulation. */
  notLinked: 'goal-not-linked-to-formulation',
  /** The client has not endorsed the goal. */
  notEndorsed: 'goal-not-endorsed',
} as const;
export type GoalTextFindingCode = (typeof GoalTextFindingCode)[keyof typeof GoalTextFindingCode];
