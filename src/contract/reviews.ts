import { z } from 'zod';
import { Id } from './common.js';

/**
 * Plan reviews as the API shows them (DESIGN 2.6), and the requests that write one: start (a draft drafted from the
 * data), save the draft with the `revision` it was based on, sign it; the due/overdue list.
 *
 * @example
 * const body: z.infer<typeof SaveReviewRequest> = { revision: 1, reviewDate: '2026-11-26', nextReviewDate: '2027-02-24',
 *   summary: '', goals: [{ goalId: '…', outcome: 'partially-met', decision: 'continue', note: '' }] };
 */
export const ReviewOutcomeView = z.enum(['met', 'partially-met', 'not-met']);
export const ReviewDecisionView = z.enum(['continue', 'revise', 'discontinue']);
const ProgressWordView = z.enum(['met', 'on-track', 'off-track', 'overdue', 'not-started', 'no-data', 'no-targets']);

export const ReviewTaskView = z.object({
  kind: z.literal('review-plan'),
  goalId: z.string(),
  targetId: z.string(),
  reason: z.enum(['reliable-deterioration', 'no-reliable-improvement-by-midpoint']),
  midpoint: z.string().nullable(),
});

const ReviewTargetView = z.object({
  targetId: z.string(),
  measureKey: z.string(),
  label: z.string(),
  fromSource: z.enum(['last-review', 'baseline']),
  from: z.number().nullable(),
  fromDate: z.string().nullable(),
  to: z.number().nullable(),
  toDate: z.string().nullable(),
  change: z.number().nullable(),
  reliableChange: z.enum(['improvement', 'deterioration', 'none']).nullable(),
  status: z.enum(['met', 'on-track', 'off-track', 'not-started', 'overdue', 'no-data']),
});

const ReviewGoalView = z.object({
  goalId: z.string(),
  lineageId: z.string(),
  statement: z.string(),
  statusAtReview: z.string(),
  progress: ProgressWordView,
  targets: z.array(ReviewTargetView),
  objectives: z.array(
    z.object({
      objectiveId: z.string(),
      statement: z.string(),
      progress: ProgressWordView,
      interventions: z.array(z.string()),
    }),
  ),
  tasks: z.array(ReviewTaskView),
  outcome: ReviewOutcomeView.nullable(),
  decision: ReviewDecisionView.nullable(),
  note: z.string(),
});

export const ReviewView = z.object({
  id: Id,
  clientId: Id,
  planId: Id,
  planVersion: z.number().int(),
  status: z.enum(['draft', 'signed']),
  revision: z.number().int(),
  reviewDate: z.string(),
  nextReviewDate: z.string(),
  summary: z.string(),
  goals: z.array(ReviewGoalView),
  signature: z
    .object({ userId: z.string(), name: z.string(), credentials: z.string(), signedAt: z.string() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ClientReviewsView = z.object({
  today: z.string(),
  schedule: z
    .object({
      planId: Id,
      planVersion: z.number().int(),
      dueDate: z.string(),
      state: z.enum(['overdue', 'due', 'not-due']),
      days: z.number().int(),
    })
    .nullable(),
  tasks: z.array(ReviewTaskView),
  items: z.array(ReviewView),
});

export const ReviewParams = z.strictObject({ clientId: Id, reviewId: Id });

export const SaveReviewRequest = z.strictObject({
  revision: z.number().int().min(1).describe('The draft revision the edit is based on.'),
  reviewDate: z.string(),
  nextReviewDate: z.string(),
  summary: z.string(),
  goals: z.array(
    z.strictObject({
      goalId: z.string(),
      outcome: ReviewOutcomeView.nullable(),
      decision: ReviewDecisionView.nullable(),
      note: z.string(),
    }),
  ),
});

export const SignReviewRequest = z.strictObject({
  revision: z.number().int().min(1).describe('The draft revision the clinician read and is signing.'),
});

export const SignedReviewView = z.object({
  review: ReviewView,
  revisePlan: z.boolean().describe('A goal was given `revise`: open a draft of the next plan version.'),
});

export const ReviewsDueQuery = z.strictObject({
  withinDays: z.coerce.number().int().min(0).max(365).default(30),
});

export const ReviewDueView = z.object({
  clientId: Id,
  recordNumber: z.string(),
  name: z.string(),
  planId: Id,
  planVersion: z.number().int(),
  dueDate: z.string(),
  state: z.enum(['overdue', 'due']),
  days: z.number().int(),
  lastReviewDate: z.string().nullable(),
  draftReviewId: z.string().nullable(),
});

export const ReviewsDueView = z.object({ today: z.string(), items: z.array(ReviewDueView) });
