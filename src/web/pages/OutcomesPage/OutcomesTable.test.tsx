// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutcomeRow } from '../../api/outcomes-api.js';
import { OutcomesTable } from './OutcomesTable.js';
import { formatRate, summarizeOutcomes } from './summarize-outcomes.js';

afterEach(cleanup);

function row(partial: Partial<OutcomeRow> & Pick<OutcomeRow, 'period' | 'clients'>): OutcomeRow {
  return {
    clinicianId: 'u1',
    clinicianName: 'Robin Demo',
    instrumentId: 'phq9',
    instrumentName: 'PHQ-9',
    reliableImprovement: 0,
    reliableDeterioration: 0,
    atCaseness: 0,
    recovered: 0,
    reliablyRecovered: 0,
    rates: { reliableImprovement: null, reliableDeterioration: null, recovery: null, reliableRecovery: null },
    ...partial,
  };
}

const rows: OutcomeRow[] = [
  row({
    period: '2026-Q3',
    clients: 10,
    reliableImprovement: 6,
    reliableDeterioration: 1,
    atCaseness: 8,
    recovered: 4,
    reliablyRecovered: 3,
  }),
  row({
    period: '2026-Q4',
    clients: 5,
    reliableImprovement: 2,
    reliableDeterioration: 0,
    atCaseness: 4,
    recovered: 1,
    reliablyRecovered: 1,
  }),
  row({
    period: '2026-Q4',
    clinicianId: null,
    clinicianName: null,
    instrumentId: 'wsas',
    instrumentName: 'WSAS',
    clients: 3,
    reliableImprovement: 1,
    reliableDeterioration: 1,
    atCaseness: null,
    recovered: null,
    reliablyRecovered: null,
  }),
];

describe('OutcomesTable', () => {
  it('shows one row per period, clinician and instrument, newest first, with rates and their counts', () => {
    render(<OutcomesTable rows={rows} />);
    const table = screen.getByRole('table', { name: 'Practice outcomes' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Period',
      'Clinician',
      'Instrument',
      'Clients compared',
      'Reliable improvement',
      'Recovery',
      'Reliable recovery',
      'Reliable deterioration',
    ]);
    const body = within(table).getAllByRole('row').slice(1);
    const cells = body.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(cells[0]).toEqual([
      '2026-Q4',
      'No primary clinician',
      'WSAS',
      '3',
      '33 % (1 of 3)',
      '—',
      '—',
      '33 % (1 of 3)',
    ]);
    expect(cells[1]).toEqual([
      '2026-Q4',
      'Robin Demo',
      'PHQ-9',
      '5',
      '40 % (2 of 5)',
      '25 % (1 of 4)',
      '25 % (1 of 4)',
      '0 % (0 of 5)',
    ]);
    expect(cells[2]?.[0]).toBe('2026-Q3');
    // The totals row sums the counts and recomputes the rates (recovery over those at caseness only).
    expect(cells[3]).toEqual([
      'All rows shown',
      '18',
      '50 % (9 of 18)',
      '42 % (5 of 12)',
      '33 % (4 of 12)',
      '11 % (2 of 18)',
    ]);
  });

  it('says so when there is nothing to compare', () => {
    render(<OutcomesTable rows={[]} />);
    expect(screen.getByTestId('outcomes-empty').textContent).toContain('No client has two administrations');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('sums and rates like the server', () => {
    const total = summarizeOutcomes(rows);
    expect(total.rates.reliableImprovement).toBe(9 / 18);
    expect(total.rates.recovery).toBe(5 / 12);
    expect(summarizeOutcomes([rows[2] as OutcomeRow]).rates.recovery).toBeNull();
    expect(formatRate(null, 4)).toBe('—');
    expect(formatRate(0, 0)).toBe('—');
  });
});
