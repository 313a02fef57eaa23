/**
 * Open critical alerts across the caller's caseload, for the banner every page shows (DESIGN 2.3): the first page of
 * the caseload, then each client's open kept alerts (the same queries the caseload rows use, so they are shared).
 *
 * @example
 * const critical = useOpenCriticalAlerts(); // [{ clientId, clientLabel, key, summary }]
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { describeAlert } from '../lib/describe-alert.js';
import { apiRequest, withQuery } from './api-client.js';
import {
  CASELOAD_PAGE,
  type CaseloadRow,
  clientKeys,
  clientName,
  listCaseload,
  type StoredAlert,
} from './clients-api.js';

/**
 * An open critical alert as the banner shows it.
 *
 * @example
 * const a: CriticalAlertSummary = { clientId: '…', clientLabel: 'Avery, Jordan', key: 'critical-item-answered:adm:9', summary: 'PHQ-9 item 9 answered …' };
 */
export interface CriticalAlertSummary {
  readonly clientId: string;
  readonly clientLabel: string;
  readonly key: string;
  readonly summary: string;
}

/**
 * The open critical alerts of the clients on the first page of the caseload.
 *
 * @example
 * useOpenCriticalAlerts().length // 1
 */
export function useOpenCriticalAlerts(): readonly CriticalAlertSummary[] {
  const caseload = useQuery({
    queryKey: ['caseload', 'active', 'first-page'],
    queryFn: () => listCaseload({ limit: CASELOAD_PAGE, status: 'active' }),
  });
  const rows: readonly CaseloadRow[] = caseload.data?.items ?? [];
  const alerts = useQueries({
    queries: rows.map((row) => ({
      queryKey: clientKeys.alerts(row.client.id, true),
      queryFn: () =>
        apiRequest<{ items: StoredAlert[] }>('GET', withQuery(`/clients/${row.client.id}/alerts`, { open: 'true' })),
    })),
  });
  const out: CriticalAlertSummary[] = [];
  rows.forEach((row, i) => {
    for (const stored of alerts[i]?.data?.items ?? []) {
      if (stored.closure !== null || stored.alert.severity !== 'critical') continue;
      out.push({
        clientId: row.client.id,
        clientLabel: clientName(row.client),
        key: stored.alert.key,
        summary: describeAlert(stored.alert).detail,
      });
    }
  });
  return out;
}
