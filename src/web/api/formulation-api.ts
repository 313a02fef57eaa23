/**
 * Saving a client's formulation (`PUT /clients/{id}/formulation`, src/contract/formulation.ts). Reading it is
 * `useClientFormulation` in clients-api.ts. The answer replaces the cached formulation, with the ids the server gave
 * new elements (goals link to element ids, so kept elements send theirs).
 *
 * @example
 * const save = useSaveFormulation(clientId);
 * save.mutate({ problemAreas: ['panic'], elements: [{ kind: 'safety-behaviour', text: 'Carries water', libraryKey: null }] });
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SaveFormulationRequest } from '../../contract/formulation.js';
import { apiRequest } from './api-client.js';
import { clientKeys, type Formulation } from './clients-api.js';

/**
 * The body of `PUT /clients/{id}/formulation`.
 *
 * @example
 * const body: SaveFormulationBody = { problemAreas: [], elements: [] };
 */
export type SaveFormulationBody = z.input<typeof SaveFormulationRequest>;

/**
 * The mutation that saves the whole formulation (problem areas and elements, in order).
 *
 * @example
 * useSaveFormulation(clientId).mutate(body, { onSuccess: (saved) => adopt(saved) });
 */
export function useSaveFormulation(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveFormulationBody) => apiRequest<Formulation>('PUT', `/clients/${clientId}/formulation`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(clientKeys.formulation(clientId), saved);
      void queryClient.invalidateQueries({ queryKey: clientKeys.progress(clientId) });
    },
  });
}
