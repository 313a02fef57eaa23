import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { getClientSeries } from './get-client-series.js';
import type { Deps } from './ports.js';
import { recordAdministration } from './record-administration.js';

for (const dialect of DIALECTS) {
  describe(`getClientSeries on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(() => t.dispose());

    it('gives each instrument’s scores and each behaviour’s counts, oldest first', async () => {
      const series = await getClientSeries(deps, demo.as(demo.users.clinician), { clientId: demo.clients.depression });
      expect(series.instruments.map((s) => [s.instrumentId, s.shortName])).toEqual([['phq9', 'PHQ-9']]);
      const phq9 = series.instruments[0]?.points ?? [];
      expect(phq9.map((p) => p.total)).toEqual([18, 17, 16, 15, 14, 13, 12, 12, 11]);
      expect(phq9[0]).toMatchObject({ severity: 'moderately severe', flags: [{ code: 'critical-item', item: 9 }] });
      expect(phq9.map((p) => p.date)).toEqual([...phq9.map((p) => p.date)].sort());
      const activities = series.behaviors.find((b) => b.behavior.name === 'pleasurable or mastery activities');
      expect(activities?.points.map((p) => p.count)).toEqual([1, 2, 3, 4, 5, 5, 6, 5]);
      expect((await deps.store.listAudit({ limit: 100_000 })).at(-1)).toMatchObject({
        action: 'series.read',
        clientIds: [demo.clients.depression],
      });
    });

    it('orders instruments as the registry does and reports a subscale-only instrument without a total', async () => {
      await recordAdministration(deps, demo.cli, {
        clientId: demo.clients.panic,
        instrumentId: 'dass21',
        answers: Array(21).fill(1),
      });
      await recordAdministration(deps, demo.cli, {
        clientId: demo.clients.panic,
        instrumentId: 'phq9',
        answers: Array(9).fill(0),
      });
      const series = await getClientSeries(deps, demo.as(demo.users.auditor), { clientId: demo.clients.panic });
      expect(series.instruments.map((s) => s.instrumentId)).toEqual(['phq9', 'gad7', 'dass21']);
      expect(series.instruments[2]?.points[0]).toMatchObject({
        total: null,
        subscales: { depression: 14, anxiety: 14, stress: 14 },
      });
    });

    it('gives one instrument only when asked (by any of its names), without behaviours', async () => {
      const series = await getClientSeries(deps, demo.cli, { clientId: demo.clients.panic, instrumentId: 'GAD-7' });
      expect(series.instruments.map((s) => s.instrumentId)).toEqual(['gad7']);
      expect(series.behaviors).toEqual([]);
    });

    it('answers not-found to a clinician without access', async () => {
      await expect(
        getClientSeries(deps, demo.as(demo.users.otherClinician), { clientId: demo.clients.panic }),
      ).rejects.toMatchObject({ code: 'not-found' });
    });
  });
}
