/**
 * A plan review (DESIGN 2.6): per goal of the reviewed (signed) plan version, what the data showed since the last
 * review, the clinician's outcome (`met`, `partially-met`, `not-met`) and decision (`continue`, `revise`,
 * `discontinue`) with a note; the next review date; a signature. DESIGN 2.2 keeps three vocabularies apart: the goal's
 * lifecycle status, a target's computed progress status and a review's outcome — the decision sets the first
 * (see `goalStatusAfterReview`).
 *
 * @example
 * const review: Review = { id: 'r1', clientId: 'c1', planId: 'p1', planVersion: 1, status: 'draft', revision: 1,
 *   reviewDate: '2026-11-26', nextReviewDate: '2027-02-24', summary: '', goals: [], signature: null,
 *   createdAt: '2026-11-26T12:00:00.000Z', updatedAt: '2026-11-26T12:00:00.000Z' };
 */
import type { ReliableChange } from '../progress/reliable-change.js';
import type { ProgressWord } from '../progress/summarize-plan-progress.js';
import type { TargetStatus } from '../progress/target-status.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Signature } from '../treatment-plans/treatment-plan.js';

/**
 * A review's per-goal outcome.
 *
 * @example
 * const outcome: ReviewOutcome = ReviewOutcome.partiallyMet;
 */
export const ReviewOutcome = { met: 'met', partiallyMet: 'partially-met', notMet: 'not-met' } as const;
export type ReviewOutcome = (typeof ReviewOutcome)[keyof typeof ReviewOutcome];

/**
 * What the clinician decides for a goal at a review.
 *
 * @example
 * const decision: ReviewDecision = ReviewDecision.revise;
 */
export const ReviewDecision = { continue: 'continue', revise: 'revise', discontinue: 'discontinue' } as const;
export type ReviewDecision = (typeof ReviewDecision)[keyof typeof ReviewDecision];

/**
 * A review is a draft (editable, with a revision) until a clinician signs it; then it never changes.
 *
 * @example
 * const status: ReviewStatus = ReviewStatus.signed;
 */
export const ReviewStatus = { draft: 'draft', signed: 'signed' } as const;
export type ReviewStatus = (typeof ReviewStatus)[keyof typeof ReviewStatus];

/**
 * One target's scores as the review saw them (the score snapshot). `from` is the value at the last signed review
 * (or the target's baseline when there was none), `to` the latest value up to the review; `change` is `to − from`.
 * `reliableChange` is null when the measure has no reliable-change threshold (behaviour counts, unsourced
 * instruments) or a value is missing.
 *
 * @example
 * const snapshot: ReviewTargetSnapshot = { targetId: 't1', measureKey: 'instrument:phq9', label: 'phq9',
 *   fromSource: 'baseline', from: 18, fromDate: null, to: 11, toDate: '2026-11-20', change: -7,
 *   reliableChange: 'improvement', status: 'on-track' };
 */
export interface ReviewTargetSnapshot {
  readonly targetId: string;
  /** `instrument:<id>[:<subscale>]`, `behavior:<id>` or `gas`: matches the target across plan versions. */
  readonly measureKey: string;
  /** The instrument id, subscale or behaviour id, for display. */
  readonly label: string;
  /** Where `from` came from: the last signed review's snapshot, or the target's baseline. */
  readonly fromSource: 'last-review' | 'baseline';
  readonly from: number | null;
  readonly fromDate: CalendarDate | null;
  readonly to: number | null;
  readonly toDate: CalendarDate | null;
  readonly change: number | null;
  readonly reliableChange: ReliableChange | null;
  /** The target's computed progress status at the review (DESIGN 2.4). */
  readonly status: TargetStatus;
}

/**
 * A lack-of-progress finding (DESIGN 2.6): a "review plan" task linked to the goal.
 *
 * @example
 * const task: ReviewPlanTask = { kind: 'review-plan', goalId: 'g1', targetId: 't1',
 *   reason: 'no-reliable-improvement-by-midpoint', midpoint: '2026-10-13' };
 */
export interface ReviewPlanTask {
  readonly kind: 'review-plan';
  readonly goalId: string;
  readonly targetId: string;
  readonly reason: 'reliable-deterioration' | 'no-reliable-improvement-by-midpoint';
  /** The midpoint between the target's start and due dates (null when the reason is deterioration without a due date). */
  readonly midpoint: CalendarDate | null;
}

/**
 * An objective as the review shows it: its statement, its progress word and its interventions.
 *
 * @example
 * const o: ReviewObjective = { objectiveId: 'o1', statement: 'Schedule 3 activities a week', progress: 'met',
 *   interventions: ['Behavioural activation (clinician, weekly in session)'] };
 */
export interface ReviewObjective {
  readonly objectiveId: string;
  readonly statement: string;
  readonly progress: ProgressWord;
  readonly interventions: readonly string[];
}

/**
 * One goal of a review: the drafted data (read only) and the clinician's outcome, decision and note.
 *
 * @example
 * const g: ReviewGoal = { goalId: 'g1', lineageId: 'g1', statement: 'Reduce PHQ-9 to ≤ 9', statusAtReview: 'active',
 *   progress: 'on-track', targets: [], objectives: [], tasks: [], outcome: null, decision: null, note: '' };
 */
export interface ReviewGoal {
  readonly goalId: string;
  /** The goal's lineage across plan versions (matches it in the next review after a revision). */
  readonly lineageId: string;
  readonly statement: string;
  /** The goal's lifecycle status when the review was drafted. */
  readonly statusAtReview: string;
  /** The goal's own progress word (DESIGN 2.4). */
  readonly progress: ProgressWord;
  readonly targets: readonly ReviewTargetSnapshot[];
  readonly objectives: readonly ReviewObjective[];
  readonly tasks: readonly ReviewPlanTask[];
  readonly outcome: ReviewOutcome | null;
  readonly decision: ReviewDecision | null;
  readonly note: string;
}

/**
 * A stored review (see the file comment).
 *
 * @example
 * review.status === 'signed' && review.signature !== null
 */
export interface Review {
  readonly id: string;
  readonly clientId: string;
  /** The signed plan version reviewed. */
  readonly planId: string;
  readonly planVersion: number;
  readonly status: ReviewStatus;
  /** Edit counter of the draft, for optimistic concurrency. */
  readonly revision: number;
  readonly reviewDate: CalendarDate;
  readonly nextReviewDate: CalendarDate;
  readonly summary: string;
  readonly goals: readonly ReviewGoal[];
  readonly signature: Signature | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
