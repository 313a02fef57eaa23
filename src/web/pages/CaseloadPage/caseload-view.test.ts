import { describe, expect, it } from 'vitest';
import type { CaseloadRow, ClientProgress, StoredAlert } from '../../api/clients-api.js';
import { buildCaseloadRows, filterCaseloadRows, sortCaseloadRows } from './caseload-view.js';

function row(id: string, firstName: string, lastName: string, total: number): CaseloadRow {
  return {
    client: {
      id,
      recordNumber: `R-${id}`,
      firstName,
      lastName,
      dateOfBirth: null,
      preferredName: null,
      pronouns: null,
      externalId: null,
      email: null,
      phone: null,
      status: 'active',
    },
    primaryClinicianId: null,
    latestScores: [{ instrumentId: 'phq9', total, severity: 'moderate', administeredOn: '2026-11-20' }],
  };
}

function progress(overall: 'on-track' | 'off-track' | null, offTrack = 0): ClientProgress {
  return {
    clientId: 'x',
    today: '2026-11-27',
    plan: overall === null ? null : { id: 'p', version: 1, status: 'signed' },
    progress:
      overall === null
        ? null
        : {
            today: '2026-11-27',
            goals: [],
            overall,
            statusCounts: { met: 0, 'on-track': 1, 'off-track': offTrack, 'not-started': 0, overdue: 0, 'no-data': 0 },
          },
    seriesByTargetId: {},
  };
}

const critical: StoredAlert = {
  id: 'a1',
  clientId: 'c2',
  raisedAt: '2026-11-20T10:00:00.000Z',
  closure: null,
  alert: {
    key: 'critical-item-answered:adm:9',
    code: 'critical-item-answered',
    severity: 'critical',
    closing: 'recorded-action',
    raisedOn: '2026-11-20',
    subject: { kind: 'administration', administrationId: 'adm', instrumentId: 'phq9', item: 9 },
    data: { item: 9 },
  },
};

const rows = buildCaseloadRows(
  [row('c1', 'Jordan', 'Avery', 11), row('c2', 'Sam', 'Okafor', 14), row('c3', 'Alex', 'Moreno', 20)],
  (id) => ({ c1: progress('on-track'), c2: progress('on-track'), c3: progress('off-track', 1) })[id],
  (id) => (id === 'c2' ? [critical] : []),
);

describe('buildCaseloadRows', () => {
  it('gives each client its name, scores, plan word and alert chips', () => {
    expect(rows.map((r) => r.name)).toEqual(['Avery, Jordan', 'Okafor, Sam', 'Moreno, Alex']);
    expect(rows[1]?.chips?.map((c) => [c.label, c.tone])).toEqual([['Risk item', 'critical']]);
    expect(rows[2]?.chips?.map((c) => c.label)).toEqual(['Off track 1']);
    expect(rows[2]?.plan).toEqual({ status: 'signed', overall: 'off-track' });
  });

  it('leaves chips undefined while a row is still loading', () => {
    const loading = buildCaseloadRows(
      [row('c9', 'A', 'B', 1)],
      () => undefined,
      () => undefined,
    );
    expect(loading[0]?.chips).toBeUndefined();
    expect(loading[0]?.plan).toBeUndefined();
  });
});

describe('filterCaseloadRows', () => {
  it('finds clients by name or record number', () => {
    expect(filterCaseloadRows(rows, { text: 'okafor', show: 'all' }).map((r) => r.clientId)).toEqual(['c2']);
    expect(filterCaseloadRows(rows, { text: 'R-c3', show: 'all' }).map((r) => r.clientId)).toEqual(['c3']);
  });

  it('shows only clients with an open risk alert, or those needing attention', () => {
    expect(filterCaseloadRows(rows, { text: '', show: 'risk' }).map((r) => r.clientId)).toEqual(['c2']);
    expect(filterCaseloadRows(rows, { text: '', show: 'attention' }).map((r) => r.clientId)).toEqual(['c2', 'c3']);
  });
});

describe('sortCaseloadRows', () => {
  it('puts open risk alerts first, then off-track clients, when sorting by alerts', () => {
    expect(sortCaseloadRows(rows, { key: 'attention', descending: true }).map((r) => r.clientId)).toEqual([
      'c2',
      'c3',
      'c1',
    ]);
  });

  it('sorts by name and by latest score both ways', () => {
    expect(sortCaseloadRows(rows, { key: 'name', descending: false }).map((r) => r.clientId)).toEqual([
      'c1',
      'c3',
      'c2',
    ]);
    expect(sortCaseloadRows(rows, { key: 'score', descending: true }).map((r) => r.clientId)).toEqual([
      'c3',
      'c2',
      'c1',
    ]);
  });
});
