import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, TEST_AUDIT_KEY, type TestDatabase } from '../../../test/dialects.js';
import type { Store, StoredAlert } from '../../application/ports.js';
import type { Alert } from '../../domain/alerts/alert.js';
import { createStore } from '../create-store.js';

const NOW = '2026-11-26T12:00:00.000Z';

function criticalAlert(administrationId: string, raisedOn = '2026-11-26'): Alert {
  return {
    key: `critical-item-answered:${administrationId}:9`,
    code: 'critical-item-answered',
    severity: 'critical',
    closing: 'recorded-action',
    raisedOn,
    subject: { kind: 'administration', administrationId, instrumentId: 'phq9', item: 9 },
    data: { item: 9 },
  };
}

for (const dialect of DIALECTS) {
  describe(`alert repository on ${dialect}`, () => {
    let t: TestDatabase;
    let store: Store;
    const clientId = randomUUID();
    const administrationIds = [randomUUID(), randomUUID()];

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      store = createStore(t.db, t.dialect, TEST_AUDIT_KEY);
      const practiceId = randomUUID();
      await store.insertPractice({ id: practiceId, name: 'P', timeZone: 'UTC', settings: {} as never, createdAt: NOW });
      await store.insertClient(
        {
          id: clientId,
          practiceId,
          recordNumber: 'R1',
          givenName: 'G',
          familyName: 'F',
          dateOfBirth: null,
          status: 'active',
        },
        NOW,
      );
      await store.insertAdministrations(
        administrationIds.map((id, i) => ({
          id,
          clientId,
          instrumentId: 'phq9',
          instrumentVersion: '1.0.0',
          administeredAt: `2026-11-2${i}T10:00:00.000Z`,
          administeredOn: `2026-11-2${i}`,
          source: 'session' as const,
          answers: [0, 0, 0, 0, 0, 0, 0, 0, 2],
          total: 2,
          severity: 'minimal',
          prorated: false,
          subscales: {},
          flags: [{ code: 'critical-item', item: 9 }],
          recordedBy: null,
        })),
        NOW,
      );
    });
    afterAll(() => t.dispose());

    const stored = (administrationId: string, raisedAt: string): StoredAlert => ({
      id: randomUUID(),
      clientId,
      alert: criticalAlert(administrationId),
      raisedAt,
      closure: null,
    });

    it('keeps alerts and gives them back newest first, as they were written', async () => {
      const older = stored(administrationIds[0] ?? '', '2026-11-20T10:00:00.000Z');
      const newer = stored(administrationIds[1] ?? '', '2026-11-21T10:00:00.000Z');
      await store.insertAlerts([older, newer]);
      expect(await store.listAlerts(clientId)).toEqual([newer, older]);
      expect(await store.listAlerts(randomUUID())).toEqual([]);
    });

    it('refuses a second open alert with the same key (duplicate)', async () => {
      await expect(store.insertAlerts([stored(administrationIds[0] ?? '', NOW)])).rejects.toMatchObject({
        code: 'duplicate',
      });
    });

    it('closes an open alert once, with the recorded action, and then allows the key again', async () => {
      const [target] = (await store.listAlerts(clientId, { open: true })).filter(
        (s) => s.alert.key === criticalAlert(administrationIds[0] ?? '').key,
      );
      if (!target) throw new Error('alert missing');
      const closure = {
        alertKey: target.alert.key,
        action: 'risk-assessed' as const,
        note: 'Assessed; low risk.',
        by: 'user-1',
        at: NOW,
      };
      expect(await store.recordAlertClosure(target.id, closure)).toBe(true);
      expect(await store.recordAlertClosure(target.id, closure)).toBe(false);
      expect(await store.recordAlertClosure(randomUUID(), closure)).toBe(false);
      expect((await store.listAlerts(clientId, { open: true })).map((s) => s.id)).not.toContain(target.id);
      expect((await store.listAlerts(clientId)).find((s) => s.id === target.id)?.closure).toEqual(closure);
      await expect(store.insertAlerts([stored(administrationIds[0] ?? '', NOW)])).resolves.toBeUndefined();
    });

    it('accepts an empty list', async () => {
      await expect(store.insertAlerts([])).resolves.toBeUndefined();
    });
  });
}
