import { describe, expect, it } from 'vitest';
import type { Review } from '../../api/reviews-api.js';
import { reliableChangeWords, reviewFormOf, signBlockedReason, signedChange, taskWords } from './review-form.js';

const review = {
  reviewDate: '2026-11-26',
  nextReviewDate: '2027-02-24',
  summary: '',
  goals: [{ goalId: 'g1', outcome: null, decision: null, note: '' }],
} as unknown as Review;

describe('review form helpers', () => {
  it('blocks signing while a goal is undecided or changes are unsaved', () => {
    const form = reviewFormOf(review);
    expect(signBlockedReason(form, false)).toBe('Goal 1 needs an outcome and a decision.');
    expect(signBlockedReason(form, true)).toBe('Save your changes first.');
    const decided = {
      ...form,
      goals: [{ goalId: 'g1', outcome: 'met' as const, decision: 'continue' as const, note: '' }],
    };
    expect(signBlockedReason(decided, false)).toBeNull();
  });
  it('puts the drafted data into words', () => {
    expect(reliableChangeWords('improvement')).toBe('reliable improvement');
    expect(reliableChangeWords(null)).toBe('no reliable-change threshold');
    expect(taskWords({ reason: 'no-reliable-improvement-by-midpoint', midpoint: '2026-10-16' })).toBe(
      'no reliable improvement by the midpoint (2026-10-16)',
    );
    expect(signedChange(-7)).toBe('−7');
    expect(signedChange(4.35)).toBe('+4.4');
  });
});
