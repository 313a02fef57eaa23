/**
 * Clients, the caseload, plans, formulations, measures, progress and alerts (src/contract/clients.ts, plans.ts,
 * formulation.ts, measures.ts), with React Query hooks. Where the contract leaves a payload loose (the progress
 * summary, alerts), the types are the domain's own, which the server returns as is.
 *
 * @example
 * const caseload = useCaseload(); // caseload.data?.pages[0]?.items
 * const progress = useClientProgress(clientId); // progress.data?.progress?.goals
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CaseloadRowView,
  ClientRecordView,
  ClientStatusName,
  CreateClientRequest,
} from '../../contract/clients.js';
import type { FormulationView } from '../../contract/formulation.js';
import type {
  AcknowledgeAlertRequest,
  BehaviorLogView,
  BehaviorView,
  DefineBehaviorRequest,
  ProgressView,
  RecordAdministrationRequest,
  RecordAdministrationResponse,
  RecordBehaviorLogRequest,
  SeriesView,
  StoredAlertView,
} from '../../contract/measures.js';
import type { PlanView } from '../../contract/plans.js';
import type { Alert } from '../../domain/alerts/alert.js';
import type { AlertAcknowledgement } from '../../domain/alerts/close-alert.js';
import type { SeriesPoint } from '../../domain/progress/series-point.js';
import type { PlanProgress } from '../../domain/progress/summarize-plan-progress.js';
import { ApiError, apiRequest, withQuery } from './api-client.js';

export type CaseloadRow = z.output<typeof CaseloadRowView>;
export type ClientStatus = z.output<typeof ClientStatusName>;
export type ClientRecord = z.output<typeof ClientRecordView>;
export type Client = ClientRecord['client'];
export type Plan = z.output<typeof PlanView>;
export type PlanGoal = Plan['goals'][number];
export type PlanObjective = PlanGoal['objectives'][number];
export type PlanTarget = PlanGoal['targets'][number];
export type Formulation = z.output<typeof FormulationView>;
export type Series = z.output<typeof SeriesView>;
export type Behavior = z.output<typeof BehaviorView>;
export type BehaviorLog = z.output<typeof BehaviorLogView>;
export type RecordedAdministration = z.output<typeof RecordAdministrationResponse>;

/** `GET /clients/{id}/progress` with the summary typed as the domain's `PlanProgress`. */
export type ClientProgress = Omit<z.output<typeof ProgressView>, 'progress' | 'seriesByTargetId'> & {
  readonly progress: PlanProgress | null;
  readonly seriesByTargetId: Readonly<Record<string, readonly SeriesPoint[]>>;
};

/** A kept alert (`GET /clients/{id}/alerts`) with the alert typed as the domain's `Alert`. */
export type StoredAlert = Omit<z.output<typeof StoredAlertView>, 'alert' | 'closure'> & {
  readonly alert: Alert;
  readonly closure: AlertAcknowledgement | null;
};

/** The page size of the caseload; each row also loads its progress and open alerts. */
export const CASELOAD_PAGE = 50;

/**
 * "Avery, Jordan (Jo)" — the client's name as lists show it, with the preferred name when there is one.
 *
 * @example
 * clientName({ firstName: 'Jordan', lastName: 'Avery', preferredName: null }) // 'Avery, Jordan'
 */
export function clientName(
  client: Pick<Client, 'firstName' | 'lastName'> & { readonly preferredName?: string | null },
): string {
  const preferred =
    client.preferredName && client.preferredName !== client.firstName ? ` (${client.preferredName})` : '';
  return `${client.lastName}, ${client.firstName}${preferred}`;
}

/** Query keys, so mutations can refresh exactly what they change. */
export const clientKeys = {
  caseload: (status: string) => ['caseload', status] as const,
  record: (id: string) => ['client', id, 'record'] as const,
  plan: (id: string) => ['client', id, 'plan'] as const,
  formulation: (id: string) => ['client', id, 'formulation'] as const,
  series: (id: string) => ['client', id, 'series'] as const,
  progress: (id: string) => ['client', id, 'progress'] as const,
  alerts: (id: string, open: boolean) => ['client', id, 'alerts', open] as const,
  behaviors: (id: string) => ['client', id, 'behaviors'] as const,
  all: (id: string) => ['client', id] as const,
};

/**
 * `GET /caseload`, a page at a time.
 *
 * @example
 * const { items, nextCursor } = await listCaseload({ limit: 50 });
 */
export function listCaseload(query: {
  readonly limit?: number;
  readonly cursor?: string;
  readonly status?: ClientStatus;
}) {
  return apiRequest<{ items: CaseloadRow[]; nextCursor: string | null }>('GET', withQuery('/caseload', query));
}

/**
 * The caseload as an infinite query ("show more" loads the next page).
 *
 * @example
 * const caseload = useCaseload('active');
 */
export function useCaseload(status: ClientStatus | 'all' = 'active') {
  return useInfiniteQuery({
    queryKey: clientKeys.caseload(status),
    queryFn: ({ pageParam }) =>
      listCaseload({
        limit: CASELOAD_PAGE,
        ...(pageParam ? { cursor: pageParam } : {}),
        ...(status === 'all' ? {} : { status }),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * `POST /clients`.
 *
 * @example
 * await createClient({ firstName: 'Jordan', lastName: 'Lee', dateOfBirth: '1990-04-02' });
 */
export function createClient(body: z.input<typeof CreateClientRequest>) {
  return apiRequest<Client>('POST', '/clients', body);
}

/**
 * `GET /clients/{id}`: the client, assignments and diagnoses.
 *
 * @example
 * const record = useClientRecord(clientId);
 */
export function useClientRecord(clientId: string) {
  return useQuery({
    queryKey: clientKeys.record(clientId),
    queryFn: () => apiRequest<ClientRecord>('GET', `/clients/${clientId}`),
  });
}

/**
 * `POST /clients/{id}/diagnoses`: records a diagnosis (ICD-10-CM); the client's record is read again.
 *
 * @example
 * add.mutate({ code: 'F32.1', description: 'Major depressive disorder, single episode, moderate', primary: true });
 */
export function useAddDiagnosis(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; description: string; primary: boolean }) =>
      apiRequest<unknown>('POST', `/clients/${clientId}/diagnoses`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.record(clientId) }),
  });
}

