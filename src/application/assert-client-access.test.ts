import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import type { Deps } from './ports.js';

for (const dialect of DIALECTS) {
  describe(`assertClientAccess on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(() => t.dispose());

    const lastAudit = async () => (await deps.store.listAudit({ limit: 100_000 })).at(-1);

    it('lets the CLI operator read and write every client', async () => {
      for (const mode of ['read', 'write'] as const) {
        expect(await assertClientAccess(deps, demo.cli, demo.clients.depression, mode)).toEqual({
          clientId: demo.clients.depression,
          practiceId: demo.practice.id,
          mode,
          breakGlassGrantId: null,
        });
      }
    });

    it('lets the assigned clinician and the supervisor of that clinician read and write', async () => {
      for (const user of [demo.users.clinician, demo.users.supervisor]) {
        for (const mode of ['read', 'write'] as const) {
          await expect(assertClientAccess(deps, demo.as(user), demo.clients.ptsd, mode)).resolves.toMatchObject({
            mode,
          });
        }
      }
    });

    it('lets a clinician assigned as additional clinician in', async () => {
      await deps.store.assignClient(
        demo.clients.panic,
        demo.users.otherClinician.id,
        'additional',
        '2026-11-26T12:00:00Z',
      );
      await expect(
        assertClientAccess(deps, demo.as(demo.users.otherClinician), demo.clients.panic, 'write'),
      ).resolves.toMatchObject({ clientId: demo.clients.panic });
    });

    it('lets an auditor read every client but refuses a write with forbidden, recorded as denied', async () => {
      const auditor = demo.as(demo.users.auditor);
      await expect(assertClientAccess(deps, auditor, demo.clients.depression, 'read')).resolves.toMatchObject({
        mode: 'read',
      });
      await expect(
        assertClientAccess(deps, auditor, demo.clients.depression, 'write', 'administration.create'),
      ).rejects.toMatchObject({ code: 'forbidden' });
      expect(await lastAudit()).toMatchObject({
        actor: `user:${demo.users.auditor.id}`,
        action: 'administration.create',
        resource: `client:${demo.clients.depression}`,
        clientIds: [demo.clients.depression],
        outcome: 'denied',
      });
    });

    it('answers not-found to an admin without a clinical role, an unassigned clinician and an unrelated supervisor', async () => {
      for (const user of [demo.users.admin, demo.users.otherClinician, demo.users.otherSupervisor]) {
        await expect(assertClientAccess(deps, demo.as(user), demo.clients.depression, 'read')).rejects.toMatchObject({
          code: 'not-found',
        });
        expect(await lastAudit()).toMatchObject({ action: 'client.access', outcome: 'denied' });
      }
    });

    it('answers not-found to a user of another practice, even with a matching assignment', async () => {
      const stranger: Actor = {
        kind: 'user',
        userId: demo.users.clinician.id,
        practiceId: randomUUID(),
        roles: ['clinician'],
      };
      await expect(assertClientAccess(deps, stranger, demo.clients.depression, 'read')).rejects.toMatchObject({
        code: 'not-found',
      });
    });

    it('answers not-found for an unknown or unusable client id', async () => {
      await expect(assertClientAccess(deps, demo.cli, randomUUID(), 'read')).rejects.toMatchObject({
        code: 'not-found',
      });
      const before = (await deps.store.listAudit({ limit: 100_000 })).length;
      for (const id of ['', 'x'.repeat(101), 42 as unknown as string]) {
        await expect(assertClientAccess(deps, demo.cli, id, 'read')).rejects.toMatchObject({ code: 'not-found' });
      }
      // Ids that cannot be a client's are refused without a database round trip or an audit event.
      expect((await deps.store.listAudit({ limit: 100_000 })).length).toBe(before);
    });
  });
}
