/**
 * Pure helpers of the review tab: the editable part of a draft review, whether it can be signed, and plain words for
 * the drafted data (reliable change, due state, lack-of-progress reasons).
 *
 * @example
 * const form = reviewFormOf(review);
 * signBlockedReason(form, false) // 'Goal 1 needs an outcome and a decision.'
 */
import type { Review, SaveReviewBody } from '../../api/reviews-api.js';

export type ReviewForm = Omit<SaveReviewBody, 'revision'>;
export type ReviewFormGoal = ReviewForm['goals'][number];

/**
 * The editable fields of a draft review.
 *
 * @example
 * reviewFormOf(review).goals[0]?.outcome // null
 */
export function reviewFormOf(review: Review): ReviewForm {
  return {
    reviewDate: review.reviewDate,
    nextReviewDate: review.nextReviewDate,
    summary: review.summary,
    goals: review.goals.map((g) => ({ goalId: g.goalId, outcome: g.outcome, decision: g.decision, note: g.note })),
  };
}

/**
 * Why the draft cannot be signed yet (null when it can): unsaved changes, or a goal without outcome and decision.
 *
 * @example
 * signBlockedReason(form, true) // 'Save your changes first.'
 */
export function signBlockedReason(form: ReviewForm, dirty: boolean): string | null {
  if (dirty) return 'Save your changes first.';
  const i = form.goals.findIndex((g) => g.outcome === null || g.decision === null);
  if (i >= 0) return `Goal ${i + 1} needs an outcome and a decision.`;
  return null;
}

/**
 * A reliable-change flag in words.
 *
 * @example
 * reliableChangeWords('improvement') // 'reliable improvement'
 */
export function reliableChangeWords(flag: 'improvement' | 'deterioration' | 'none' | null): string {
  if (flag === null) return 'no reliable-change threshold';
  return flag === 'none' ? 'no reliable change' : `reliable ${flag}`;
}

/**
 * A lack-of-progress reason in words.
 *
 * @example
 * taskWords({ reason: 'reliable-deterioration', midpoint: null }) // 'reliable deterioration since the baseline'
 */
export function taskWords(task: { readonly reason: string; readonly midpoint: string | null }): string {
  return task.reason === 'reliable-deterioration'
    ? 'reliable deterioration since the baseline'
    : `no reliable improvement by the midpoint${task.midpoint ? ` (${task.midpoint})` : ''}`;
}

/**
 * A change with its sign.
 *
 * @example
 * signedChange(-7) // '−7'
 */
export function signedChange(change: number | null): string {
  if (change === null) return '—';
  const rounded = Math.round(change * 10) / 10;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
}
