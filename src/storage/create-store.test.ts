import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { addUser } from '../application/add-user.js';
import { buildDepressionCase, buildPtsdCase } from '../application/demo/demo-cases.js';
import { ensurePractice } from '../application/ensure-practice.js';
import type { Deps } from '../application/ports.js';
import { getMeasure } from '../measures/registry.js';

const cli = { kind: 'cli', osUser: 'tester' } as const;

for (const dialect of DIALECTS) {
  describe(`createStore on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
    });
    afterAll(() => t.dispose());

    it('creates a user with a set of roles and refuses a duplicate e-mail without writing anything', async () => {
      const user = await addUser(deps, cli, {
        email: 'Ana@Example.org',
        name: 'Ana',
        roles: ['clinician', 'admin', 'clinician'],
        password: 'correct horse battery',
      });
      expect(user.email).toBe('ana@example.org');
      expect(user.roles).toEqual(['admin', 'clinician']);
      const before = await deps.store.listAudit();
      await expect(
        addUser(deps, cli, {
          email: 'ana@example.org',
          name: 'Other',
          roles: ['auditor'],
          password: 'another long password',
        }),
      ).rejects.toMatchObject({ code: 'duplicate' });
      const users = await deps.store.listUsers(user.practiceId);
      expect(users.map((u) => u.name)).toEqual(['Ana']);
      expect((await deps.store.listAudit()).length).toBe(before.length);
    });

    it('refuses invalid input naming the field, and writes nothing', async () => {
      await expect(
        addUser(deps, cli, { email: 'not-an-email', name: 'X', roles: ['admin'], password: 'correct horse battery' }),
      ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('email') });
      await expect(
        addUser(deps, cli, { email: 'x@example.org', name: 'X', roles: ['admin'], password: 'short' }),
      ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('password') });
      expect(await deps.store.findUserByEmail('x@example.org')).toBeNull();
    });

    it('stores a whole treatment plan and reads it back equal, ', async () => {
      const practice = await deps.store.transaction((tx) => ensurePractice(deps, tx, cli));
      const clinician = (await deps.store.listUsers(practice.id))[0]!;
      const c = buildDepressionCase({
        practiceId: practice.id,
        today: '2026-11-26',
        clinician: { id: clinician.id, name: clinician.name, credentials: 'PhD' },
        newId: deps.ids.newId,
        measure: (id) => getMeasure(id)!,
        reviewIntervalDays: 90,
        signedAt: '2026-09-01T10:00:00.000Z',
      });
      await deps.store.transaction(async (tx) => {
        await tx.insertClient(c.client, '2026-09-01T10:00:00.000Z');
        await tx.assignClient(c.client.id, clinician.id, 'primary', '2026-09-01T10:00:00.000Z');
        await tx.insertDiagnosis(c.client.id, c.diagnosis, '2026-09-01T10:00:00.000Z');
        await tx.updateFormulation(c.formulation, 'cli:tester', '2026-09-01T10:00:00.000Z');
        for (const b of c.behaviors) await tx.insertBehavior(b, '2026-09-01T10:00:00.000Z');
        await tx.insertPlan(c.plan, 'cli:tester', '2026-09-01T10:00:00.000Z');
        await tx.insertAdministrations(c.administrations, '2026-09-01T10:00:00.000Z');
        await tx.insertBehaviorLogs(c.behaviorLogs, '2026-09-01T10:00:00.000Z');
      });
      // A first version's goals and objectives are the first of their lineage.
      const withLineage = {
        ...c.plan,
        goals: c.plan.goals.map((g) => ({
          ...g,
          lineageId: g.id,
          objectives: g.objectives.map((o) => ({ ...o, lineageId: o.id })),
        })),
      };
      expect(await deps.store.findCurrentPlan(c.client.id)).toEqual(withLineage);
      expect(await deps.store.findFormulation(c.client.id)).toEqual(c.formulation);
      const series = await deps.store.listAdministrations(c.client.id, 'phq9');
      expect(series.map((a) => a.total)).toEqual(c.administrations.map((a) => a.total));
      expect(series[0]?.answers).toEqual([3, 3, 2, 2, 2, 2, 2, 1, 1]);
      expect(series[0]?.flags).toEqual([{ code: 'critical-item', item: 9 }]);
      const logs = await deps.store.listBehaviorLogs(c.behaviors[0]!.id);
      expect(logs.map((l) => l.count)).toEqual(
        c.behaviorLogs.filter((l) => l.behaviorId === c.behaviors[0]!.id).map((l) => l.count),
      );
    });

    it('rolls back the whole transaction when one write fails (nothing half-written)', async () => {
      const practice = (await deps.store.findPractice())!;
      const clinician = (await deps.store.listUsers(practice.id))[0]!;
      const c = buildPtsdCase({
        practiceId: practice.id,
        today: '2026-11-26',
        clinician: { id: clinician.id, name: clinician.name, credentials: 'PhD' },
        newId: deps.ids.newId,
        measure: (id) => getMeasure(id)!,
        reviewIntervalDays: 90,
        signedAt: '2026-09-01T10:00:00.000Z',
      });
      await expect(
        deps.store.transaction(async (tx) => {
          await tx.insertClient(c.client, '2026-09-01T10:00:00.000Z');
          await tx.insertDiagnosis(c.client.id, c.diagnosis, '2026-09-01T10:00:00.000Z');
          await tx.updateFormulation(c.formulation, 'cli:tester', '2026-09-01T10:00:00.000Z');
          for (const b of c.behaviors) await tx.insertBehavior(b, '2026-09-01T10:00:00.000Z');
          await tx.insertPlan(c.plan, 'cli:tester', '2026-09-01T10:00:00.000Z');
          await tx.insertClient(c.client, '2026-09-01T10:00:00.000Z'); // same id again
        }),
      ).rejects.toMatchObject({ code: 'duplicate' });
      expect(await deps.store.findClientByRecordNumber(practice.id, c.client.recordNumber)).toBeNull();
      expect(await deps.store.findCurrentPlan(c.client.id)).toBeNull();
    });

    it('keeps a keyed hash chain that verifies, and detects a rewritten event', async () => {
      const report = await deps.store.verifyAudit();
      expect(report.ok).toBe(true);
      expect(report.events).toBeGreaterThan(0);
      await sql`update audit_event set actor = 'cli:mallory' where seq = 1`.execute(t.db);
      const broken = await deps.store.verifyAudit();
      expect(broken).toMatchObject({ ok: false, brokenAt: 1 });
      await sql`update audit_event set actor = 'cli:tester' where seq = 1`.execute(t.db);
      expect((await deps.store.verifyAudit()).ok).toBe(true);
    });
  });
}
