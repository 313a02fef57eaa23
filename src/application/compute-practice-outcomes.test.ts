import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { classifyChange } from '../domain/progress/classify-change.js';
import { getMeasure } from '../measures/registry.js';
import { createOutcomesReader } from '../storage/create-outcomes-reader.js';
import type { Actor } from './actor.js';
import { computePracticeOutcomes, outcomeInstruments, type PracticeOutcomesDeps } from './compute-practice-outcomes.js';
import { loadDemo } from './load-demo.js';
import type { Deps, User } from './ports.js';

const cli: Actor = { kind: 'cli', osUser: 'test' };
const as = (u: User): Actor => ({ kind: 'user', userId: u.id, practiceId: u.practiceId, roles: u.roles });

for (const dialect of DIALECTS) {
  describe(`computePracticeOutcomes on ${dialect}`, () => {
    let t: TestDatabase;
    let base: Deps;
    let deps: PracticeOutcomesDeps;
    let users: User[];

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      base = buildTestDeps(t);
      // 520 synthetic clients: two synthetic clinicians (500 each at most), 6 weeks of PHQ-9/GAD-7/PCL-5 each.
      await loadDemo(base, cli, { clients: 520, weeks: 6, seed: 5 });
      deps = { ...base, outcomes: createOutcomesReader(t, null) };
      const practice = await base.store.findPractice();
      users = practice ? [...(await base.store.listUsers(practice.id))] : [];
    });
    afterAll(() => t.dispose());

    const user = (email: string) => {
      const u = users.find((x) => x.email === email);
      if (!u) throw new Error(email);
      return u;
    };

    it('agrees with the domain’s classifyChange on the first and last score of every client', async () => {
      const report = await computePracticeOutcomes(deps, cli, { from: '2026-01-01', to: '2026-12-31', period: 'year' });
      // The same figures from the domain rules, client by client (Methods A and B, single-instrument form).
      const expected = new Map<
        string,
        {
          clients: number;
          improved: number;
          deteriorated: number;
          cases: number;
          recovered: number;
          reliablyRecovered: number;
        }
      >();
      const practice = await base.store.findPractice();
      const recordNumbers = [
        'DEMO-001',
        'DEMO-002',
        'DEMO-003',
        ...Array.from({ length: 520 }, (_, i) => `SYN-5-${String(i + 1).padStart(5, '0')}`),
      ];
      for (const recordNumber of recordNumbers) {
        const client = await base.store.findClientByRecordNumber(practice?.id ?? '', recordNumber);
        if (!client) throw new Error(`missing demo client ${recordNumber}`);
        const administrations = await base.store.listAdministrations(client.id);
        for (const instrumentId of new Set(administrations.map((a) => a.instrumentId))) {
          const list = administrations.filter((a) => a.instrumentId === instrumentId);
          const definition = getMeasure(instrumentId);
          const first = list[0];
          const last = list.at(-1);
          if (!definition || !first || !last || list.length < 2) continue;
          const outcome = classifyChange(definition, first.total, last.total);
          if (outcome.kind !== 'classified') throw new Error('unclassifiable demo data');
          const c = outcome.result;
          const e = expected.get(instrumentId) ?? {
            clients: 0,
            improved: 0,
            deteriorated: 0,
            cases: 0,
            recovered: 0,
            reliablyRecovered: 0,
          };
          e.clients += 1;
          e.improved += c.reliableChange === 'improvement' ? 1 : 0;
          e.deteriorated += c.reliableChange === 'deterioration' ? 1 : 0;
          e.cases += definition.casenessCutoff !== null && first.total >= definition.casenessCutoff ? 1 : 0;
          e.recovered += c.recovery ? 1 : 0;
          e.reliablyRecovered += c.reliableRecovery ? 1 : 0;
          expected.set(instrumentId, e);
        }
      }
      const sum = (instrumentId: string, pick: (r: (typeof report.rows)[number]) => number | null) =>
        report.rows.filter((r) => r.instrumentId === instrumentId).reduce((n, r) => n + (pick(r) ?? 0), 0);
      for (const [instrumentId, e] of expected) {
        const hasRecovery = getMeasure(instrumentId)?.recovery !== null;
        expect([
          instrumentId,
          sum(instrumentId, (r) => r.clients),
          sum(instrumentId, (r) => r.reliableImprovement),
          sum(instrumentId, (r) => r.reliableDeterioration),
          sum(instrumentId, (r) => r.atCaseness),
          sum(instrumentId, (r) => r.recovered),
          sum(instrumentId, (r) => r.reliablyRecovered),
        ]).toEqual([
          instrumentId,
          e.clients,
          e.improved,
          e.deteriorated,
          hasRecovery ? e.cases : 0,
          e.recovered,
          e.reliablyRecovered,
        ]);
      }
      expect(expected.size).toBe(3);
    });

    it('names clinicians and instruments and turns counts into rates', async () => {
      const report = await computePracticeOutcomes(deps, cli, { from: '2026-01-01', to: '2026-12-31' });
      expect(report.period).toBe('month');
      const row = report.rows.find((r) => r.instrumentId === 'phq9' && r.clinicianName === 'Synthetic Clinician 1');
      if (!row || row.reliableImprovement === null || row.recovered === null || row.atCaseness === null) {
        throw new Error('expected a PHQ-9 row for Synthetic Clinician 1');
      }
      expect(row).toMatchObject({ instrumentName: 'PHQ-9', period: '2026-11' });
      expect(row.rates.reliableImprovement).toBeCloseTo(row.reliableImprovement / row.clients);
      expect(row.rates.recovery).toBeCloseTo(row.recovered / row.atCaseness);
      const pcl5 = report.rows.find((r) => r.instrumentId === 'pcl5');
      expect(pcl5?.rates.recovery).toBeNull();
      expect((await base.store.listAudit({ limit: 100_000 })).at(-1)).toMatchObject({
        action: 'outcomes.read',
        resource: 'outcomes:month:2026-01-01:2026-12-31',
        clientIds: [],
      });
    });

    it('gives a clinician their own clients only, and supervisors and auditors the whole practice', async () => {
      const own = user('clinician1-seed5@cairn-demo.example');
      const mine = await computePracticeOutcomes(deps, as(own), { from: '2026-01-01', to: '2026-12-31' });
      expect(mine.clinicianId).toBe(own.id);
      expect(new Set(mine.rows.map((r) => r.clinicianId))).toEqual(new Set([own.id]));
      await expect(
        computePracticeOutcomes(deps, as(own), {
          from: '2026-01-01',
          to: '2026-12-31',
          clinicianId: user('clinician2-seed5@cairn-demo.example').id,
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      const supervisor = await computePracticeOutcomes(deps, as(user('supervisor@cairn-demo.example')), {
        from: '2026-01-01',
        to: '2026-12-31',
      });
      expect(new Set(supervisor.rows.map((r) => r.clinicianId)).size).toBeGreaterThan(1);
      const auditor = { ...as(own), roles: ['auditor' as const] };
      expect((await computePracticeOutcomes(deps, auditor, { from: '2026-01-01', to: '2026-12-31' })).rows).toEqual(
        supervisor.rows,
      );
    });

    it('refuses an admin without a clinical role', async () => {
      await expect(
        computePracticeOutcomes(deps, as(user('admin@cairn-demo.example')), { from: '2026-01-01', to: '2026-12-31' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    });

    it.each([
      ['a reversed range', { from: '2026-12-31', to: '2026-01-01' }],
      ['a range over ten years', { from: '2000-01-01', to: '2026-01-01' }],
      ['an impossible date', { from: '2026-02-30', to: '2026-03-01' }],
      ['an unknown period', { from: '2026-01-01', to: '2026-03-01', period: 'week' }],
    ])('refuses %s with invalid-input', async (_what, input) => {
      await expect(computePracticeOutcomes(deps, cli, input as never)).rejects.toMatchObject({ code: 'invalid-input' });
    });

    it('passes every instrument with a total, with caseness only where the recovery rule applies', () => {
      expect(
        outcomeInstruments()
          .filter((i) => i.casenessCutoff !== null)
          .map((i) => i.instrumentId),
      ).toEqual(['phq9', 'gad7']);
      expect(outcomeInstruments().some((i) => i.instrumentId === 'dass21')).toBe(false);
    });
  });
}
