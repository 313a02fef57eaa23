import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, TEST_AUDIT_KEY, type TestDatabase } from '../../../test/dialects.js';
import type { Administration, OutcomeInstrument, PracticeOutcomesQuery, Store } from '../../application/ports.js';
import { createStore } from '../create-store.js';
import { queryPracticeOutcomes } from './outcomes-repository.js';

const NOW = '2026-11-26T12:00:00.000Z';
const INSTRUMENTS: readonly OutcomeInstrument[] = [
  { instrumentId: 'phq9', reliableChangeThreshold: 6, casenessCutoff: 10, lowerIsBetter: true },
  { instrumentId: 'gad7', reliableChangeThreshold: 4, casenessCutoff: 8, lowerIsBetter: true },
  { instrumentId: 'pcl5', reliableChangeThreshold: 15, casenessCutoff: null, lowerIsBetter: true },
  { instrumentId: 'wsas', reliableChangeThreshold: null, casenessCutoff: null, lowerIsBetter: true },
];
const ALL_YEAR: PracticeOutcomesQuery = {
  from: '2026-01-01',
  to: '2026-12-31',
  period: 'month',
  instruments: INSTRUMENTS,
  clinicianId: null,
};

function administration(
  clientId: string,
  instrumentId: string,
  on: string,
  total: number,
  at = `${on}T15:00:00.000Z`,
): Administration {
  return {
    id: randomUUID(),
    clientId,
    instrumentId,
    instrumentVersion: '1.0.0',
    administeredAt: at,
    administeredOn: on,
    source: 'session',
    answers: [],
    total,
    severity: null,
    prorated: false,
    subscales: {},
    flags: [],
    recordedBy: null,
  };
}

