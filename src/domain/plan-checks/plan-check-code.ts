/**
 * The catalog of plan-level SMART-lint codes (`checkPlan`, DESIGN 2.5). Codes are stable kebab-case: never rename one,
 * add a new one instead. docs/plan-checks.md lists every code; a test keeps the two in sync.
 *
 * @example
 * const finding = { code: PlanCheckCode.goalNotEndorsed, severity: 'warning', message: '…', suggestion: '…' };
 */
export const PlanCheckCode = {
  /** The goal's wording names no defined behaviour, task or measure ("feel better"): too vague. */
  goalTooVague: 'plan-goal-too-vague',
  /** The goal has no target bound to a measure (instrument, counted behaviour or goal-attainment scale). */
  goalWithoutMeasure: 'plan-goal-without-measure',
  /** A target of the goal or objective has no baseline value. */
  targetWithoutBaseline: 'plan-target-without-baseline',
  /** The goal has no due date. */
  goalWithoutDeadline: 'plan-goal-without-deadline',
  /** The goal is linked to no formulation element. */
  goalNotLinkedToFormulation: 'plan-goal-not-linked-to-formulation',
  /** The goal is linked to a formulation element id that the formulation does not contain. */
  goalLinkedToMissingElement: 'plan-goal-linked-to-missing-element',
  /** The client has not endorsed the goal (a therapist goal the client never agreed to). */
  goalNotEndorsed: 'plan-goal-not-endorsed',
  /** The goal's wording is identical to a goal of another client (copied, not individualised). */
  goalWordingCopied: 'plan-goal-wording-copied',
  /** The goal is still active after its due date ("set and forgotten"). */
  goalPastDue: 'plan-goal-past-due',
  /** The goal has no objectives. */
  goalWithoutObjectives: 'plan-goal-without-objectives',
  /** The objective has no interventions. */
  objectiveWithoutInterventions: 'plan-objective-without-interventions',
  /** The objective has no target and its wording names nothing measurable. */
  objectiveNotMeasurable: 'plan-objective-not-measurable',
  /** The objective has no due date. */
  objectiveWithoutDeadline: 'plan-objective-without-deadline',
  /** The target cannot be reached in the time given (past the scale, faster than typical, or no time): `data.reason`. */
  targetNotAchievable: 'plan-target-not-achievable',
  /** The baseline already meets the target. */
  targetAlreadyMet: 'plan-target-already-met',
  /** Fewer than two active goals. */
  tooFewActiveGoals: 'plan-too-few-active-goals',
  /** More than four active goals. */
  tooManyActiveGoals: 'plan-too-many-active-goals',
  /** The next review date has passed without a review ("set and forgotten"). */
  reviewOverdue: 'plan-review-overdue',
} as const;
export type PlanCheckCode = (typeof PlanCheckCode)[keyof typeof PlanCheckCode];

/**
 * Why a target is not achievable (`data.reason` of `plan-target-not-achievable`).
 *
 * @example
 * const reason: UnachievableReason = UnachievableReason.beyondScale; // 'beyond-scale'
 */
export const UnachievableReason = {
  /** The target lies past the instrument's floor or ceiling (or below zero for a count). */
  beyondScale: 'beyond-scale',
  /** The change asked for is faster than the instrument's sourced typical change per week. */
  fasterThanTypical: 'faster-than-typical-course',
  /** The due date is not after the start date. */
  noTime: 'no-time',
} as const;
export type UnachievableReason = (typeof UnachievableReason)[keyof typeof UnachievableReason];
