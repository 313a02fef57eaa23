import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { loadDemo } from './load-demo.js';
import type { Deps } from './ports.js';

for (const dialect of DIALECTS) {
  describe(`loadDemo on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(() => t.dispose());

    it('opens the critical-item alert of the depression case’s first PHQ-9 (item 9 answered 1), and no other', async () => {
      const open = await deps.store.listAlerts(demo.clients.depression, { open: true });
      expect(open.map((a) => [a.alert.code, a.alert.severity])).toEqual([['critical-item-answered', 'critical']]);
      expect(await deps.store.listAlerts(demo.clients.panic, { open: true })).toEqual([]);
    });

    it('adds nothing on a re-run: no client, administration or alert twice', async () => {
      const again = await loadDemo(deps, demo.cli, { clients: 0, weeks: 12, seed: 1 });
      expect([again.clientsAdded, again.administrationsAdded]).toEqual([0, 0]);
      expect((await deps.store.listAlerts(demo.clients.depression)).length).toBe(1);
      expect((await deps.store.listAdministrations(demo.clients.depression)).length).toBe(9);
    });

    it('refuses a negative or fractional client count without writing', async () => {
      await expect(loadDemo(deps, demo.cli, { clients: -1, weeks: 12, seed: 1 })).rejects.toMatchObject({
        code: 'invalid-input',
      });
      await expect(loadDemo(deps, demo.cli, { clients: 1.5, weeks: 12, seed: 1 })).rejects.toMatchObject({
        code: 'invalid-input',
      });
    });

    it('leaves an audit chain that verifies', async () => {
      expect(await deps.store.verifyAudit()).toMatchObject({ ok: true });
    });
  });
}
