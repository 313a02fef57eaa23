import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import type { BehaviorDefinition, Deps } from './ports.js';
import { recordBehaviorLog } from './record-behavior-log.js';

for (const dialect of DIALECTS) {
  describe(`recordBehaviorLog on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    let attacks: BehaviorDefinition;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
      const found = (await deps.store.listBehaviors(demo.clients.panic)).find((b) => b.name === 'panic attacks');
      if (!found) throw new Error('demo behaviour missing');
      attacks = found;
    });
    afterAll(() => t.dispose());

    const count = async () => (await deps.store.listBehaviorLogs(attacks.id)).length;

    it('stores a count for a period of one of the client’s behaviours, audited', async () => {
      const before = await count();
      const entry = await recordBehaviorLog(deps, demo.as(demo.users.clinician), {
        clientId: demo.clients.panic,
        behaviorId: attacks.id,
        periodStart: '2026-11-23',
        count: 0,
      });
      expect(entry).toMatchObject({
        behaviorId: attacks.id,
        clientId: demo.clients.panic,
        periodStart: '2026-11-23',
        count: 0,
        source: 'session',
        recordedBy: demo.users.clinician.id,
      });
      const logs = await deps.store.listBehaviorLogs(attacks.id);
      expect(logs).toHaveLength(before + 1);
      expect(logs.at(-1)).toEqual(entry);
      expect((await deps.store.listAudit({ limit: 100_000 })).at(-1)).toMatchObject({
        action: 'behavior-log.create',
        resource: `behavior-log:${entry.id}`,
        clientIds: [demo.clients.panic],
      });
    });

    it('accepts a fractional count (hours)', async () => {
      const entry = await recordBehaviorLog(deps, demo.cli, {
        clientId: demo.clients.panic,
        behaviorId: attacks.id,
        periodStart: '2026-11-16',
        count: 1.5,
      });
      expect(entry.count).toBe(1.5);
    });

    it.each([
      ['a negative count', { periodStart: '2026-11-16', count: -1 }],
      ['a count that is not a number', { periodStart: '2026-11-16', count: '3' }],
      ['an impossible date', { periodStart: '2026-02-30', count: 1 }],
      ['a period in the future', { periodStart: '2026-11-27', count: 1 }],
    ])('refuses %s with invalid-input and stores nothing', async (_what, fields) => {
      const before = await count();
      await expect(
        recordBehaviorLog(deps, demo.cli, { clientId: demo.clients.panic, behaviorId: attacks.id, ...fields } as never),
      ).rejects.toMatchObject({ code: 'invalid-input' });
      expect(await count()).toBe(before);
    });

    it("refuses another client's behaviour with not-found", async () => {
      await expect(
        recordBehaviorLog(deps, demo.cli, {
          clientId: demo.clients.ptsd,
          behaviorId: attacks.id,
          periodStart: '2026-11-16',
          count: 1,
        }),
      ).rejects.toMatchObject({ code: 'not-found' });
    });

    it('refuses an auditor with forbidden', async () => {
      await expect(
        recordBehaviorLog(deps, demo.as(demo.users.auditor), {
          clientId: demo.clients.panic,
          behaviorId: attacks.id,
          periodStart: '2026-11-16',
          count: 1,
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    });
  });
}
