/**
 * Client links and the consent they need (src/contract/client-links.ts, issue 7), with React Query hooks.
 *
 * @example
 * const links = useClientLinks(clientId); const create = useCreateClientLink(clientId);
 * create.mutate({ purpose: 'measures', instruments: ['phq9'] }); // create.data?.url: shown once
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClientLinkCreated,
  ClientLinkView,
  ConsentView,
  CreateClientLinkRequest,
  RecordConsentRequest,
} from '../../contract/client-links.js';
import { apiRequest } from './api-client.js';

export type ClientLinkItem = z.output<typeof ClientLinkView>;
export type ClientConsentItem = z.output<typeof ConsentView>;
export type CreatedClientLink = z.output<typeof ClientLinkCreated>;

const linksKey = (clientId: string) => ['client-links', clientId] as const;
const consentsKey = (clientId: string) => ['client-consents', clientId] as const;

/** `GET /clients/{id}/links`: newest first, never their tokens. */
export function useClientLinks(clientId: string) {
  return useQuery({
    queryKey: linksKey(clientId),
    queryFn: async () =>
      (await apiRequest<{ items: ClientLinkItem[] }>('GET', `/clients/${encodeURIComponent(clientId)}/links`)).items,
  });
}

/** `POST /clients/{id}/links`: the answer's URL holds the token, shown once. */
export function useCreateClientLink(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateClientLinkRequest>) =>
      apiRequest<CreatedClientLink>('POST', `/clients/${encodeURIComponent(clientId)}/links`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linksKey(clientId) }),
  });
}

/** `DELETE /clients/{id}/links/{linkId}`: the link stops working at once. */
export function useRevokeClientLink(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      apiRequest<null>('DELETE', `/clients/${encodeURIComponent(clientId)}/links/${encodeURIComponent(linkId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linksKey(clientId) }),
  });
}

/** `GET /clients/{id}/consents`: newest first. */
export function useClientConsents(clientId: string) {
  return useQuery({
    queryKey: consentsKey(clientId),
    queryFn: async () =>
      (await apiRequest<{ items: ClientConsentItem[] }>('GET', `/clients/${encodeURIComponent(clientId)}/consents`))
        .items,
  });
}

/** `POST /clients/{id}/consents`: consent to be contacted through links and e-mail, with its date. */
export function useRecordClientConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof RecordConsentRequest>) =>
      apiRequest<ClientConsentItem>('POST', `/clients/${encodeURIComponent(clientId)}/consents`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentsKey(clientId) }),
  });
}
