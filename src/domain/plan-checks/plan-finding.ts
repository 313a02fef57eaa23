/**
 * What the plan checks take and return. A `PlanFinding` is an `Issue` with a concrete `suggestion` (a field, as in
 * the goal-text analysis) and the `path` of the goal, objective, target or plan field concerned, e.g.
 * `['goals', 0, 'objectives', 1]`. `data` carries the ids (`goalId`, `objectiveId`, `targetId`) and the facts behind
 * the finding (values, the rule's `source`).
 *
 * @example
 * const finding: PlanFinding = { code: 'plan-goal-not-endorsed', severity: 'warning', path: ['goals', 0],
 *   message: 'Goal 1 has not been endorsed by the client.', suggestion: 'Go through the goal with the client …',
 *   data: { goalId: 'g1' } };
 */
import type { Formulation } from '../formulation/formulation.js';
import type { AssistantInstrument } from '../goal-assistant/to-goal-text-instruments.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Issue } from '../shared/issue.js';
import type { PayerCheckCode } from './payer-check-code.js';
import type { PlanCheckCode } from './plan-check-code.js';

/**
 * A finding of `checkPlan` or `checkPayerCompleteness`.
 *
 * @example
 * const finding: PlanFinding = { code: 'plan-goal-not-endorsed', severity: 'warning', path: ['goals', 0],
 *   message: 'Goal 1 has not been endorsed by the client …', suggestion: 'Go through the goal with the client …' };
 */
export interface PlanFinding extends Issue {
  readonly code: PlanCheckCode | PayerCheckCode;
  /** Where in the plan: `[]` for the plan as a whole, a field name, or a goal/objective/target path. */
  readonly path: readonly (string | number)[];
  /** What to do about it, concretely (never empty). */
  readonly suggestion: string;
}

/**
 * The instrument fields the plan checks read: those of the goal assistant. A `MeasureDefinition` from the measures
 * registry can be passed as is.
 *
 * @example
 * const instruments: readonly PlanCheckInstrument[] = listMeasures();
 */
export type PlanCheckInstrument = AssistantInstrument;

/**
 * The practice's (or programme's) settings the checks depend on.
 *
 * @example
 * const settings: PlanCheckSettings = { requireSupervisorCoSignature: true, requireClientSignature: false };
 */
export interface PlanCheckSettings {
  /** Plans must be co-signed by a supervisor (e.g. for supervisees). */
  readonly requireSupervisorCoSignature: boolean;
  /** Plans need the client's or guardian's signature before services are billable. */
  readonly requireClientSignature: boolean;
}

/**
 * The client's or guardian's signature on the plan (held by the application; not part of `TreatmentPlan`).
 *
 * @example
 * const signature: ClientSignature = { date: '2026-09-02', signedBy: 'guardian' };
 */
export interface ClientSignature {
  readonly date: CalendarDate;
  readonly signedBy: 'client' | 'guardian';
}

/**
 * Who is about to sign the plan, when the check runs before signing.
 *
 * @example
 * const signer: PlanSigner = { name: 'A. Clinician', credentials: 'LCSW' };
 */
export interface PlanSigner {
  readonly name: string;
  readonly credentials: string;
}

/**
 * Everything the checks know besides the plan. Only `today` and `instruments` are required.
 *
 * @example
 * const context: PlanCheckContext = { today: '2026-11-26', instruments: listMeasures(), latestScores: { gad7: 15 } };
 */
export interface PlanCheckContext {
  /** Today in the practice's time zone. */
  readonly today: CalendarDate;
  /** Instrument definitions (from the measures registry). */
  readonly instruments: readonly PlanCheckInstrument[];
  /** The client's latest total per instrument id. */
  readonly latestScores?: Readonly<Record<string, number>>;
  /** Goal wordings used for other clients, each normalised with `normalizeGoalWording`. */
  readonly otherClientGoalWordings?: ReadonlySet<string>;
  /** The client's formulation, to check links and to suggest elements to link. */
  readonly formulation?: Formulation | null;
  /** The date of the plan's most recent review, or null when it has never been reviewed. */
  readonly lastReviewDate?: CalendarDate | null;
  /** Practice settings; default: neither signature required. */
  readonly settings?: PlanCheckSettings;
  /** The client's or guardian's signature, when there is one. */
  readonly clientSignature?: ClientSignature | null;
  /** The clinician about to sign (before signing, when the plan carries no signature yet). */
  readonly signer?: PlanSigner | null;
}
