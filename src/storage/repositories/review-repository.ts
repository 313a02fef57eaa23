import type { Kysely } from 'kysely';
import type { ReviewScheduleEntry, ReviewScheduleQuery } from '../../application/ports.js';
import type { Review, ReviewGoal, ReviewStatus } from '../../domain/reviews/review.js';
import type { GoalStatus } from '../../domain/treatment-plans/goal.js';
import type { Signature } from '../../domain/treatment-plans/treatment-plan.js';
import type { Database, ReviewTable } from '../tables/database.js';
import { clientRowToClient } from './client-repository.js';

/**
 * Plan reviews (DESIGN 2.6): one row per review, its goals (with the score snapshot) as one JSON text, always read and
 * written whole. A draft is replaced only while still at the revision the caller read; signing is the same guarded
 * update, so two tabs cannot both sign.
 *
 * @example
 * await insertReview(db, review, userId);
 * const again = await findReviewById(db, review.id);
 */
export async function insertReview(db: Kysely<Database>, review: Review, createdBy: string): Promise<void> {
  await db
    .insertInto('review')
    .values({ ...reviewFields(review), id: review.id, created_by: createdBy, created_at: review.createdAt })
    .execute();
}

function reviewFields(review: Review) {
  return {
    client_id: review.clientId,
    plan_id: review.planId,
    plan_version: review.planVersion,
    status: review.status,
    revision: review.revision,
    review_date: review.reviewDate,
    next_review_date: review.nextReviewDate,
    summary: review.summary,
    goals: JSON.stringify(review.goals),
    signed_by: review.signature?.userId ?? null,
    signed_at: review.signature?.signedAt ?? null,
    signature: review.signature ? JSON.stringify(review.signature) : null,
    updated_at: review.updatedAt,
  };
}

function reviewRowToReview(row: ReviewTable): Review {
  return {
    id: row.id,
    clientId: row.client_id,
    planId: row.plan_id,
    planVersion: Number(row.plan_version),
    status: row.status as ReviewStatus,
    revision: Number(row.revision),
    reviewDate: row.review_date,
    nextReviewDate: row.next_review_date,
    summary: row.summary,
    goals: JSON.parse(row.goals) as ReviewGoal[],
    signature: row.signature ? (JSON.parse(row.signature) as Signature) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One review by id, or null. */
export async function findReviewById(db: Kysely<Database>, reviewId: string): Promise<Review | null> {
  const row = await db.selectFrom('review').selectAll().where('id', '=', reviewId).executeTakeFirst();
  return row ? reviewRowToReview(row) : null;
}

/** A client's reviews, newest review date first; on the same date a draft first, then by creation, newest first. */
export async function listReviews(db: Kysely<Database>, clientId: string): Promise<Review[]> {
  const rows = await db
    .selectFrom('review')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('review_date', 'desc')
    .orderBy('status', 'asc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(reviewRowToReview);
}

/** Replaces a draft still at `expectedRevision` (the caller passes revision + 1); false when stale or signed. */
export async function replaceDraftReview(
  db: Kysely<Database>,
  review: Review,
  expectedRevision: number,
): Promise<boolean> {
  const result = await db
    .updateTable('review')
    .set(reviewFields(review))
    .where('id', '=', review.id)
    .where('status', '=', 'draft')
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Signs a draft still at `expectedRevision`: the review passed is its final, signed content. */
export async function signDraftReview(
  db: Kysely<Database>,
  review: Review,
  expectedRevision: number,
): Promise<boolean> {
  if (review.status !== 'signed' || !review.signature) throw new Error('signDraftReview needs a signed review');
  return replaceDraftReview(db, review, expectedRevision);
}

/** Sets one goal's lifecycle status (a review's decision; not part of the plan's content hash). */
export async function setGoalStatus(db: Kysely<Database>, goalId: string, status: GoalStatus): Promise<void> {
  await db.updateTable('goal').set({ status }).where('id', '=', goalId).execute();
}

/**
 * The review schedule of the active clients in scope that have a signed current plan: the plan's dates, the last
 * signed review's dates and any open draft review. Two queries whatever the caseload size.
 *
 * @example
 * const entries = await listReviewSchedule(db, { practiceId, userId, scope: 'assigned' });
 */
export async function listReviewSchedule(
  db: Kysely<Database>,
  query: ReviewScheduleQuery,
): Promise<ReviewScheduleEntry[]> {
  let q = db
    .selectFrom('client')
    .innerJoin('treatment_plan as p', 'p.client_id', 'client.id')
    .selectAll('client')
    .select([
      'p.id as plan_id',
      'p.version as plan_version',
      'p.established_date as plan_established_date',
      'p.next_review_date as plan_next_review_date',
    ])
    .where('client.practice_id', '=', query.practiceId)
    .where('client.status', '=', 'active')
    .where('p.status', '=', 'signed');
  if (query.scope !== 'practice') {
    const userId = query.userId;
    const supervised = query.scope === 'assigned-or-supervised';
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('client_assignment as a')
          .select('a.client_id')
          .whereRef('a.client_id', '=', 'client.id')
          .where((inner) =>
            supervised
              ? inner.or([
                  inner('a.user_id', '=', userId),
                  inner(
                    'a.user_id',
                    'in',
                    inner.selectFrom('supervision').select('clinician_id').where('supervisor_id', '=', userId),
                  ),
                ])
              : inner('a.user_id', '=', userId),
          ),
      ),
    );
  }
  const rows = await q.orderBy('client.id').execute();
  const reviews = new Map<string, { id: string; status: string; review_date: string; next_review_date: string }[]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = await db
      .selectFrom('review')
      .select(['id', 'client_id', 'status', 'review_date', 'next_review_date'])
      .where('client_id', 'in', chunk)
      .orderBy('review_date', 'desc')
      .orderBy('signed_at', 'desc')
      .execute();
    for (const r of found) reviews.set(r.client_id, [...(reviews.get(r.client_id) ?? []), r]);
  }
  return rows.map((r) => {
    const own = reviews.get(r.id) ?? [];
    const last = own.find((v) => v.status === 'signed');
    return {
      client: clientRowToClient(r),
      planId: r.plan_id,
      planVersion: Number(r.plan_version),
      establishedDate: r.plan_established_date,
      planNextReviewDate: r.plan_next_review_date,
      lastReview: last ? { id: last.id, reviewDate: last.review_date, nextReviewDate: last.next_review_date } : null,
      draftReviewId: own.find((v) => v.status === 'draft')?.id ?? null,
    };
  });
}
