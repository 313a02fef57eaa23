/**
 * Open alerts as the shell and the pages read them. Until the API exposes alerts, there is nothing to read and the
 * hooks return empty lists (see the report: the caseload/alerts routes are pending).
 *
 * @example
 * const critical = useOpenCriticalAlerts(); // [{ clientId, clientLabel, key, summary }]
 */

/**
 * An open critical alert as the banner shows it.
 *
 * @example
 * const a: CriticalAlertSummary = { clientId: '…', clientLabel: 'C-0042', key: 'critical-item-answered:adm:9', summary: 'PHQ-9 item 9 answered 1 on 13 Oct 2026' };
 */
export interface CriticalAlertSummary {
  readonly clientId: string;
  readonly clientLabel: string;
  readonly key: string;
  readonly summary: string;
}

/**
 * The open critical alerts across the caller's caseload.
 *
 * @example
 * useOpenCriticalAlerts().length // 0
 */
export function useOpenCriticalAlerts(): readonly CriticalAlertSummary[] {
  return [];
}
