/**
 * Plan reviews (src/contract/reviews.ts, DESIGN 2.6) with React Query hooks: a client's reviews and schedule, the
 * due/overdue list, and starting, saving and signing a review.
 *
 * @example
 * const reviews = useClientReviews(clientId); // reviews.data?.schedule?.dueDate
 * const start = useStartReview(clientId); start.mutate();
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClientReviewsView,
  ReviewsDueView,
  ReviewView,
  SaveReviewRequest,
  SignedReviewView,
} from '../../contract/reviews.js';
import { apiRequest, withQuery } from './api-client.js';

export type ClientReviews = z.output<typeof ClientReviewsView>;
export type Review = z.output<typeof ReviewView>;
export type ReviewGoal = Review['goals'][number];
export type ReviewsDue = z.output<typeof ReviewsDueView>;
export type SaveReviewBody = z.input<typeof SaveReviewRequest>;
export type SignedReview = z.output<typeof SignedReviewView>;

export const reviewKeys = {
  client: (clientId: string) => ['client', clientId, 'reviews'] as const,
  due: (withinDays: number) => ['reviews-due', withinDays] as const,
};

/**
 * `GET /clients/{id}/reviews`: the reviews newest first, the review schedule and the lack-of-progress tasks.
 *
 * @example
 * useClientReviews(clientId).data?.items[0]?.status // 'draft'
 */
export function useClientReviews(clientId: string) {
  return useQuery({
    queryKey: reviewKeys.client(clientId),
    queryFn: () => apiRequest<ClientReviews>('GET', `/clients/${clientId}/reviews`),
  });
}

/**
 * `GET /reviews/due?withinDays=N`: reviews overdue or due within N days in the caller's caseload.
 *
 * @example
 * useReviewsDue(30).data?.items
 */
export function useReviewsDue(withinDays: number) {
  return useQuery({
    queryKey: reviewKeys.due(withinDays),
    queryFn: () => apiRequest<ReviewsDue>('GET', withQuery('/reviews/due', { withinDays: String(withinDays) })),
  });
}

function useInvalidate(clientId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reviewKeys.client(clientId) }),
      queryClient.invalidateQueries({ queryKey: ['reviews-due'] }),
    ]);
}

/**
 * `POST /clients/{id}/reviews`: starts a review drafted from the data.
 *
 * @example
 * useStartReview(clientId).mutate();
 */
export function useStartReview(clientId: string) {
  const invalidate = useInvalidate(clientId);
  return useMutation({
    mutationFn: () => apiRequest<Review>('POST', `/clients/${clientId}/reviews`),
    onSuccess: invalidate,
  });
}

/**
 * `PUT /clients/{id}/reviews/{reviewId}`: saves the draft (409 when someone saved first).
 *
 * @example
 * save.mutate({ reviewId, body: { revision, reviewDate, nextReviewDate, summary, goals } });
 */
export function useSaveReview(clientId: string) {
  const invalidate = useInvalidate(clientId);
  return useMutation({
    mutationFn: ({ reviewId, body }: { reviewId: string; body: SaveReviewBody }) =>
      apiRequest<Review>('PUT', `/clients/${clientId}/reviews/${reviewId}`, body),
    onSuccess: invalidate,
  });
}

/**
 * `POST /clients/{id}/reviews/{reviewId}/sign`: signs the draft; goal statuses and the next review date follow.
 *
 * @example
 * sign.mutate({ reviewId, revision }, { onSuccess: (r) => r.revisePlan && navigate('../plan') });
 */
export function useSignReview(clientId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate(clientId);
  return useMutation({
    mutationFn: ({ reviewId, revision }: { reviewId: string; revision: number }) =>
      apiRequest<SignedReview>('POST', `/clients/${clientId}/reviews/${reviewId}/sign`, { revision }),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: ['client', clientId] })]),
  });
}
