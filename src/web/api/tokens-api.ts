/**
 * The signed-in user's API tokens (src/contract/tokens.ts), with React Query hooks.
 *
 * @example
 * const tokens = useApiTokens(); const create = useCreateApiToken(); create.data?.token // shown once
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreatedTokenView, CreateTokenRequest, TokenView } from '../../contract/tokens.js';
import { apiRequest } from './api-client.js';

export type ApiToken = z.output<typeof TokenView>;
export type CreatedApiToken = z.output<typeof CreatedTokenView>;

const TOKENS_KEY = ['api-tokens'] as const;

/** `GET /tokens`: own tokens that are not revoked, newest first. */
export function useApiTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async () => (await apiRequest<{ items: ApiToken[] }>('GET', '/tokens')).items,
  });
}

/** `POST /tokens`: the answer holds the secret, shown once. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateTokenRequest>) => apiRequest<CreatedApiToken>('POST', '/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** `DELETE /tokens/{id}`: revoked from the next request on. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<null>('DELETE', `/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
