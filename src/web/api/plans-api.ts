/**
 * Writing treatment plans and reading their versions (src/contract/plans.ts), with React Query hooks: save the draft
 * with the revision it was based on, discard it, sign it, co-sign a signed version, list the versions and compare two.
 * Every write refreshes the client's plan (`clientKeys.plan`) and the version list.
 *
 * @example
 * const save = useSavePlanDraft(clientId); save.mutate(draft); // save.data?.revision
 * const versions = usePlanVersions(clientId); // versions.data?.items[0]?.status
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { draftRequestOf, type PlanComparisonView, type PlanVersionSummaryView } from '../../contract/plans.js';
import { ApiError, apiRequest, withQuery } from './api-client.js';
import { clientKeys, type Plan } from './clients-api.js';

export type PlanVersionSummary = z.output<typeof PlanVersionSummaryView>;
export type PlanComparison = z.output<typeof PlanComparisonView>;

/** Query keys of the plan versions, under the client's key so a client-wide refresh includes them. */
export const planKeys = {
  versions: (clientId: string) => ['client', clientId, 'plans'] as const,
  version: (clientId: string, planId: string) => ['client', clientId, 'plans', 'one', planId] as const,
  compare: (clientId: string, from: string, to: string) => ['client', clientId, 'plans', 'compare', from, to] as const,
};

/**
 * True when the error is the server's 409 `stale-revision` (someone saved or signed the draft since it was read).
 *
 * @example
 * if (isStaleRevision(save.error)) showReloadOffer();
 */
export function isStaleRevision(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'stale-revision';
}

/**
 * True when the error is the server's 409 `plan-incomplete`; its `issues` are the findings that block signing.
 *
 * @example
 * if (isPlanIncomplete(sign.error)) list(sign.error.issues);
 */
export function isPlanIncomplete(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.code === 'plan-incomplete';
}

/**
 * `PUT /clients/{id}/plan/draft`: saves the whole plan as the editor holds it (revision 0 opens a draft of the next
 * version from a signed plan). Resolves with the saved draft, whose revision is one more.
 *
 * @example
 * const saved = await savePlanDraft(clientId, draft);
 */
export function savePlanDraft(clientId: string, plan: Plan) {
  return apiRequest<Plan>('PUT', `/clients/${clientId}/plan/draft`, draftRequestOf(plan));
}

function usePlanWrite<TVariables, TResult extends Plan | null>(
  clientId: string,
  write: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (plan) => {
      if (plan) queryClient.setQueryData(clientKeys.plan(clientId), plan);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: clientKeys.plan(clientId) }),
        queryClient.invalidateQueries({ queryKey: planKeys.versions(clientId) }),
        queryClient.invalidateQueries({ queryKey: clientKeys.progress(clientId) }),
        queryClient.invalidateQueries({ queryKey: ['caseload'] }),
      ]);
    },
  });
}

/**
 * Saves the draft; on success the client's plan query holds the saved draft.
 *
 * @example
 * save.mutate(draft, { onSuccess: (saved) => setDraft(saved) });
 */
export function useSavePlanDraft(clientId: string) {
  return usePlanWrite(clientId, (plan: Plan) => savePlanDraft(clientId, plan));
}

/**
 * `DELETE /clients/{id}/plan/draft?revision=N`: discards the draft at the revision read (signed versions stay).
 *
 * @example
 * discard.mutate(draft.revision);
 */
export function useDiscardPlanDraft(clientId: string) {
  return usePlanWrite(clientId, (revision: number) =>
    apiRequest<null>('DELETE', withQuery(`/clients/${clientId}/plan/draft`, { revision })),
  );
}

/**
 * `POST /clients/{id}/plan/sign {revision}` (clinicians): signs the saved draft the clinician read. A 409
 * `plan-incomplete` carries the blocking findings as `issues`.
 *
 * @example
 * sign.mutate(draft.revision);
 */
export function useSignPlan(clientId: string) {
  return usePlanWrite(clientId, (revision: number) =>
    apiRequest<Plan>('POST', `/clients/${clientId}/plan/sign`, { revision }),
  );
}

/**
 * `POST /clients/{id}/plans/{planId}/cosign {contentHash}` (a supervisor of the signing clinician): co-signs the
 * content the supervisor read.
 *
 * @example
 * cosign.mutate({ planId: plan.id, contentHash: plan.contentHash });
 */
export function useCosignPlan(clientId: string) {
  return usePlanWrite(clientId, ({ planId, contentHash }: { planId: string; contentHash: string }) =>
    apiRequest<Plan>('POST', `/clients/${clientId}/plans/${planId}/cosign`, { contentHash }),
  );
}

/**
 * `GET /clients/{id}/plans`: every version, newest first (the open draft, the signed version, superseded ones).
 *
 * @example
 * const versions = usePlanVersions(clientId);
 */
export function usePlanVersions(clientId: string) {
  return useQuery({
    queryKey: planKeys.versions(clientId),
    queryFn: () => apiRequest<{ items: PlanVersionSummary[] }>('GET', `/clients/${clientId}/plans`),
  });
}

/**
 * `GET /clients/{id}/plans/{planId}`: one version in full.
 *
 * @example
 * const v1 = usePlanVersion(clientId, planId);
 */
export function usePlanVersion(clientId: string, planId: string | null) {
  return useQuery({
    queryKey: planKeys.version(clientId, planId ?? ''),
    queryFn: () => apiRequest<Plan>('GET', `/clients/${clientId}/plans/${planId}`),
    enabled: planId !== null,
  });
}

/**
 * `GET /clients/{id}/plans/compare?from=ID&to=ID`: what changed between two versions (plan fields, and goals and
 * objectives matched by lineage). Runs only when both ids are given and differ.
 *
 * @example
 * const diff = usePlanComparison(clientId, v1.id, v2.id); // diff.data?.summary.goalsChanged
 */
export function usePlanComparison(clientId: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: planKeys.compare(clientId, from ?? '', to ?? ''),
    queryFn: () => apiRequest<PlanComparison>('GET', withQuery(`/clients/${clientId}/plans/compare`, { from, to })),
    enabled: from !== null && to !== null && from !== to,
  });
}
