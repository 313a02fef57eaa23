import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import type { TargetProgress } from '../domain/progress/target-status.js';
import { getPlanProgress, type PlanProgressView } from './get-plan-progress.js';
import type { Deps } from './ports.js';

/** The progress of the target of the current plan whose measure is this instrument (or behaviour name). */
async function targetOn(deps: Deps, view: PlanProgressView, measure: string): Promise<TargetProgress> {
  const plan = await deps.store.findCurrentPlan(view.clientId);
  const behaviors = await deps.store.listBehaviors(view.clientId);
  const target = plan?.goals
    .flatMap((g) => g.targets)
    .find(({ measure: m }) => {
      if (m.kind === 'instrument') return m.instrumentId === measure;
      return m.kind === 'behavior' && behaviors.find((b) => b.id === m.behaviorId)?.name === measure;
    });
  const progress = view.progress?.goals.flatMap((g) => g.targets).find((p) => p.targetId === target?.id);
  if (!progress) throw new Error(`no goal target on ${measure}`);
  return progress;
}

for (const dialect of DIALECTS) {
  describe(`getPlanProgress on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(() => t.dispose());

    it('depression (guide case 1): PHQ-9 18 → ≤ 9 is on track at week 8, 11 against an expected 13.5', async () => {
      const view = await getPlanProgress(deps, demo.as(demo.users.clinician), { clientId: demo.clients.depression });
      expect(view.today).toBe('2026-11-26');
      const phq9 = await targetOn(deps, view, 'phq9');
      expect(phq9.status).toBe('on-track');
      expect(phq9.decision).toEqual({
        rule: 'on-expected-trajectory',
        data: {
          expected: 13.5,
          latest: 11,
          latestDate: '2026-11-26',
          worseBy: -2.5,
          tolerance: 3,
          toleranceBasis: 'fraction-of-reliable-change',
          week: 8,
          better: 'lower',
        },
      });
      expect(phq9.expectedTrajectory).toMatchObject({ from: { value: 18 }, to: { value: 9 } });
      expect(phq9.baseline?.value).toBe(18);
      expect(phq9.change).toBe(-7);
      expect(view.progress?.overall).toBe('on-track');
      expect(view.seriesByTargetId[phq9.targetId]?.map((p) => p.value)).toEqual([18, 17, 16, 15, 14, 13, 12, 12, 11]);
    });

    it('panic (guide case 2): GAD-7 15 → ≤ 7 is on track at week 6, 10 against an expected 11', async () => {
      const view = await getPlanProgress(deps, demo.as(demo.users.clinician), { clientId: demo.clients.panic });
      const gad7 = await targetOn(deps, view, 'gad7');
      expect(gad7.status).toBe('on-track');
      expect(gad7.decision).toMatchObject({
        rule: 'on-expected-trajectory',
        data: { expected: 11, latest: 10, worseBy: -1, tolerance: 2, week: 6 },
      });
      const shopping = await targetOn(deps, view, 'independent grocery shopping trips');
      expect([shopping.status, shopping.decision.rule]).toEqual(['met', 'goal-met']);
      // 3 a week is ≈ 13 a month: the weekly log of 1 attack (≈ 4.3 a month) is ahead of the line from 13 to 1.
      const attacks = await targetOn(deps, view, 'panic attacks');
      expect(attacks.baseline?.value).toBe(13);
      expect([attacks.status, attacks.decision.rule]).toEqual(['on-track', 'on-expected-trajectory']);
    });

    it('PTSD (guide case 3): PCL-5 52 → ≤ 30 is off track at week 10, 47 against an expected 38.25', async () => {
      const view = await getPlanProgress(deps, demo.as(demo.users.clinician), { clientId: demo.clients.ptsd });
      const pcl5 = await targetOn(deps, view, 'pcl5');
      expect(pcl5.status).toBe('off-track');
      expect(pcl5.decision).toEqual({
        rule: 'behind-expected-trajectory',
        data: {
          expected: 38.25,
          latest: 47,
          latestDate: '2026-11-26',
          worseBy: 8.75,
          tolerance: 7.5,
          toleranceBasis: 'fraction-of-reliable-change',
          week: 10,
          better: 'lower',
        },
      });
      // Nightmares 5 → ≤ 1 per week was due at week 8 and the latest week had 4: overdue, so the plan is overdue.
      const nightmares = await targetOn(deps, view, 'nightmares');
      expect(nightmares.status).toBe('overdue');
      expect(nightmares.decision).toMatchObject({
        rule: 'due-date-passed',
        data: { latest: 4, goalValue: 1, comparator: '<=', daysOverdue: 14 },
      });
      expect(view.progress?.overall).toBe('overdue');
    });

    it('records the read in the audit trail with the client id', async () => {
      await getPlanProgress(deps, demo.as(demo.users.supervisor), { clientId: demo.clients.ptsd });
      const last = (await deps.store.listAudit({ limit: 100_000 })).at(-1);
      expect(last).toMatchObject({
        actor: `user:${demo.users.supervisor.id}`,
        action: 'progress.read',
        clientIds: [demo.clients.ptsd],
        outcome: 'success',
      });
    });

    it('lets an auditor read, and answers not-found to a clinician who is not assigned and to an admin', async () => {
      const view = await getPlanProgress(deps, demo.as(demo.users.auditor), { clientId: demo.clients.panic });
      expect(view.plan?.status).toBe('signed');
      for (const user of [demo.users.otherClinician, demo.users.admin, demo.users.otherSupervisor]) {
        await expect(getPlanProgress(deps, demo.as(user), { clientId: demo.clients.panic })).rejects.toMatchObject({
          code: 'not-found',
        });
      }
      const last = (await deps.store.listAudit({ limit: 100_000 })).at(-1);
      expect(last).toMatchObject({ action: 'progress.read', outcome: 'denied', clientIds: [demo.clients.panic] });
    });

    it('gives no progress for a client without a plan', async () => {
      const id = randomUUID();
      const now = deps.clock.now().toISOString();
      await deps.store.insertClient(
        {
          id,
          practiceId: demo.practice.id,
          recordNumber: `NEW-${id}`,
          givenName: 'N',
          familyName: 'P',
          dateOfBirth: null,
          status: 'active',
        },
        now,
      );
      await deps.store.assignClient(id, demo.users.clinician.id, 'primary', now);
      const view = await getPlanProgress(deps, demo.as(demo.users.clinician), { clientId: id });
      expect(view).toEqual({ clientId: id, today: '2026-11-26', plan: null, progress: null, seriesByTargetId: {} });
    });

    it('refuses malformed input after the access check', async () => {
      await expect(
        getPlanProgress(deps, demo.cli, { clientId: demo.clients.panic, extra: 1 } as never),
      ).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(getPlanProgress(deps, demo.cli, null as never)).rejects.toMatchObject({ code: 'not-found' });
    });
  });
}
