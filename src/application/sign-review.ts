import { z } from 'zod';
import { goalStatusAfterReview } from '../domain/reviews/goal-status-after-review.js';
import type { Review } from '../domain/reviews/review.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Signature } from '../domain/treatment-plans/treatment-plan.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { requireRole } from './require-role.js';
import { findClientReview, findSignedPlan } from './review-data.js';

const signSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  reviewId: z.string().min(1).max(100),
  revision: z.number().int().min(1),
});

/**
 * The signed review, and whether a goal was given `revise`: the web app then opens a draft of the next plan version
 * (made through the existing `PUT /plan/draft`, linked to the reviewed version).
 *
 * @example
 * const result: SignedReview = { review, revisePlan: true };
 */
export interface SignedReview {
  readonly review: Review;
  readonly revisePlan: boolean;
}

/**
 * A clinician signs a draft review (`POST /api/v1/clients/{clientId}/reviews/{reviewId}/sign {revision}`): every goal
 * needs an outcome and a decision (else `conflict`, naming the first goal without); each decision sets the goal's
 * lifecycle status on the reviewed plan version (`goalStatusAfterReview`; the status is not part of the content hash,
 * so the signed version stays as signed); the review's next review date becomes the plan's due date (see
 * domain/reviews/review-schedule.ts). `conflict` when the reviewed version is no longer the signed one in force (a
 * newer version was signed meanwhile: start a new review); `stale-revision` when the draft changed since `revision`.
 *
 * @example
 * const { review, revisePlan } = await signReview(deps, clinician, { clientId, reviewId, revision: 3 });
 * review.status // 'signed'
 */
export async function signReview(deps: Deps, actor: Actor, input: z.input<typeof signSchema>): Promise<SignedReview> {
  requireRole(actor, ['clinician'], 'Only a clinician signs a review.');
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'review.sign');
  const v = parseInput(signSchema, input);
  if (actor.kind !== 'user') throw new AppError(ErrorCode.forbidden, 'A review is signed by a clinician.');
  const user = await deps.store.findUserById(actor.userId);
  if (!user?.active) throw new AppError(ErrorCode.forbidden, 'The signing account is not active.');
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const review = await findClientReview(tx, v.clientId, v.reviewId);
    if (review.status !== 'draft') throw new AppError(ErrorCode.conflict, 'This review is already signed.');
    if (review.revision !== v.revision) {
      throw new AppError(
        ErrorCode.staleRevision,
        `The review is at revision ${review.revision}, not ${v.revision}; read it again before signing.`,
      );
    }
    const plan = await findSignedPlan(tx, v.clientId);
    if (!plan || plan.id !== review.planId) {
      throw new AppError(
        ErrorCode.conflict,
        'A newer plan version was signed since this review started; start the review again to draft it on that version.',
      );
    }
    const undecided = review.goals.findIndex((g) => g.outcome === null || g.decision === null);
    if (undecided >= 0) {
      throw new AppError(
        ErrorCode.conflict,
        `Goal ${undecided + 1} ("${review.goals[undecided]?.statement.slice(0, 80)}") needs an outcome and a decision before signing.`,
      );
    }
    const signature: Signature = {
      userId: user.id,
      name: user.name,
      credentials: user.credentials.trim(),
      signedAt: now,
    };
    const signed: Review = { ...review, status: 'signed', revision: review.revision + 1, signature, updatedAt: now };
    if (!(await tx.signDraftReview(signed, review.revision))) {
      throw new AppError(ErrorCode.staleRevision, 'The review changed while signing; read it again.');
    }
    for (const g of review.goals) {
      if (g.outcome === null || g.decision === null) continue;
      if (plan.goals.some((p) => p.id === g.goalId))
        await tx.setGoalStatus(g.goalId, goalStatusAfterReview(g.outcome, g.decision));
    }
    await tx.appendAudit([clientAuditEvent(actor, 'review.sign', v.clientId, `review:${review.id}`)], now);
    return { review: signed, revisePlan: review.goals.some((g) => g.decision === 'revise') };
  });
}
