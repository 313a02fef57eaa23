import { getMeasure } from '../../measures/registry.js';
import type { ClientRecord } from '../client-record.js';

/**
 * The columns of the scores CSV, in order.
 *
 * @example
 * SCORES_CSV_COLUMNS[0] // 'record_number'
 */
export const SCORES_CSV_COLUMNS = [
  'record_number',
  'administered_on',
  'administered_at',
  'instrument',
  'instrument_version',
  'total',
  'severity',
  'prorated',
  'subscales',
  'flags',
  'source',
  'answers',
] as const;

/**
 * A client's scores as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
 * quoted with inner quotes doubled), one row per administration, oldest first, with a header row. Guards against
 * formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` so a
 * spreadsheet shows it as text.
 *
 * @example
 * administrationsToCsv(record).split('\r\n')[0] // 'record_number,administered_on,administered_at,instrument,…'
 */
export function administrationsToCsv(record: ClientRecord): string {
  const rows: string[][] = [[...SCORES_CSV_COLUMNS]];
  for (const a of record.administrations) {
    rows.push([
      record.client.recordNumber,
      a.administeredOn,
      a.administeredAt,
      getMeasure(a.instrumentId)?.shortName ?? a.instrumentId,
      a.instrumentVersion,
      String(a.total),
      a.severity ?? '',
      a.prorated ? 'yes' : 'no',
      Object.entries(a.subscales)
        .map(([k, v]) => `${k}=${v}`)
        .join(';'),
      a.flags.map((f) => (f.item === undefined ? f.code : `${f.code}:${f.item}`)).join(';'),
      a.source,
      a.answers.map((x) => (x === null ? '' : String(x))).join(';'),
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * One CSV field: formula-guarded, then quoted when needed (RFC 4180).
 *
 * @example
 * csvCell('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 * csvCell('-3') // "'-3"
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
