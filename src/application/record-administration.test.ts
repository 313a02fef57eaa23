import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import type { Deps } from './ports.js';
import { recordAdministration } from './record-administration.js';

for (const dialect of DIALECTS) {
  describe(`recordAdministration on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    let clientId: string;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
      clientId = demo.clients.panic;
    });
    afterAll(() => t.dispose());

    /** What a refused call must leave untouched. */
    const snapshot = async () => ({
      administrations: (await deps.store.listAdministrations(clientId)).length,
      alerts: (await deps.store.listAlerts(clientId)).length,
      audit: (await deps.store.listAudit({ limit: 100_000 })).filter((e) => e.outcome === 'success').length,
    });
    let before: Awaited<ReturnType<typeof snapshot>>;
    beforeEach(async () => {
      before = await snapshot();
    });

    it('scores the answers, keeps them, and opens a critical alert for PHQ-9 item 9 > 0', async () => {
      const actor = demo.as(demo.users.clinician);
      const result = await recordAdministration(deps, actor, {
        clientId,
        instrumentId: 'PHQ-9',
        answers: [3, 3, 2, 2, 2, 2, 2, 1, 1],
      });
      expect(result.score).toMatchObject({
        instrument: 'phq9',
        total: 18,
        severity: 'moderately severe',
        prorated: false,
      });
      expect(result.administration).toMatchObject({
        clientId,
        instrumentId: 'phq9',
        administeredAt: '2026-11-26T12:00:00.000Z',
        administeredOn: '2026-11-26',
        source: 'session',
        total: 18,
        recordedBy: demo.users.clinician.id,
        flags: [{ code: 'critical-item', item: 9 }],
      });
      const stored = (await deps.store.listAdministrations(clientId, 'phq9')).find(
        (a) => a.id === result.administration.id,
      );
      expect(stored).toEqual(result.administration);
      expect(stored?.answers).toEqual([3, 3, 2, 2, 2, 2, 2, 1, 1]);

      const key = `critical-item-answered:${result.administration.id}:9`;
      expect(result.alerts).toEqual([
        {
          key,
          code: 'critical-item-answered',
          severity: 'critical',
          closing: 'recorded-action',
          raisedOn: '2026-11-26',
          subject: {
            kind: 'administration',
            administrationId: result.administration.id,
            instrumentId: 'phq9',
            item: 9,
          },
          data: { item: 9 },
        },
      ]);
      const open = await deps.store.listAlerts(clientId, { open: true });
      expect(open.find((s) => s.alert.key === key)).toMatchObject({ alert: result.alerts[0], closure: null });

      const events = (await deps.store.listAudit({ limit: 100_000 })).slice(-2);
      expect(events.map((e) => [e.action, e.clientIds, e.actor])).toEqual([
        ['administration.create', [clientId], `user:${demo.users.clinician.id}`],
        ['alert.raise.critical-item-answered', [clientId], `user:${demo.users.clinician.id}`],
      ]);
    });

    it('prorates a GAD-7 with one missing item and raises nothing', async () => {
      const result = await recordAdministration(deps, demo.cli, {
        clientId,
        instrumentId: 'gad7',
        answers: [1, 1, 1, 1, 1, 1, null],
        administeredAt: '2026-11-20T23:30:00-05:00',
      });
      expect(result.score).toMatchObject({ total: 7, prorated: true, missingItems: [7] });
      expect(result.alerts).toEqual([]);
      expect(result.administration).toMatchObject({
        administeredAt: '2026-11-21T04:30:00.000Z',
        answers: [1, 1, 1, 1, 1, 1, null],
        recordedBy: null,
      });
      expect(result.administration.administeredOn).toBe(
        new Intl.DateTimeFormat('en-CA', { timeZone: demo.practice.timeZone }).format(new Date('2026-11-21T04:30:00Z')),
      );
      expect(await snapshot()).toEqual({
        ...before,
        administrations: before.administrations + 1,
        audit: before.audit + 1,
      });
    });

    it('opens a critical-item-unanswered alert when PHQ-9 item 9 is left out', async () => {
      const result = await recordAdministration(deps, demo.as(demo.users.supervisor), {
        clientId,
        instrumentId: 'phq9',
        answers: [1, 1, 1, 1, 1, 1, 1, 1, null],
      });
      expect(result.score.flags).toEqual([{ code: 'critical-item-missing', item: 9 }]);
      expect(result.alerts.map((a) => [a.code, a.severity, a.closing])).toEqual([
        ['critical-item-unanswered', 'warning', 'recorded-action'],
      ]);
    });

    it.each([
      ['a missing PCL-5 item', 'pcl5', [...Array(19).fill(1), null], 'item-missing'],
      ['an answer out of range', 'phq9', [4, 0, 0, 0, 0, 0, 0, 0, 0], 'item-out-of-range'],
      ['a fractional answer', 'gad7', [1.5, 0, 0, 0, 0, 0, 0], 'item-not-integer'],
      ['the wrong number of answers', 'phq9', [1, 1, 1], 'answer-count-mismatch'],
      ['three missing PHQ-9 items', 'phq9', [1, 1, 1, 1, 1, 1, null, null, null], 'too-many-missing-items'],
    ])(
      'refuses %s with unscorable-response carrying the domain issue, and stores nothing',
      async (_what, instrumentId, answers, code) => {
        const error = await recordAdministration(deps, demo.cli, { clientId, instrumentId, answers }).catch(
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ code: 'unscorable-response' });
        expect((error as { issues: { code: string }[] }).issues.map((i) => i.code)).toContain(code);
        expect(await snapshot()).toEqual(before);
      },
    );

    it.each([
      ['answers that are not an array', { instrumentId: 'phq9', answers: '3,3,2' }],
      ['a text answer', { instrumentId: 'phq9', answers: [1, 1, 1, 1, 1, 1, 1, 1, '1'] }],
      ['an unknown field', { instrumentId: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], note: 'x' }],
      [
        'a time that is not ISO-8601',
        { instrumentId: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], administeredAt: 'yesterday' },
      ],
      [
        'a time in the future',
        { instrumentId: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], administeredAt: '2026-11-27T12:00:00Z' },
      ],
      ['too many answers', { instrumentId: 'phq9', answers: Array(101).fill(0) }],
    ])('refuses %s with invalid-input and stores nothing', async (_what, fields) => {
      await expect(recordAdministration(deps, demo.cli, { clientId, ...fields } as never)).rejects.toMatchObject({
        code: 'invalid-input',
      });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an unknown instrument with unknown-instrument and stores nothing', async () => {
      await expect(
        recordAdministration(deps, demo.cli, { clientId, instrumentId: 'bdi2', answers: [0] }),
      ).rejects.toMatchObject({ code: 'unknown-instrument' });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an auditor (forbidden) and a clinician without access (not-found) before reading the input', async () => {
      const input = { clientId, instrumentId: 'phq9', answers: 'junk' } as never;
      await expect(recordAdministration(deps, demo.as(demo.users.auditor), input)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(recordAdministration(deps, demo.as(demo.users.otherClinician), input)).rejects.toMatchObject({
        code: 'not-found',
      });
      expect(await snapshot()).toEqual(before);
    });
  });
}
