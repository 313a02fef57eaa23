/**
 * The practice outcomes as a table: one row per period, clinician and instrument — the clients compared and the
 * rates of reliable improvement, recovery, reliable recovery and reliable deterioration, each with its count — and a
 * last row with the totals of the rows shown (rates recomputed from the summed counts).
 *
 * @example
 * <OutcomesTable rows={report.rows} />
 */
import type { OutcomeRow } from '../../api/outcomes-api.js';
import { formatRate, summarizeOutcomes } from './summarize-outcomes.js';

export interface OutcomesTableProps {
  readonly rows: readonly OutcomeRow[];
  /** Accessible name of the table. */
  readonly label?: string;
}

/**
 * Rows newest period first, then by clinician and instrument.
 *
 * @example
 * sortOutcomeRows(report.rows)[0]?.period; // '2026-11'
 */
export function sortOutcomeRows(rows: readonly OutcomeRow[]): OutcomeRow[] {
  return [...rows].sort(
    (a, b) =>
      b.period.localeCompare(a.period) ||
      clinicianLabel(a).localeCompare(clinicianLabel(b)) ||
      a.instrumentName.localeCompare(b.instrumentName),
  );
}

/**
 * How a row's clinician is named.
 *
 * @example
 * clinicianLabel({ clinicianId: null, clinicianName: null }); // 'No primary clinician'
 */
export function clinicianLabel(row: Pick<OutcomeRow, 'clinicianId' | 'clinicianName'>): string {
  if (row.clinicianId === null) return 'No primary clinician';
  return row.clinicianName ?? 'Former account';
}

export function OutcomesTable({ rows, label = 'Practice outcomes' }: OutcomesTableProps) {
  if (rows.length === 0) {
    return (
      <p className="empty" data-testid="outcomes-empty">
        No client has two administrations of an instrument in this range yet.
      </p>
    );
  }
  const total = summarizeOutcomes(rows);
  return (
    // A wide table scrolls sideways on a tablet: the scrolling box takes keyboard focus so arrow keys can scroll it
    // (axe: scrollable-region-focusable, WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable scroll region is the WAI pattern for this
    <section className="table-wrap" aria-label={`${label} table`} tabIndex={0}>
      <table className="table table--compact outcomes-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Clinician</th>
            <th scope="col">Instrument</th>
            <th scope="col" className="num">
              Clients compared
            </th>
            <th scope="col" className="num">
              Reliable improvement
            </th>
            <th scope="col" className="num">
              Recovery
            </th>
            <th scope="col" className="num">
              Reliable recovery
            </th>
            <th scope="col" className="num">
              Reliable deterioration
            </th>
          </tr>
        </thead>
        <tbody>
          {sortOutcomeRows(rows).map((row) => (
            <tr key={`${row.period}|${row.clinicianId ?? ''}|${row.instrumentId}`}>
              <th scope="row">{row.period}</th>
              <td>{clinicianLabel(row)}</td>
              <td>{row.instrumentName}</td>
              <td className="num">{row.clients}</td>
              <td className="num">{formatRate(row.reliableImprovement, row.clients)}</td>
              <td className="num">{formatRate(row.recovered, row.atCaseness)}</td>
              <td className="num">{formatRate(row.reliablyRecovered, row.atCaseness)}</td>
              <td className="num">{formatRate(row.reliableDeterioration, row.clients)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              All rows shown
            </th>
            <td className="num">{total.clients}</td>
            <td className="num">{formatRate(total.reliableImprovement, total.clients)}</td>
            <td className="num">{formatRate(total.recovered, total.atCaseness)}</td>
            <td className="num">{formatRate(total.reliablyRecovered, total.atCaseness)}</td>
            <td className="num">{formatRate(total.reliableDeterioration, total.clients)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
