import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { acknowledgeAlert } from './acknowledge-alert.js';
import type { Deps } from './ports.js';
import { recordAdministration } from './record-administration.js';

for (const dialect of DIALECTS) {
  describe(`acknowledgeAlert on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    let key: string;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
      const { alerts } = await recordAdministration(deps, demo.cli, {
        clientId: demo.clients.ptsd,
        instrumentId: 'phq9',
        answers: [2, 2, 2, 2, 2, 2, 2, 2, 2],
      });
      key = alerts[0]?.key ?? '';
    });
    afterAll(() => t.dispose());

    const openKeys = async () =>
      (await deps.store.listAlerts(demo.clients.ptsd, { open: true })).map((s) => s.alert.key);

    it.each([
      ['an empty note', { action: 'risk-assessed', note: '  ' }, 'invalid-input'],
      ['an action not on the list', { action: 'ignored', note: 'Nothing.' }, 'invalid-input'],
    ])('refuses %s and leaves the alert open', async (_what, fields, code) => {
      await expect(
        acknowledgeAlert(deps, demo.as(demo.users.clinician), {
          clientId: demo.clients.ptsd,
          alertKey: key,
          ...fields,
        } as never),
      ).rejects.toMatchObject({ code });
      expect(await openKeys()).toContain(key);
    });

    it('carries the domain issue when the note is empty', async () => {
      const error = await acknowledgeAlert(deps, demo.cli, {
        clientId: demo.clients.ptsd,
        alertKey: key,
        action: 'risk-assessed',
        note: '',
      }).catch((e: unknown) => e);
      expect((error as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual([
        'alert-acknowledgement-note-empty',
      ]);
    });

    it('refuses an auditor (forbidden)', async () => {
      await expect(
        acknowledgeAlert(deps, demo.as(demo.users.auditor), {
          clientId: demo.clients.ptsd,
          alertKey: key,
          action: 'risk-assessed',
          note: 'Seen.',
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('closes the alert with what was done, by whom and when, audited', async () => {
      const closed = await acknowledgeAlert(deps, demo.as(demo.users.supervisor), {
        clientId: demo.clients.ptsd,
        alertKey: key,
        action: 'risk-assessed',
        note: ' C-SSRS screen negative; safety plan reviewed. ',
      });
      expect(closed.acknowledgement).toEqual({
        alertKey: key,
        action: 'risk-assessed',
        note: 'C-SSRS screen negative; safety plan reviewed.',
        by: demo.users.supervisor.id,
        at: '2026-11-26T12:00:00.000Z',
      });
      expect(await openKeys()).not.toContain(key);
      const kept = (await deps.store.listAlerts(demo.clients.ptsd)).find((s) => s.alert.key === key);
      expect(kept?.closure).toEqual(closed.acknowledgement);
      expect((await deps.store.listAudit({ limit: 100_000 })).at(-1)).toMatchObject({
        action: 'alert.acknowledge',
        clientIds: [demo.clients.ptsd],
        actor: `user:${demo.users.supervisor.id}`,
      });
    });

    it('answers not-found once the alert is closed, or for a key the client does not have', async () => {
      for (const alertKey of [key, 'critical-item-answered:nope:9']) {
        await expect(
          acknowledgeAlert(deps, demo.cli, { clientId: demo.clients.ptsd, alertKey, action: 'other', note: 'Again.' }),
        ).rejects.toMatchObject({ code: 'not-found' });
      }
    });
  });
}
