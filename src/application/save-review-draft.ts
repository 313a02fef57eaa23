import { z } from 'zod';
import type { Review } from '../domain/reviews/review.js';
import { MAX_REVIEW_INTERVAL_DAYS } from '../domain/reviews/review-schedule.js';
import { AppError } from '../domain/shared/app-error.js';
import { addDays, isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { findClientReview } from './review-data.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const date = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');

const saveSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  reviewId: z.string().min(1).max(100),
  revision: z.number().int().min(1),
  reviewDate: date,
  nextReviewDate: date,
  summary: z.string().trim().max(10_000, 'must be at most 10000 characters'),
  goals: z
    .array(
      z.strictObject({
        goalId: z.string().min(1).max(100),
        outcome: z.enum(['met', 'partially-met', 'not-met']).nullable(),
        decision: z.enum(['continue', 'revise', 'discontinue']).nullable(),
        note: z.string().trim().max(5000, 'must be at most 5000 characters'),
      }),
    )
    .max(50),
});

export type SaveReviewDraftInput = z.input<typeof saveSchema>;

function invalid(message: string): AppError {
  return new AppError(ErrorCode.invalidInput, message);
}

/**
 * Saves the clinician's edits to a draft review (`PUT /api/v1/clients/{clientId}/reviews/{reviewId}`): the review and
 * next review dates, the summary and, per goal of the draft (each exactly once), the outcome, decision and note. The
 * drafted data (score snapshot, progress, tasks) is kept as drafted. The review date is not in the future; the next
 * review is after it and at most a year later (DESIGN 2.6). A stale `revision` is 409 `stale-revision` and writes
 * nothing; a signed review is `conflict` (it never changes).
 *
 * @example
 * const saved = await saveReviewDraft(deps, clinician, { clientId, reviewId, revision: 1, reviewDate, nextReviewDate,
 *   summary: 'Mood lifting', goals: [{ goalId, outcome: 'partially-met', decision: 'continue', note: '' }] });
 * saved.revision // 2
 */
export async function saveReviewDraft(deps: Deps, actor: Actor, input: SaveReviewDraftInput): Promise<Review> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'review.save');
  const v = parseInput(saveSchema, input);
  const practice = await deps.store.findPractice();
  if (!practice) throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
  const now = deps.clock.now();
  const today = todayInTimeZone(now, practice.timeZone);
  if (v.reviewDate > today) throw invalid('reviewDate: must not be in the future');
  if (v.nextReviewDate <= v.reviewDate) throw invalid('nextReviewDate: must be after reviewDate');
  if (v.nextReviewDate > addDays(v.reviewDate, MAX_REVIEW_INTERVAL_DAYS)) {
    throw invalid('nextReviewDate: a plan is reviewed at least once a year (at most 365 days after reviewDate)');
  }
  return deps.store.transaction(async (tx) => {
    const review = await findClientReview(tx, v.clientId, v.reviewId);
    if (review.status !== 'draft') throw new AppError(ErrorCode.conflict, 'A signed review never changes.');
    if (review.revision !== v.revision) {
      throw new AppError(
        ErrorCode.staleRevision,
        `The review has changed since revision ${v.revision} (it is at revision ${review.revision}); reload it.`,
      );
    }
    const sent = new Map(v.goals.map((g) => [g.goalId, g]));
    if (sent.size !== v.goals.length) throw invalid('goals: each goal at most once');
    for (const [i, g] of v.goals.entries()) {
      if (!review.goals.some((d) => d.goalId === g.goalId))
        throw invalid(`goals.${i}.goalId: not a goal of this review`);
    }
    const missing = review.goals.findIndex((d) => !sent.has(d.goalId));
    if (missing >= 0) throw invalid(`goals: the review's goal ${missing + 1} is missing`);
    const next: Review = {
      ...review,
      revision: review.revision + 1,
      reviewDate: v.reviewDate,
      nextReviewDate: v.nextReviewDate,
      summary: v.summary,
      goals: review.goals.map((d) => {
        const edit = sent.get(d.goalId);
        return edit ? { ...d, outcome: edit.outcome, decision: edit.decision, note: edit.note } : d;
      }),
      updatedAt: now.toISOString(),
    };
    if (!(await tx.replaceDraftReview(next, review.revision))) {
      throw new AppError(ErrorCode.staleRevision, 'The review changed while saving; reload it and try again.');
    }
    await tx.appendAudit(
      [clientAuditEvent(actor, 'review.save', v.clientId, `review:${review.id}`)],
      now.toISOString(),
    );
    return next;
  });
}
