import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { getReview, listReviews } from '../../../application/list-reviews.js';
import { listReviewsDue } from '../../../application/list-reviews-due.js';
import { saveReviewDraft } from '../../../application/save-review-draft.js';
import { signReview } from '../../../application/sign-review.js';
import { startReview } from '../../../application/start-review.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import {
  ClientReviewsView,
  ReviewParams,
  ReviewsDueQuery,
  ReviewsDueView,
  ReviewView,
  SaveReviewRequest,
  SignedReviewView,
  SignReviewRequest,
} from '../../../contract/reviews.js';
import type { Review } from '../../../domain/reviews/review.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { actorOf } from '../../route-helpers.js';

const READ_ERRORS = { 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] } as const;
const WRITE_ERRORS = { ...READ_ERRORS, 400: ERROR_RESPONSES[400], 409: ERROR_RESPONSES[409] } as const;

function present(review: Review): z.infer<typeof ReviewView> {
  return structuredClone(review) as z.infer<typeof ReviewView>;
}

/**
 * Plan reviews (DESIGN 2.6, issue 8 item 1): start a review drafted from the data, save the draft with the revision it
 * was based on, sign it (a clinician; sets each goal's lifecycle status and the next review date), list and read a
 * client's reviews, and the due/overdue list of the caller's caseload. A stale revision is 409 and changes nothing.
 *
 * @example
 * await api.register(reviewRoutes);
 */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/clients/:clientId/reviews',
    {
      config: { reach: clientInPath('write', 'review.start'), audit: 'review.start' },
      schema: {
        tags: ['reviews'],
        summary: 'Start a review of the signed plan (a draft drafted from the data)',
        params: ClientParams,
        response: { 201: ReviewView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(present(await startReview(request.deps, actorOf(request), request.params))),
  );

  app.get(
    '/clients/:clientId/reviews',
    {
      config: { reach: clientInPath('read', 'review.list'), audit: 'review.list' },
      schema: {
        tags: ['reviews'],
        summary: 'The client’s reviews, newest first, with the review schedule and lack-of-progress tasks',
        params: ClientParams,
        response: { 200: ClientReviewsView, ...READ_ERRORS },
      },
    },
    async (request) =>
      structuredClone(await listReviews(request.deps, actorOf(request), request.params)) as z.infer<
        typeof ClientReviewsView
      >,
  );

  app.get(
    '/clients/:clientId/reviews/:reviewId',
    {
      config: { reach: clientInPath('read', 'review.read'), audit: 'review.read' },
      schema: {
        tags: ['reviews'],
        summary: 'One review',
        params: ReviewParams,
        response: { 200: ReviewView, ...READ_ERRORS },
      },
    },
    async (request) => present(await getReview(request.deps, actorOf(request), request.params)),
  );

  app.put(
    '/clients/:clientId/reviews/:reviewId',
    {
      config: { reach: clientInPath('write', 'review.save'), audit: 'review.save' },
      schema: {
        tags: ['reviews'],
        summary: 'Save the draft review (per goal outcome, decision, note; dates; summary)',
        params: ReviewParams,
        body: SaveReviewRequest,
        response: { 200: ReviewView, ...WRITE_ERRORS },
      },
    },
    async (request) =>
      present(await saveReviewDraft(request.deps, actorOf(request), { ...request.body, ...request.params })),
  );

  app.post(
    '/clients/:clientId/reviews/:reviewId/sign',
    {
      config: { roles: ['clinician'], reach: clientInPath('write', 'review.sign'), audit: 'review.sign' },
      schema: {
        tags: ['reviews'],
        summary: 'Sign the draft review (sets goal statuses and the next review date)',
        params: ReviewParams,
        body: SignReviewRequest,
        response: { 200: SignedReviewView, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const { review, revisePlan } = await signReview(request.deps, actorOf(request), {
        ...request.body,
        ...request.params,
      });
      return { review: present(review), revisePlan };
    },
  );

  app.get(
    '/reviews/due',
    {
      config: { audit: 'reviews.due.read' },
      schema: {
        tags: ['reviews'],
        summary: 'Reviews overdue or due within withinDays (default 30) in the caller’s caseload',
        querystring: ReviewsDueQuery,
        response: { 200: ReviewsDueView, 400: ERROR_RESPONSES[400], 401: ERROR_RESPONSES[401] },
      },
    },
    async (request) =>
      structuredClone(
        await listReviewsDue(request.deps, actorOf(request), { withinDays: request.query.withinDays }),
      ) as z.infer<typeof ReviewsDueView>,
  );
};
