import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';
import { draftRequestOf } from '../../../contract/plans.js';
import type { Review } from '../../../domain/reviews/review.js';
import { planContent } from '../../../domain/treatment-plans/plan-content.js';
import type { TreatmentPlan } from '../../../domain/treatment-plans/treatment-plan.js';

interface DueList {
  today: string;
  items: { clientId: string; state: string; dueDate: string; draftReviewId: string | null }[];
}

function saveBody(review: Review, changes: Partial<Record<string, unknown>> = {}) {
  return {
    revision: review.revision,
    reviewDate: review.reviewDate,
    nextReviewDate: review.nextReviewDate,
    summary: review.summary,
    goals: review.goals.map((g) => ({ goalId: g.goalId, outcome: g.outcome, decision: g.decision, note: g.note })),
    ...changes,
  };
}

for (const dialect of DIALECTS) {
  describe(`plan reviews: start, edit, sign, due list on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let clinician: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let clientId: string;
    let plan: TreatmentPlan;
    let draft: Review;
    const base = () => `/api/v1/clients/${clientId}`;
    const due = async (browser: TestBrowser, withinDays: number): Promise<DueList> =>
      (await browser.get(`/api/v1/reviews/due?withinDays=${withinDays}`)).json();
    const read = async (): Promise<Review> => (await clinician.get(`${base()}/reviews/${draft.id}`)).json();

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      demo = await seedDemoPractice(ctx.deps);
      clinician = await sessionFor(ctx, demo.users.clinician);
      supervisor = await sessionFor(ctx, demo.users.supervisor);
      auditor = await sessionFor(ctx, demo.users.auditor);
      clientId = demo.clients.depression;
      plan = (await clinician.get(`${base()}/plan`)).json();
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('shows the plan’s review date and puts the client on the due list only inside the window', async () => {
      // First, the clinician looks at the depression case: its signed plan is due for review on its next review date.
      const list = (await clinician.get(`${base()}/reviews`)).json();
      expect(list.items).toEqual([]);
      expect(list.schedule).toMatchObject({ planId: plan.id, dueDate: plan.nextReviewDate, state: 'not-due' });
      const days = list.schedule.days as number;
      expect((await due(clinician, days - 1)).items.map((i) => i.clientId)).not.toContain(clientId);
      const inWindow = (await due(clinician, days)).items.find((i) => i.clientId === clientId);
      expect(inWindow).toMatchObject({ state: 'due', dueDate: plan.nextReviewDate, draftReviewId: null });
      // The supervisor sees their supervisee's clients; the other clinician has no client at all.
      expect((await due(supervisor, days)).items.map((i) => i.clientId)).toContain(clientId);
      const other = await sessionFor(ctx, demo.users.otherClinician);
      expect((await due(other, 365)).items).toEqual([]);
    });

    it('refuses writes by an auditor (403) and stores nothing', async () => {
      const res = await auditor.post(`${base()}/reviews`, undefined);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect((await auditor.get(`${base()}/reviews`)).json().items).toEqual([]);
    });

    it('starts a review drafted from the data: score changes since the baseline with reliable-change flags', async () => {
      const res = await clinician.post(`${base()}/reviews`, undefined);
      expect(res.statusCode, res.body).toBe(201);
      draft = res.json();
      expect(draft).toMatchObject({ status: 'draft', revision: 1, planId: plan.id, planVersion: plan.version });
      expect(draft.goals.map((g) => g.goalId)).toEqual(
        plan.goals.filter((g) => g.status === 'active').map((g) => g.id),
      );
      const phq9 = draft.goals[0]?.targets.find((x) => x.measureKey === 'instrument:phq9');
      expect(phq9).toMatchObject({ fromSource: 'baseline', from: 18, reliableChange: expect.any(String) });
      expect(phq9?.change).toBe((phq9?.to ?? 0) - 18);
      expect(draft.goals.every((g) => g.outcome === null && g.decision === null)).toBe(true);
      // One open review at a time.
      const again = await clinician.post(`${base()}/reviews`, undefined);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('conflict');
    });

    it('refuses to sign while a goal has no outcome and decision', async () => {
      const res = await clinician.post(`${base()}/reviews/${draft.id}/sign`, { revision: draft.revision });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/needs an outcome and a decision/);
      expect((await read()).status).toBe('draft');
    });

    it('saves the clinician’s outcomes, decisions, notes and next date with the next revision', async () => {
      const goals = draft.goals.map((g, i) => ({
        goalId: g.goalId,
        outcome: i === 0 ? 'met' : i === 1 ? 'not-met' : 'partially-met',
        decision: i === 1 ? 'revise' : 'continue',
        note: `Goal ${i + 1} discussed`,
      }));
      const res = await clinician.request(
        'PUT',
        `${base()}/reviews/${draft.id}`,
        saveBody(draft, { goals, nextReviewDate: '2027-03-26', summary: 'Mood lifting; sleep still poor.' }),
      );
      expect(res.statusCode, res.body).toBe(200);
      const saved: Review = res.json();
      expect(saved).toMatchObject({
        revision: 2,
        nextReviewDate: '2027-03-26',
        summary: 'Mood lifting; sleep still poor.',
      });
      expect(saved.goals[0]).toMatchObject({ outcome: 'met', decision: 'continue', note: 'Goal 1 discussed' });
      // The drafted data stays as drafted.
      expect(saved.goals[0]?.targets).toEqual(draft.goals[0]?.targets);
      draft = saved;
    });

    it('refuses a stale revision with 409 and changes nothing', async () => {
      const res = await clinician.request(
        'PUT',
        `${base()}/reviews/${draft.id}`,
        saveBody(draft, { revision: 1, summary: 'Stale edit' }),
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('stale-revision');
      expect(await read()).toMatchObject({ revision: 2, summary: 'Mood lifting; sleep still poor.' });
    });

    it.each([
      ['a next review more than a year away', { nextReviewDate: '2028-01-01' }],
      ['a next review before the review', { nextReviewDate: '2026-01-01' }],
      ['a review date in the future', { reviewDate: '2027-01-01', nextReviewDate: '2027-02-01' }],
      ['an unknown outcome', { goals: [{ goalId: 'x', outcome: 'great', decision: 'continue', note: '' }] }],
      ['a goal that is not the review’s', { goals: [{ goalId: 'x', outcome: 'met', decision: 'continue', note: '' }] }],
      ['a missing goal', { goals: [] }],
      ['an unknown field', { colour: 'blue' }],
    ])('refuses %s with 400 and stores nothing', async (_name, changes) => {
      const res = await clinician.request('PUT', `${base()}/reviews/${draft.id}`, saveBody(draft, changes));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('invalid-input');
      expect((await read()).revision).toBe(2);
    });

    it('lets only a clinician sign (the supervisor and the auditor get 403)', async () => {
      for (const browser of [supervisor, auditor]) {
        const res = await browser.post(`${base()}/reviews/${draft.id}/sign`, { revision: draft.revision });
        expect(res.statusCode).toBe(403);
      }
      const put = await auditor.request('PUT', `${base()}/reviews/${draft.id}`, saveBody(draft));
      expect(put.statusCode).toBe(403);
      expect((await read()).status).toBe('draft');
    });

    it('signs: sets each goal’s lifecycle status on the signed plan, keeps its hash, moves the due date', async () => {
      const res = await clinician.post(`${base()}/reviews/${draft.id}/sign`, { revision: draft.revision });
      expect(res.statusCode, res.body).toBe(200);
      const { review, revisePlan } = res.json() as { review: Review; revisePlan: boolean };
      expect(revisePlan).toBe(true);
      expect(review).toMatchObject({ status: 'signed', signature: { userId: demo.users.clinician.id } });
      const after: TreatmentPlan = (await clinician.get(`${base()}/plans/${plan.id}`)).json();
      const statusOf = (goalId: string | undefined) => after.goals.find((g) => g.id === goalId)?.status;
      expect(statusOf(draft.goals[0]?.goalId)).toBe('met');
      expect(statusOf(draft.goals[1]?.goalId)).toBe('revised');
      for (const g of draft.goals.slice(2)) expect(statusOf(g.goalId)).toBe('active');
      expect(after.status).toBe('signed');
      expect(after.contentHash).toBe(plan.contentHash);
      expect(after.contentHash).toBe(createHash('sha256').update(planContent(after)).digest('hex'));

      const list = (await clinician.get(`${base()}/reviews`)).json();
      expect(list.schedule).toMatchObject({ dueDate: '2027-03-26', state: 'not-due' });
      expect((await due(clinician, 60)).items.map((i) => i.clientId)).not.toContain(clientId);
      expect((await due(clinician, 120)).items.find((i) => i.clientId === clientId)?.dueDate).toBe('2027-03-26');
    });

    it('never changes a signed review', async () => {
      const signed = await read();
      const res = await clinician.request('PUT', `${base()}/reviews/${draft.id}`, saveBody(signed));
      expect(res.statusCode).toBe(409);
      const sign = await clinician.post(`${base()}/reviews/${draft.id}/sign`, { revision: signed.revision });
      expect(sign.statusCode).toBe(409);
    });

    it('drafts the next review from the last one, leaving out the met goal', async () => {
      const res = await clinician.post(`${base()}/reviews`, undefined);
      expect(res.statusCode, res.body).toBe(201);
      const next: Review = res.json();
      expect(next.goals.map((g) => g.goalId)).toEqual(draft.goals.slice(1).map((g) => g.goalId));
      expect(next.goals[0]?.statusAtReview).toBe('revised');
      const withData = next.goals.flatMap((g) => g.targets).filter((x) => x.to !== null);
      expect(withData.length).toBeGreaterThan(0);
      expect(withData.every((x) => x.fromSource === 'last-review')).toBe(true);
      const list = (await auditor.get(`${base()}/reviews`)).json();
      expect(list.items.map((r: Review) => r.status)).toEqual(['draft', 'signed']);
    });

    it('drafts an open review again on a plan version signed since (it could no longer be signed)', async () => {
      // The clinician revises the plan (the review said so) and signs version 2 while a review of version 1 is open.
      const open: Review = (await clinician.get(`${base()}/reviews`)).json().items[0];
      const current: TreatmentPlan = (await clinician.get(`${base()}/plan`)).json();
      const body = draftRequestOf(current as never);
      body.goals = body.goals.map((g) => ({ ...g, status: g.status === 'revised' ? 'active' : g.status }));
      const saved = await clinician.request('PUT', `${base()}/plan/draft`, body);
      expect(saved.statusCode, saved.body).toBe(200);
      const signedPlan = await clinician.post(`${base()}/plan/sign`, { revision: saved.json().revision });
      expect(signedPlan.statusCode, signedPlan.body).toBe(200);
      const stale = await clinician.post(`${base()}/reviews/${open.id}/sign`, { revision: open.revision });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toMatch(/start the review again/);
      const again = await clinician.post(`${base()}/reviews`, undefined);
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json()).toMatchObject({ id: open.id, revision: open.revision + 1, planVersion: plan.version + 1 });
      expect((await clinician.post(`${base()}/reviews`, undefined)).statusCode).toBe(409);
    });

    it('answers 404 for a review of another client', async () => {
      const other = demo.clients.panic;
      const res = await clinician.get(`/api/v1/clients/${other}/reviews/${draft.id}`);
      expect(res.statusCode).toBe(404);
    });

    it('audited every step, and the audit chain still verifies', async () => {
      const events = await ctx.deps.store.listAudit({ limit: 100_000 });
      const actions = new Set(events.filter((e) => e.clientIds.includes(clientId)).map((e) => e.action));
      for (const a of [
        'review.start',
        'review.save',
        'review.sign',
        'review.list',
        'review.read',
        'reviews.due.read',
      ]) {
        expect(actions).toContain(a);
      }
      expect(await ctx.deps.store.verifyAudit()).toMatchObject({ ok: true });
    });
  });
}
