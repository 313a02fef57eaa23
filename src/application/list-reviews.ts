import { z } from 'zod';
import { findLackOfProgress } from '../domain/reviews/find-lack-of-progress.js';
import type { Review, ReviewPlanTask } from '../domain/reviews/review.js';
import { reviewDueDate, reviewDueState } from '../domain/reviews/review-schedule.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { getMeasure } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { computeSignedPlanProgress, findClientReview, findSignedPlan } from './review-data.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const listSchema = z.strictObject({ clientId: z.string().min(1).max(100) });

/**
 * A client's reviews with the schedule of the signed plan in force and the open lack-of-progress tasks.
 *
 * @example
 * const view: ClientReviews = { today: '2026-11-26', schedule: null, tasks: [], items: [] };
 */
export interface ClientReviews {
  readonly today: string;
  /** Null without a signed plan. */
  readonly schedule: {
    readonly planId: string;
    readonly planVersion: number;
    readonly dueDate: string;
    readonly state: 'overdue' | 'due' | 'not-due';
    /** Days past the due date when overdue, else days left. */
    readonly days: number;
  } | null;
  /** "Review plan" tasks of the signed plan's goals (DESIGN 2.6 lack of progress), computed as of today. */
  readonly tasks: readonly ReviewPlanTask[];
  /** Newest first. */
  readonly items: readonly Review[];
}

/** How many days before the due date a review counts as due (the due list's default window). */
export const DEFAULT_DUE_WINDOW_DAYS = 30;

/**
 * A client's reviews (`GET /api/v1/clients/{clientId}/reviews`), newest first, with the review due date of the signed
 * plan (domain/reviews/review-schedule.ts: the later of the plan's and the last signed review's next date, at most a
 * year after the last review or the plan's establishment) and the lack-of-progress tasks. Read access; audited.
 *
 * @example
 * const { schedule, items } = await listReviews(deps, auditor, { clientId });
 * schedule?.state // 'due'
 */
export async function listReviews(deps: Deps, actor: Actor, input: z.input<typeof listSchema>): Promise<ClientReviews> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'review.list');
  const v = parseInput(listSchema, input);
  const practice = await deps.store.findPractice();
  if (!practice) throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
  const now = deps.clock.now();
  const today = todayInTimeZone(now, practice.timeZone);
  const [items, plan] = await Promise.all([deps.store.listReviews(v.clientId), findSignedPlan(deps.store, v.clientId)]);
  let schedule: ClientReviews['schedule'] = null;
  let tasks: ReviewPlanTask[] = [];
  if (plan) {
    const last = items.find((r) => r.status === 'signed') ?? null;
    const dueDate = reviewDueDate(plan, last);
    schedule = {
      planId: plan.id,
      planVersion: plan.version,
      dueDate,
      ...reviewDueState(dueDate, today, DEFAULT_DUE_WINDOW_DAYS),
    };
    const progress = await computeSignedPlanProgress(deps.store, plan, today);
    tasks = plan.goals.flatMap((g) =>
      findLackOfProgress(
        g,
        progress.goals.find((p) => p.goalId === g.id),
        { today, instruments: getMeasure },
      ),
    );
  }
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'review.list', v.clientId, `client:${v.clientId}`)],
    now.toISOString(),
  );
  return { today, schedule, tasks, items };
}

const getSchema = z.strictObject({ clientId: z.string().min(1).max(100), reviewId: z.string().min(1).max(100) });

/**
 * One review of the client (`GET /api/v1/clients/{clientId}/reviews/{reviewId}`); `not-found` for a review of another
 * client. Read access; audited.
 *
 * @example
 * const review = await getReview(deps, clinician, { clientId, reviewId });
 */
export async function getReview(deps: Deps, actor: Actor, input: z.input<typeof getSchema>): Promise<Review> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'review.read');
  const v = parseInput(getSchema, input);
  const review = await deps.store.findReviewById(v.reviewId);
  const ok = review?.clientId === v.clientId;
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'review.read', v.clientId, `review:${v.reviewId}`, ok ? 'success' : 'denied')],
    deps.clock.now().toISOString(),
  );
  return findClientReview(deps.store, v.clientId, v.reviewId);
}
