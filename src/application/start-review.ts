import { z } from 'zod';
import { draftReview } from '../domain/reviews/draft-review.js';
import type { Review } from '../domain/reviews/review.js';
import { nextReviewDateAfter } from '../domain/reviews/review-schedule.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Target } from '../domain/treatment-plans/target.js';
import { getMeasure } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { computeSignedPlanProgress, findSignedPlan } from './review-data.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const startSchema = z.strictObject({ clientId: z.string().min(1).max(100) });

/**
 * Starts a review of the client's signed plan (`POST /api/v1/clients/{clientId}/reviews`, DESIGN 2.6): a draft
 * drafted from the data by `draftReview` — per goal still worked on, the score changes since the last signed review
 * (or the baselines) with reliable-change flags, progress, objectives, interventions and lack-of-progress tasks — dated
 * today (practice time zone) with the next review the plan's interval later. `conflict` when the client has no signed
 * plan, or a draft review of that signed version is already open (one at a time). A draft left open on a version
 * superseded since is drafted again on the version in force (same id, next revision): it could no longer be signed.
 *
 * @example
 * const draft = await startReview(deps, clinician, { clientId });
 * draft.goals[0]?.targets[0]?.reliableChange // 'improvement'
 */
export async function startReview(deps: Deps, actor: Actor, input: z.input<typeof startSchema>): Promise<Review> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'review.start');
  const v = parseInput(startSchema, input);
  const practice = await deps.store.findPractice();
  if (!practice) throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
  const now = deps.clock.now();
  const today = todayInTimeZone(now, practice.timeZone);
  return deps.store.transaction(async (tx) => {
    const plan = await findSignedPlan(tx, v.clientId);
    if (!plan) throw new AppError(ErrorCode.conflict, 'The client has no signed plan to review yet.');
    const reviews = await tx.listReviews(v.clientId);
    const open = reviews.find((r) => r.status === 'draft') ?? null;
    if (open && open.planId === plan.id) {
      throw new AppError(ErrorCode.conflict, 'A review of this client is already open; finish or edit that one.');
    }
    const lastSigned = reviews.find((r) => r.status === 'signed') ?? null;
    const progress = await computeSignedPlanProgress(tx, plan, today);
    const behaviors = await tx.listBehaviors(v.clientId);
    const labels = (m: Target['measure']): string | undefined =>
      m.kind === 'instrument'
        ? getMeasure(m.instrumentId)?.shortName.concat(m.subscale === undefined ? '' : ` (${m.subscale})`)
        : m.kind === 'behavior'
          ? behaviors.find((b) => b.id === m.behaviorId)?.name
          : undefined;
    const review: Review = {
      id: open?.id ?? deps.ids.newId(),
      clientId: v.clientId,
      planId: plan.id,
      planVersion: plan.version,
      status: 'draft',
      revision: (open?.revision ?? 0) + 1,
      reviewDate: today,
      nextReviewDate: nextReviewDateAfter(today, plan.reviewIntervalDays || practice.settings.reviewIntervalDays),
      summary: '',
      goals: draftReview(plan, progress, lastSigned, { today, instruments: getMeasure, labels }),
      signature: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    if (open) {
      // The open draft reviews a version superseded since: it is drafted again on the signed version in force.
      if (!(await tx.replaceDraftReview({ ...review, createdAt: open.createdAt }, open.revision))) {
        throw new AppError(ErrorCode.staleRevision, 'The open review changed meanwhile; reload the reviews.');
      }
      await tx.appendAudit(
        [clientAuditEvent(actor, 'review.start', v.clientId, `review:${review.id}`)],
        now.toISOString(),
      );
      return { ...review, createdAt: open.createdAt };
    }
    await tx.insertReview(review, actor.kind === 'user' ? actor.userId : 'cli').catch((error: unknown) => {
      if (error instanceof AppError && error.code === ErrorCode.duplicate) {
        throw new AppError(ErrorCode.conflict, 'A review of this client was opened meanwhile; reload the reviews.');
      }
      throw error;
    });
    await tx.appendAudit(
      [clientAuditEvent(actor, 'review.start', v.clientId, `review:${review.id}`)],
      now.toISOString(),
    );
    return review;
  });
}