for (const dialect of DIALECTS) {
  describe(`queryPracticeOutcomes on ${dialect}`, () => {
    let t: TestDatabase;
    let store: Store;
    const practiceId = randomUUID();
    const ana = randomUUID();
    const ben = randomUUID();
    const clients: Record<string, string> = {};

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      store = createStore(t.db, t.dialect, TEST_AUDIT_KEY);
      await store.insertPractice({
        id: practiceId,
        name: 'P',
        timeZone: 'UTC',
        settings: {} as never,
        createdAt: NOW,
      });
      for (const [id, email] of [
        [ana, 'ana@example.org'],
        [ben, 'ben@example.org'],
      ] as const) {
        await store.insertUser(
          { id, practiceId, email, name: email, credentials: '', roles: ['clinician'], passwordHash: 'x' },
          NOW,
        );
      }
      const client = async (name: string, clinician: string | null) => {
        const id = randomUUID();
        clients[name] = id;
        await store.insertClient(
          { id, practiceId, recordNumber: name, givenName: 'G', familyName: 'F', dateOfBirth: null, status: 'active' },
          NOW,
        );
        if (clinician) await store.assignClient(id, clinician, 'primary', NOW);
        return id;
      };
      const a = await client('A', ana);
      const b = await client('B', ana);
      const c = await client('C', ben);
      const d = await client('D', ben);
      const e = await client('E', null);
      const f = await client('F', ana);
      const g = await client('G', ana);
      await store.insertAdministrations(
        [
          // A, PHQ-9 18 → 8 (last in November): reliable improvement, recovered, reliably recovered.
          administration(a, 'phq9', '2026-09-01', 18),
          administration(a, 'phq9', '2026-10-01', 12),
          administration(a, 'phq9', '2026-11-20', 8),
          // A, GAD-7 9 → 6: −3 is not reliable; at caseness and below it at the end: recovered, not reliably.
          administration(a, 'gad7', '2026-09-01', 9),
          administration(a, 'gad7', '2026-11-20', 6),
          // B, PHQ-9 12 → 19 (last in October): reliable deterioration; at caseness, not recovered.
          administration(b, 'phq9', '2026-08-03', 12),
          administration(b, 'phq9', '2026-10-05', 19),
          // C, PHQ-9 8 → 2: reliable improvement, but not at caseness at the start (not in the recovery denominator).
          administration(c, 'phq9', '2026-10-01', 8),
          administration(c, 'phq9', '2026-11-02', 2),
          // C, PCL-5 52 → 30: reliable improvement (−22 ≥ 15); no caseness parameter, so recovery is null.
          administration(c, 'pcl5', '2026-09-07', 52),
          administration(c, 'pcl5', '2026-11-02', 30),
          // D, a single PHQ-9: not an episode.
          administration(d, 'phq9', '2026-11-02', 20),
          // E, no primary clinician, WSAS 30 → 10: counted, but no threshold: rates null.
          administration(e, 'wsas', '2026-10-01', 30),
          administration(e, 'wsas', '2026-11-01', 10),
          // F: an earlier year only, and an instrument that is not in the parameters.
          administration(f, 'phq9', '2025-01-05', 20),
          administration(f, 'phq9', '2025-03-05', 5),
          administration(f, 'k10', '2026-10-01', 40),
          administration(f, 'k10', '2026-11-01', 12),
          // G, two PHQ-9 on the same day: the later instant is the last one (14 → 25 is a deterioration).
          administration(g, 'phq9', '2026-11-03', 14, '2026-11-03T09:00:00.000Z'),
          administration(g, 'phq9', '2026-11-03', 25, '2026-11-03T17:00:00.000Z'),
        ],
        NOW,
      );
    });
    afterAll(() => t.dispose());

    it('counts reliable improvement, deterioration, caseness and recovery per clinician, instrument and month', async () => {
      const rows = await queryPracticeOutcomes(t.db, ALL_YEAR);
      const row = (clinicianId: string | null, instrumentId: string, period: string) =>
        rows.find((r) => r.clinicianId === clinicianId && r.instrumentId === instrumentId && r.period === period);
      expect(row(ana, 'phq9', '2026-11')).toEqual({
        clinicianId: ana,
        instrumentId: 'phq9',
        period: '2026-11',
        clients: 2,
        reliableImprovement: 1,
        reliableDeterioration: 1,
        atCaseness: 2,
        recovered: 1,
        reliablyRecovered: 1,
      });
      expect(row(ana, 'phq9', '2026-10')).toMatchObject({
        clients: 1,
        reliableImprovement: 0,
        reliableDeterioration: 1,
        atCaseness: 1,
        recovered: 0,
        reliablyRecovered: 0,
      });
      expect(row(ana, 'gad7', '2026-11')).toMatchObject({
        clients: 1,
        reliableImprovement: 0,
        reliableDeterioration: 0,
        atCaseness: 1,
        recovered: 1,
        reliablyRecovered: 0,
      });
      expect(row(ben, 'phq9', '2026-11')).toMatchObject({
        clients: 1,
        reliableImprovement: 1,
        atCaseness: 0,
        recovered: 0,
        reliablyRecovered: 0,
      });
      expect(row(ben, 'pcl5', '2026-11')).toMatchObject({
        clients: 1,
        reliableImprovement: 1,
        reliableDeterioration: 0,
        atCaseness: null,
        recovered: null,
        reliablyRecovered: null,
      });
      expect(row(null, 'wsas', '2026-11')).toEqual({
        clinicianId: null,
        instrumentId: 'wsas',
        period: '2026-11',
        clients: 1,
        reliableImprovement: null,
        reliableDeterioration: null,
        atCaseness: null,
        recovered: null,
        reliablyRecovered: null,
      });
      expect(rows).toHaveLength(6);
      expect(rows.some((r) => r.instrumentId === 'k10')).toBe(false);
    });

    it('orders rows by period, then clinician (none last), then instrument', async () => {
      const rows = await queryPracticeOutcomes(t.db, ALL_YEAR);
      const november = (
        [
          [ana, ['gad7', 'phq9']],
          [ben, ['pcl5', 'phq9']],
        ] as const
      )
        .slice()
        .sort((x, y) => (x[0] < y[0] ? -1 : 1))
        .flatMap(([id, instruments]) => instruments.map((i) => ['2026-11', id, i]));
      expect(rows.map((r) => [r.period, r.clinicianId, r.instrumentId])).toEqual([
        ['2026-10', ana, 'phq9'],
        ...november,
        ['2026-11', null, 'wsas'],
      ]);
    });

    it('groups by quarter and by year of the last administration', async () => {
      const quarters = await queryPracticeOutcomes(t.db, { ...ALL_YEAR, period: 'quarter' });
      expect(quarters.find((r) => r.clinicianId === ana && r.instrumentId === 'phq9')).toMatchObject({
        period: '2026-Q4',
        clients: 3,
        reliableImprovement: 1,
        reliableDeterioration: 2,
      });
      expect(new Set(quarters.map((r) => r.period))).toEqual(new Set(['2026-Q4']));
      const years = await queryPracticeOutcomes(t.db, { ...ALL_YEAR, period: 'year', from: '2025-01-01' });
      expect(
        years.find((r) => r.clinicianId === ana && r.instrumentId === 'phq9' && r.period === '2025'),
      ).toMatchObject({
        clients: 1,
        reliableImprovement: 1,
        recovered: 1,
      });
    });

    it('compares the first and last administration inside the date range only', async () => {
      // From October on, A's PHQ-9 runs 12 → 8 (not reliable) and B has one administration left.
      const rows = await queryPracticeOutcomes(t.db, { ...ALL_YEAR, from: '2026-10-01' });
      expect(
        rows.find((r) => r.clinicianId === ana && r.instrumentId === 'phq9' && r.period === '2026-11'),
      ).toMatchObject({
        clients: 2,
        reliableImprovement: 0,
        reliableDeterioration: 1,
        atCaseness: 2,
        recovered: 1,
        reliablyRecovered: 0,
      });
      expect(rows.find((r) => r.period === '2026-10')).toBeUndefined();
    });

    it("restricts to one clinician's clients (as primary clinician)", async () => {
      const rows = await queryPracticeOutcomes(t.db, { ...ALL_YEAR, clinicianId: ben });
      expect(rows.map((r) => [r.clinicianId, r.instrumentId])).toEqual([
        [ben, 'pcl5'],
        [ben, 'phq9'],
      ]);
    });

    it('treats higher-is-better instruments the other way round', async () => {
      const rows = await queryPracticeOutcomes(t.db, {
        ...ALL_YEAR,
        instruments: [{ instrumentId: 'phq9', reliableChangeThreshold: 6, casenessCutoff: 10, lowerIsBetter: false }],
      });
      // A 18 → 8 is now a deterioration; B 12 → 19 an improvement; "caseness" means at or below 10 at the start.
      expect(rows.find((r) => r.clinicianId === ana && r.period === '2026-11')).toMatchObject({
        clients: 2,
        reliableImprovement: 1,
        reliableDeterioration: 1,
        atCaseness: 0,
      });
      expect(rows.find((r) => r.clinicianId === ana && r.period === '2026-10')).toMatchObject({
        reliableImprovement: 1,
        atCaseness: 0,
      });
    });

    it('returns nothing for an empty parameter list or an empty range', async () => {
      expect(await queryPracticeOutcomes(t.db, { ...ALL_YEAR, instruments: [] })).toEqual([]);
      expect(await queryPracticeOutcomes(t.db, { ...ALL_YEAR, from: '2030-01-01', to: '2030-12-31' })).toEqual([]);
    });
  });
}
