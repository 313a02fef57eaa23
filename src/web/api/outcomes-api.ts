/**
 * Practice outcomes (`GET /practice/outcomes`, `OutcomesQuery` / `OutcomesView` in src/contract/measures.ts): per
 * primary clinician, instrument and period, the clients compared (first and last administration in the range) and how
 * many reliably improved, reliably deteriorated, recovered and reliably recovered, with the rates. Clinicians get
 * their own clients only; supervisors and auditors the practice; an admin without a clinical role is refused (403).
 *
 * @example
 * const report = usePracticeOutcomes({ from: '2026-01-01', to: '2026-12-31', period: 'quarter' });
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OutcomesQuery } from '../../contract/measures.js';
import { apiRequest, withQuery } from './api-client.js';

/**
 * The report's query.
 *
 * @example
 * const query: OutcomesRequest = { from: '2026-01-01', to: '2026-12-31', period: 'month' };
 */
export type OutcomesRequest = z.input<typeof OutcomesQuery>;

/**
 * Rates as fractions (0…1), null where the rule does not apply to the instrument or nobody is in the denominator.
 *
 * @example
 * const rates: OutcomeRates = { reliableImprovement: 0.6, reliableDeterioration: 0.1, recovery: 0.5, reliableRecovery: 0.5 };
 */
export interface OutcomeRates {
  readonly reliableImprovement: number | null;
  readonly reliableDeterioration: number | null;
  readonly recovery: number | null;
  readonly reliableRecovery: number | null;
}

/**
 * One row of the report (the contract keeps the row loose; this is what the server sends).
 *
 * @example
 * const row: OutcomeRow = { clinicianId: 'u1', clinicianName: 'Robin', instrumentId: 'phq9', instrumentName: 'PHQ-9',
 *   period: '2026-11', clients: 10, reliableImprovement: 6, reliableDeterioration: 1, atCaseness: 8, recovered: 4,
 *   reliablyRecovered: 4, rates: { reliableImprovement: 0.6, reliableDeterioration: 0.1, recovery: 0.5, reliableRecovery: 0.5 } };
 */
export interface OutcomeRow {
  readonly clinicianId: string | null;
  readonly clinicianName: string | null;
  readonly instrumentId: string;
  readonly instrumentName: string;
  /** '2026-11' (month), '2026-Q4' (quarter) or '2026' (year) of the last administration. */
  readonly period: string;
  readonly clients: number;
  readonly reliableImprovement: number | null;
  readonly reliableDeterioration: number | null;
  readonly atCaseness: number | null;
  readonly recovered: number | null;
  readonly reliablyRecovered: number | null;
  readonly rates: OutcomeRates;
}

/**
 * The report.
 *
 * @example
 * const report: OutcomesReport = { from: '2026-01-01', to: '2026-12-31', period: 'month', clinicianId: null, rows: [] };
 */
export interface OutcomesReport {
  readonly from: string;
  readonly to: string;
  readonly period: 'month' | 'quarter' | 'year';
  readonly clinicianId: string | null;
  readonly rows: readonly OutcomeRow[];
}

/**
 * `GET /practice/outcomes` for the range and grouping given; the previous report stays shown while the next loads.
 *
 * @example
 * const outcomes = usePracticeOutcomes({ from, to, period: 'quarter' });
 */
export function usePracticeOutcomes(query: OutcomesRequest, enabled = true) {
  return useQuery({
    queryKey: ['practice-outcomes', query.from, query.to, query.period ?? 'month', query.clinicianId ?? null],
    queryFn: () => apiRequest<OutcomesReport>('GET', withQuery('/practice/outcomes', { ...query })),
    enabled,
    placeholderData: keepPreviousData,
  });
}
