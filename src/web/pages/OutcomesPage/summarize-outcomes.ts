/**
 * Sums report rows (e.g. every clinician's rows of one instrument and period, or the rows left by the filters) and
 * recomputes the rates from the sums, as the server does: improvement and deterioration over the clients compared;
 * recovery and reliable recovery over those who started at caseness. A count that does not apply (null) to every row
 * stays null.
 *
 * @example
 * summarizeOutcomes(rows).rates.reliableImprovement; // 0.55
 */
import type { OutcomeRates, OutcomeRow } from '../../api/outcomes-api.js';

/**
 * Counts and rates of a set of rows.
 *
 * @example
 * const total: OutcomeTotals = summarizeOutcomes([]); // clients 0, rates all null
 */
export interface OutcomeTotals {
  readonly clients: number;
  readonly reliableImprovement: number | null;
  readonly reliableDeterioration: number | null;
  readonly atCaseness: number | null;
  readonly recovered: number | null;
  readonly reliablyRecovered: number | null;
  readonly rates: OutcomeRates;
}

type CountKey = 'reliableImprovement' | 'reliableDeterioration' | 'atCaseness' | 'recovered' | 'reliablyRecovered';

function sum(rows: readonly OutcomeRow[], key: CountKey): number | null {
  const present = rows.map((r) => r[key]).filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function rate(count: number | null, of: number | null): number | null {
  return count === null || of === null || of === 0 ? null : count / of;
}

/**
 * The totals of `rows`.
 *
 * @example
 * summarizeOutcomes([a, b]).clients === a.clients + b.clients;
 */
export function summarizeOutcomes(rows: readonly OutcomeRow[]): OutcomeTotals {
  const clients = rows.reduce((total, r) => total + r.clients, 0);
  const reliableImprovement = sum(rows, 'reliableImprovement');
  const reliableDeterioration = sum(rows, 'reliableDeterioration');
  const atCaseness = sum(rows, 'atCaseness');
  const recovered = sum(rows, 'recovered');
  const reliablyRecovered = sum(rows, 'reliablyRecovered');
  return {
    clients,
    reliableImprovement,
    reliableDeterioration,
    atCaseness,
    recovered,
    reliablyRecovered,
    rates: {
      reliableImprovement: rate(reliableImprovement, clients),
      reliableDeterioration: rate(reliableDeterioration, clients),
      recovery: rate(recovered, atCaseness),
      reliableRecovery: rate(reliablyRecovered, atCaseness),
    },
  };
}

/**
 * A rate as a whole percentage with its count ("60 % (6 of 10)"), or "—" when it does not apply.
 *
 * @example
 * formatRate(6, 10); // '60 % (6 of 10)'
 */
export function formatRate(count: number | null, of: number | null): string {
  const r = rate(count, of);
  return r === null || count === null || of === null ? '—' : `${Math.round(r * 100)} % (${count} of ${of})`;
}