/**
 * `GET /clients/{id}/plan`: the current plan version, or null when the client has none (404 on the plan only).
 *
 * @example
 * const plan = useClientPlan(clientId); // plan.data === null: no plan yet
 */
export function useClientPlan(clientId: string) {
  return useQuery({
    queryKey: clientKeys.plan(clientId),
    queryFn: async () => {
      try {
        return await apiRequest<Plan>('GET', `/clients/${clientId}/plan`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.message !== 'No such route.') return null;
        throw error;
      }
    },
  });
}

/**
 * `GET /clients/{id}/formulation`, or null when none is written yet.
 *
 * @example
 * const formulation = useClientFormulation(clientId);
 */
export function useClientFormulation(clientId: string) {
  return useQuery({
    queryKey: clientKeys.formulation(clientId),
    queryFn: async () => {
      try {
        return await apiRequest<Formulation>('GET', `/clients/${clientId}/formulation`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.message !== 'No such route.') return null;
        throw error;
      }
    },
  });
}

/**
 * `GET /clients/{id}/series`: every instrument's scores and every behaviour's counts.
 *
 * @example
 * const series = useClientSeries(clientId);
 */
export function useClientSeries(clientId: string) {
  return useQuery({
    queryKey: clientKeys.series(clientId),
    queryFn: () => apiRequest<Series>('GET', `/clients/${clientId}/series`),
  });
}

/**
 * `GET /clients/{id}/progress`: each target's status, the rule that decided it and its series.
 *
 * @example
 * const progress = useClientProgress(clientId);
 */
export function useClientProgress(clientId: string, enabled = true) {
  return useQuery({
    queryKey: clientKeys.progress(clientId),
    queryFn: () => apiRequest<ClientProgress>('GET', `/clients/${clientId}/progress`),
    enabled,
  });
}

/**
 * `GET /clients/{id}/alerts[?open=true]`: kept alerts (critical items), newest first.
 *
 * @example
 * const open = useClientAlerts(clientId, true);
 */
export function useClientAlerts(clientId: string, open: boolean, enabled = true) {
  return useQuery({
    queryKey: clientKeys.alerts(clientId, open),
    queryFn: () =>
      apiRequest<{ items: StoredAlert[] }>(
        'GET',
        withQuery(`/clients/${clientId}/alerts`, open ? { open: 'true' } : {}),
      ),
    enabled,
  });
}

/**
 * `POST /clients/{id}/alerts/acknowledge`: record what was done; the alert closes.
 *
 * @example
 * ack.mutate({ alertKey, action: 'risk-assessed', note: 'C-SSRS negative; safety plan reviewed.' });
 */
export function useAcknowledgeAlert(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof AcknowledgeAlertRequest>) =>
      apiRequest<unknown>('POST', `/clients/${clientId}/alerts/acknowledge`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['client', clientId, 'alerts'] }),
        queryClient.invalidateQueries({ queryKey: ['caseload'] }),
        queryClient.invalidateQueries({ queryKey: ['open-critical'] }),
      ]),
  });
}

/**
 * `POST /clients/{id}/administrations`: the server scores and stores the answers and raises critical-item alerts.
 *
 * @example
 * record.mutate({ instrument: 'phq9', answers });
 */
export function useRecordAdministration(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof RecordAdministrationRequest>) =>
      apiRequest<RecordedAdministration>('POST', `/clients/${clientId}/administrations`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clientKeys.all(clientId) }),
        queryClient.invalidateQueries({ queryKey: ['caseload'] }),
        queryClient.invalidateQueries({ queryKey: ['open-critical'] }),
      ]),
  });
}

/**
 * `GET /clients/{id}/behaviors`: the behaviours counted for this client.
 *
 * @example
 * const behaviors = useClientBehaviors(clientId);
 */
export function useClientBehaviors(clientId: string) {
  return useQuery({
    queryKey: clientKeys.behaviors(clientId),
    queryFn: () => apiRequest<{ items: Behavior[] }>('GET', `/clients/${clientId}/behaviors`),
  });
}

/**
 * `POST /clients/{id}/behaviors`: define a behaviour to count.
 *
 * @example
 * define.mutate({ name: 'panic attacks', period: 'week', direction: 'decrease' });
 */
export function useDefineBehavior(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof DefineBehaviorRequest>) =>
      apiRequest<Behavior>('POST', `/clients/${clientId}/behaviors`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all(clientId) }),
  });
}

/**
 * `POST /clients/{id}/behaviors/{behaviorId}/logs`: record a count for a period.
 *
 * @example
 * log.mutate({ behaviorId, body: { periodStart: '2026-11-23', count: 3 } });
 */
export function useRecordBehaviorLog(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ behaviorId, body }: { behaviorId: string; body: z.input<typeof RecordBehaviorLogRequest> }) =>
      apiRequest<BehaviorLog>('POST', `/clients/${clientId}/behaviors/${behaviorId}/logs`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all(clientId) }),
  });
}
