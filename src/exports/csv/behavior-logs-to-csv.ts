import type { ClientRecord } from '../client-record.js';
import { csvCell } from './administrations-to-csv.js';

/**
 * The columns of the behaviour-log CSV, in order (docs/exports.md describes each).
 *
 * @example
 * BEHAVIOR_LOGS_CSV_COLUMNS[2] // 'behavior'
 */
export const BEHAVIOR_LOGS_CSV_COLUMNS = [
  'record_number',
  'period_start',
  'behavior',
  'period',
  'count',
  'unit',
  'direction',
  'behavior_id',
  'log_id',
] as const;

/**
 * A client's self-monitoring logs as CSV, one row per count in one period, oldest first (ties in behaviour name
 * order), with a header row; the same RFC 4180 quoting and formula guard as the scores CSV (csvCell). A behaviour
 * the record does not define (deleted meanwhile) prints with an empty name.
 *
 * @example
 * behaviorLogsToCsv(record).split('\r\n')[1] // 'DEMO-002,2026-10-05,panic attacks,week,3,,decrease,…'
 */
export function behaviorLogsToCsv(record: ClientRecord): string {
  const behaviors = new Map(record.behaviors.map((b) => [b.id, b]));
  const logs = [...record.behaviorLogs].sort(
    (a, b) =>
      a.periodStart.localeCompare(b.periodStart) ||
      (behaviors.get(a.behaviorId)?.name ?? '').localeCompare(behaviors.get(b.behaviorId)?.name ?? ''),
  );
  const rows: string[][] = [[...BEHAVIOR_LOGS_CSV_COLUMNS]];
  for (const l of logs) {
    const b = behaviors.get(l.behaviorId);
    rows.push([
      record.client.recordNumber,
      l.periodStart,
      b?.name ?? '',
      b?.period ?? '',
      String(l.count),
      b?.unit ?? '',
      b?.direction ?? '',
      l.behaviorId,
      l.id,
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
