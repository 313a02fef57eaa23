/**
 * What the review use cases read (DESIGN 2.6): the signed plan version in force, its progress computed from the
 * client's scores and behaviour logs, and a review of the client. Shared by start-review, save-review-draft,
 * sign-review and list-reviews; no access check or audit here (the use cases do both).
 *
 * @example
 * const plan = await findSignedPlan(tx, clientId);
 * const progress = plan ? await computeSignedPlanProgress(tx, plan, today) : null;
 */

import type { PlanProgress } from '../domain/progress/summarize-plan-progress.js';
import { summarizePlanProgress } from '../domain/progress/summarize-plan-progress.js';
import type { Review } from '../domain/reviews/review.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import { getMeasure } from '../measures/registry.js';
import { planTargetSeries } from './plan-target-series.js';
import type { Store } from './ports.js';

/**
 * The client's signed plan version in force (not an open draft of the next one), or null.
 *
 * @example
 * (await findSignedPlan(store, clientId))?.status // 'signed'
 */
export async function findSignedPlan(store: Store, clientId: string): Promise<TreatmentPlan | null> {
  const ref = (await store.listPlanVersions(clientId)).find((v) => v.status === 'signed');
  return ref ? store.findPlanById(ref.id) : null;
}

/**
 * A review of the client by id; `not-found` when there is none or it belongs to another client.
 *
 * @example
 * const review = await findClientReview(store, clientId, reviewId);
 */
export async function findClientReview(store: Store, clientId: string, reviewId: string): Promise<Review> {
  const review = await store.findReviewById(reviewId);
  if (!review || review.clientId !== clientId) throw new AppError(ErrorCode.notFound, 'No such review.');
  return review;
}

/**
 * Progress of a plan version as of `today` (DESIGN 2.4), each target's series from planTargetSeries (as for the
 * progress endpoint):
 * instrument totals (or the subscale) and behaviour counts in the behaviour's own period; GAS has no ratings yet.
 *
 * @example
 * (await computeSignedPlanProgress(store, plan, '2026-11-26')).goals[0]?.overall // 'on-track'
 */
export async function computeSignedPlanProgress(
  store: Store,
  plan: TreatmentPlan,
  today: string,
): Promise<PlanProgress> {
  const seriesByTargetId = await planTargetSeries(store, plan);
  return summarizePlanProgress(plan.goals, seriesByTargetId, { today, instruments: getMeasure });
}
