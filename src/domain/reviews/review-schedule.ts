/**
 * When a plan's review is due (DESIGN 2.6: a review schedule per plan, default every 90 days; a plan never older than
 * one year), as plain date arithmetic.
 *
 * The due date is the later of the signed plan's `nextReviewDate` and the last signed review's `nextReviewDate`
 * (a signed plan version is immutable and its next review date is part of its content hash, so a review records the
 * next date itself instead of rewriting the plan; a plan version signed after the review may move it later), but
 * never more than 365 days after the last signed review or, before any review, after the plan was established.
 * A review is `due` from `withinDays` before the due date up to and including the due date, and `overdue` after it.
 *
 * @example
 * reviewDueDate({ establishedDate: '2026-09-01', nextReviewDate: '2026-11-30' }, null) // '2026-11-30'
 * reviewDueDate({ establishedDate: '2026-09-01', nextReviewDate: '2026-11-30' },
 *   { reviewDate: '2026-11-28', nextReviewDate: '2027-02-26' }) // '2027-02-26'
 * reviewDueState('2026-11-30', '2026-12-01', 30) // { state: 'overdue', days: 1 }
 */
import { addDays, type CalendarDate, daysBetween } from '../shared/calendar-date.js';

/** The longest time between reviews, in days (DESIGN 2.6: a plan is never older than a year). */
export const MAX_REVIEW_INTERVAL_DAYS = 365;

/**
 * The review due date of a signed plan, given its last signed review (or null); see the file comment.
 *
 * @example
 * reviewDueDate({ establishedDate: '2026-01-01', nextReviewDate: '2026-03-31' }, null) // '2026-03-31'
 */
export function reviewDueDate(
  plan: { readonly establishedDate: CalendarDate; readonly nextReviewDate: CalendarDate },
  lastReview: { readonly reviewDate: CalendarDate; readonly nextReviewDate: CalendarDate } | null,
): CalendarDate {
  const scheduled =
    lastReview && lastReview.nextReviewDate > plan.nextReviewDate ? lastReview.nextReviewDate : plan.nextReviewDate;
  const cap = addDays(lastReview?.reviewDate ?? plan.establishedDate, MAX_REVIEW_INTERVAL_DAYS);
  // Dates are ISO strings, so the earlier one is the smaller string.
  if (scheduled < cap) return scheduled;
  return cap;
}

/**
 * Where today stands against a due date: `overdue` (days = days past it), `due` (within `withinDays` before it or on
 * it; days = days left) or `not-due` (days = days left).
 *
 * @example
 * reviewDueState('2026-12-10', '2026-12-01', 30) // { state: 'due', days: 9 }
 * reviewDueState('2026-12-10', '2026-12-10', 0) // { state: 'due', days: 0 }
 * reviewDueState('2027-03-10', '2026-12-01', 30) // { state: 'not-due', days: 99 }
 */
export function reviewDueState(
  dueDate: CalendarDate,
  today: CalendarDate,
  withinDays: number,
): { readonly state: 'overdue' | 'due' | 'not-due'; readonly days: number } {
  const left = daysBetween(today, dueDate);
  if (left < 0) return { state: 'overdue', days: -left };
  return { state: left <= withinDays ? 'due' : 'not-due', days: left };
}

/**
 * The default next review date after a review on `reviewDate`: the plan's interval later, capped at a year.
 *
 * @example
 * nextReviewDateAfter('2026-11-26', 90) // '2027-02-24'
 */
export function nextReviewDateAfter(reviewDate: CalendarDate, intervalDays: number): CalendarDate {
  return addDays(reviewDate, Math.min(Math.max(1, intervalDays), MAX_REVIEW_INTERVAL_DAYS));
}
