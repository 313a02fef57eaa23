/**
 * Break-glass emergency access (DESIGN 2.8): the exact lookup by record number and the request (clinicians,
 * supervisors), the review list and the review (admins; auditors read the list). The record number travels in a POST
 * body, never in a URL.
 *
 * @example
 * const grant = await requestBreakGlass(clientId, 'Client called in crisis; primary clinician away.');
 * const unreviewed = useBreakGlassGrants({ unreviewed: true }).data?.items.length;
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BreakGlassGrantCreated, BreakGlassGrantView, BreakGlassLookupView } from '../../contract/break-glass.js';
import { apiRequest, withQuery } from './api-client.js';

export type BreakGlassGrant = z.output<typeof BreakGlassGrantView>;
export type BreakGlassCreated = z.output<typeof BreakGlassGrantCreated>;
export type BreakGlassMatch = z.output<typeof BreakGlassLookupView>;

/** Query keys of the review list (all, or only the unreviewed). */
export const breakGlassKeys = {
  list: (unreviewed: boolean) => ['break-glass', unreviewed ? 'unreviewed' : 'all'] as const,
};

/**
 * `POST /break-glass/lookup`: the id and initials of the client with exactly this record number.
 *
 * @example
 * await lookupBreakGlassClient('DEMO-002') // { id, initials: 'M.R.' }
 */
export function lookupBreakGlassClient(recordNumber: string): Promise<BreakGlassMatch> {
  return apiRequest<BreakGlassMatch>('POST', '/break-glass/lookup', { recordNumber });
}

/**
 * `POST /clients/{clientId}/break-glass`: opens the client for a limited time.
 *
 * @example
 * const { expiresAt } = await requestBreakGlass(clientId, reason);
 */
export function requestBreakGlass(clientId: string, reason: string): Promise<BreakGlassCreated> {
  return apiRequest<BreakGlassCreated>('POST', `/clients/${clientId}/break-glass`, { reason });
}

/**
 * `GET /break-glass`: grants newest first; `unreviewed` keeps those still to review. Refreshed every minute so the
 * admin banner notices new grants.
 *
 * @example
 * const { data } = useBreakGlassGrants({ unreviewed: true });
 */
export function useBreakGlassGrants(options: { readonly unreviewed?: boolean; readonly enabled?: boolean } = {}) {
  const unreviewed = options.unreviewed ?? false;
  return useQuery({
    queryKey: breakGlassKeys.list(unreviewed),
    queryFn: () =>
      apiRequest<{ items: BreakGlassGrant[] }>(
        'GET',
        withQuery('/break-glass', { unreviewed: unreviewed ? 'true' : undefined }),
      ),
    enabled: options.enabled ?? true,
    refetchInterval: 60_000,
  });
}

/**
 * `POST /break-glass/{id}/review`: an admin's review note.
 *
 * @example
 * review.mutate({ id, note: 'Crisis call confirmed.' });
 */
export function useReviewBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      apiRequest<BreakGlassGrant>('POST', `/break-glass/${id}/review`, { note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['break-glass'] }),
  });
}
