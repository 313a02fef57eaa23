import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';
import { draftRequestOf } from '../../../contract/plans.js';
import { planContent } from '../../../domain/treatment-plans/plan-content.js';
import type { TreatmentPlan } from '../../../domain/treatment-plans/treatment-plan.js';

type Plan = TreatmentPlan & { goals: TreatmentPlan['goals'] };

for (const dialect of DIALECTS) {
  describe(`plan writing: drafts, revisions, signing, co-signing, versions on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let clinician: TestBrowser;
    let supervisor: TestBrowser;
    let otherSupervisor: TestBrowser;
    let auditor: TestBrowser;
    let clientId: string;
    let v1: Plan;
    const base = () => `/api/v1/clients/${clientId}`;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      demo = await seedDemoPractice(ctx.deps);
      clinician = await sessionFor(ctx, demo.users.clinician);
      supervisor = await sessionFor(ctx, demo.users.supervisor);
      otherSupervisor = await sessionFor(ctx, demo.users.otherSupervisor);
      auditor = await sessionFor(ctx, demo.users.auditor);
      clientId = demo.clients.depression;
      v1 = (await clinician.get(`${base()}/plan`)).json();
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    const put = (browser: TestBrowser, body: unknown) => browser.request('PUT', `${base()}/plan/draft`, body);
    const current = async (): Promise<Plan> => (await clinician.get(`${base()}/plan`)).json();

    it('starts from a signed version whose content hash is the SHA-256 of its canonical content', () => {
      expect(v1.status).toBe('signed');
      expect(v1.contentHash).toBe(createHash('sha256').update(planContent(v1)).digest('hex'));
    });

    it('opens a draft of the next version from the signed one, keeping each goal’s lineage', async () => {
      const body = draftRequestOf(v1 as never);
      body.sessionMinutes = 45;
      body.goals[0] = { ...body.goals[0]!, statement: `${body.goals[0]!.statement} (revised)` };
      const res = await put(clinician, body);
      expect(res.statusCode, res.body).toBe(200);
      const draft: Plan = res.json();
      expect(draft).toMatchObject({ status: 'draft', version: v1.version + 1, revision: 1, previousVersionId: v1.id });
      expect(draft.sessionMinutes).toBe(45);
      expect(draft.goals.map((g) => g.lineageId)).toEqual(v1.goals.map((g) => g.lineageId ?? g.id));
      // New rows: the signed version's rows never change.
      expect(draft.goals.map((g) => g.id)).not.toContain(v1.goals[0]!.id);
      const stillSigned = (await clinician.get(`${base()}/plans/${v1.id}`)).json();
      expect(stillSigned.sessionMinutes).toBe(v1.sessionMinutes);
      expect(stillSigned.status).toBe('signed');
    });

    it('refuses a stale revision with 409 and changes nothing', async () => {
      const before = await current();
      const body = { ...draftRequestOf(before as never), revision: 0, strengths: 'Stale edit' };
      const res = await put(clinician, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('stale-revision');
      const after = await current();
      expect(after.revision).toBe(before.revision);
      expect(after.strengths).toBe(before.strengths);
    });

    it('saves the next revision and keeps the ids of the draft’s own goals', async () => {
      const before = await current();
      const res = await put(clinician, { ...draftRequestOf(before as never), referrals: 'GP for sleep review' });
      expect(res.statusCode, res.body).toBe(200);
      const saved: Plan = res.json();
      expect(saved.revision).toBe(before.revision + 1);
      expect(saved.referrals).toBe('GP for sleep review');
      expect(saved.goals.map((g) => g.id)).toEqual(before.goals.map((g) => g.id));
    });

    it.each([
      [
        'an unknown instrument',
        (b: ReturnType<typeof draftRequestOf>) => {
          b.goals[0]!.targets = [{ ...b.goals[0]!.targets[0]!, measure: { kind: 'instrument', instrumentId: 'nope' } }];
        },
      ],
      [
        'a diagnosis of nobody',
        (b: ReturnType<typeof draftRequestOf>) => {
          b.diagnosisIds = ['00000000-0000-4000-8000-000000000000'];
        },
      ],
      [
        'a due date before the start',
        (b: ReturnType<typeof draftRequestOf>) => {
          b.goals[0]!.dueDate = '2000-01-01';
        },
      ],
      [
        'a review more than a year away',
        (b: ReturnType<typeof draftRequestOf>) => {
          b.nextReviewDate = '2099-01-01';
        },
      ],
      [
        'an unknown field',
        (b: ReturnType<typeof draftRequestOf>) => {
          (b as Record<string, unknown>).colour = 'blue';
        },
      ],
    ])('refuses %s with 400 and stores nothing', async (_name, spoil) => {
      const before = await current();
      const body = draftRequestOf(before as never);
      spoil(body);
      const res = await put(clinician, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('invalid-input');
      expect((await current()).revision).toBe(before.revision);
    });

    it('lists the versions newest first and compares them', async () => {
      const list = (await clinician.get(`${base()}/plans`)).json().items as { id: string; status: string }[];
      expect(list.map((v) => v.status)).toEqual(['draft', 'signed']);
      const draft = await current();
      const diff = (await clinician.get(`${base()}/plans/compare?from=${v1.id}&to=${draft.id}`)).json();
      expect(diff.fields).toEqual(
        expect.arrayContaining([
          { field: 'sessionMinutes', from: v1.sessionMinutes, to: 45 },
          { field: 'referrals', from: v1.referrals, to: 'GP for sleep review' },
        ]),
      );
      expect(diff.goals[0].change).toBe('changed');
      expect(diff.goals[0].fields.map((f: { field: string }) => f.field)).toEqual(['statement']);
      expect(diff.goals.slice(1).every((g: { change: string }) => g.change === 'unchanged')).toBe(true);
      expect(diff.summary).toMatchObject({ goalsAdded: 0, goalsRemoved: 0, goalsChanged: 1 });
    });

    it('refuses to sign an incomplete plan and lists what is missing', async () => {
      const before = await current();
      const saved: Plan = (await put(clinician, { ...draftRequestOf(before as never), dischargeCriteria: '' })).json();
      const res = await clinician.post(`${base()}/plan/sign`, { revision: saved.revision });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('plan-incomplete');
      expect(res.json().error.issues.map((i: { code: string }) => i.code)).toContain(
        'payer-missing-discharge-criteria',
      );
      expect((await current()).status).toBe('draft');
    });

    it('lets only a clinician sign, at the revision they read, and supersedes the old version', async () => {
      const before = await current();
      const fixed: Plan = (
        await put(clinician, { ...draftRequestOf(before as never), dischargeCriteria: v1.dischargeCriteria })
      ).json();
      expect((await auditor.post(`${base()}/plan/sign`, { revision: fixed.revision })).statusCode).toBe(403);
      expect((await supervisor.post(`${base()}/plan/sign`, { revision: fixed.revision })).statusCode).toBe(403);
      const stale = await clinician.post(`${base()}/plan/sign`, { revision: fixed.revision - 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('stale-revision');
      const res = await clinician.post(`${base()}/plan/sign`, { revision: fixed.revision });
      expect(res.statusCode, res.body).toBe(200);
      const signed: Plan = res.json();
      expect(signed.status).toBe('signed');
      expect(signed.clinicianSignature).toMatchObject({ userId: demo.users.clinician.id });
      expect(signed.contentHash).toBe(createHash('sha256').update(planContent(signed)).digest('hex'));
      expect(signed.contentHash).not.toBe(v1.contentHash);
      const versions = (await clinician.get(`${base()}/plans`)).json().items as { id: string; status: string }[];
      expect(versions.map((v) => v.status)).toEqual(['signed', 'superseded']);
      expect((await current()).id).toBe(signed.id);
      // A signed version is immutable: signing again finds no draft.
      expect((await clinician.post(`${base()}/plan/sign`, { revision: fixed.revision })).statusCode).toBe(404);
    });

    it('lets the signing clinician’s supervisor co-sign the content they read, once', async () => {
      const signed = await current();
      const url = `${base()}/plans/${signed.id}/cosign`;
      expect((await clinician.post(url, { contentHash: signed.contentHash })).statusCode).toBe(403);
      expect((await otherSupervisor.post(url, { contentHash: signed.contentHash })).statusCode).toBe(404);
      const wrong = await supervisor.post(url, { contentHash: 'f'.repeat(64) });
      expect(wrong.statusCode).toBe(409);
      const res = await supervisor.post(url, { contentHash: signed.contentHash });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().supervisorSignature).toMatchObject({ userId: demo.users.supervisor.id });
      expect(res.json().contentHash).toBe(signed.contentHash);
      expect((await supervisor.post(url, { contentHash: signed.contentHash })).statusCode).toBe(409);
    });

    it('discards a draft at its revision and falls back to the signed version', async () => {
      const signed = await current();
      const opened: Plan = (await put(clinician, draftRequestOf(signed as never))).json();
      expect(opened.version).toBe(signed.version + 1);
      const stale = await clinician.request('DELETE', `${base()}/plan/draft?revision=${opened.revision + 1}`);
      expect(stale.statusCode).toBe(409);
      const res = await clinician.request('DELETE', `${base()}/plan/draft?revision=${opened.revision}`);
      expect(res.statusCode).toBe(204);
      expect((await current()).id).toBe(signed.id);
    });

    it('records one audit event per plan request, naming the client', async () => {
      const before = (await ctx.deps.store.listAudit()).length;
      await clinician.get(`${base()}/plans`);
      const events = (await ctx.deps.store.listAudit()).slice(before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'plan.versions.list', clientIds: [clientId], outcome: 'success' });
      expect((await ctx.deps.store.verifyAudit()).ok).toBe(true);
    });
  });
}
