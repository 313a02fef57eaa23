import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../../test/test-deps.js';
import type { Deps } from '../../application/ports.js';
import type { Review } from '../../domain/reviews/review.js';
import type { TreatmentPlan } from '../../domain/treatment-plans/treatment-plan.js';

const NOW = '2026-11-26T12:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`review repository on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    let plan: TreatmentPlan;
    let review: Review;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
      const found = await deps.store.findCurrentPlan(demo.clients.depression);
      if (!found) throw new Error('no demo plan');
      plan = found;
      review = {
        id: deps.ids.newId(),
        clientId: plan.clientId,
        planId: plan.id,
        planVersion: plan.version,
        status: 'draft',
        revision: 1,
        reviewDate: '2026-11-26',
        nextReviewDate: '2027-02-24',
        summary: '',
        goals: [
          {
            goalId: plan.goals[0]?.id ?? '',
            lineageId: plan.goals[0]?.id ?? '',
            statement: 'Goal “one” ≤ 9',
            statusAtReview: 'active',
            progress: 'on-track',
            targets: [],
            objectives: [],
            tasks: [],
            outcome: null,
            decision: null,
            note: '',
          },
        ],
        signature: null,
        createdAt: NOW,
        updatedAt: NOW,
      };
    });
    afterAll(() => t.dispose());

    it('stores a review and reads it back whole (goals as JSON)', async () => {
      await deps.store.insertReview(review, demo.users.clinician.id);
      expect(await deps.store.findReviewById(review.id)).toEqual(review);
      expect((await deps.store.listReviews(plan.clientId)).map((r) => r.id)).toEqual([review.id]);
    });

    it('keeps one draft per client', async () => {
      await expect(deps.store.insertReview({ ...review, id: deps.ids.newId() }, 'cli')).rejects.toMatchObject({
        code: 'duplicate',
      });
    });

    it('replaces a draft only at the expected revision', async () => {
      const next = { ...review, revision: 2, summary: 'Edited' };
      expect(await deps.store.replaceDraftReview(next, 5)).toBe(false);
      expect(await deps.store.replaceDraftReview(next, 1)).toBe(true);
      expect((await deps.store.findReviewById(review.id))?.summary).toBe('Edited');
      review = next;
    });

    it('signs a draft once, then never replaces it', async () => {
      const signature = { userId: demo.users.clinician.id, name: 'Robin', credentials: 'PhD', signedAt: NOW };
      const signed: Review = { ...review, status: 'signed', revision: 3, signature };
      expect(await deps.store.signDraftReview(signed, 2)).toBe(true);
      expect(await deps.store.signDraftReview(signed, 3)).toBe(false);
      expect(await deps.store.replaceDraftReview({ ...signed, status: 'draft', signature: null }, 3)).toBe(false);
      expect(await deps.store.findReviewById(review.id)).toMatchObject({ status: 'signed', signature });
    });

    it('sets a goal’s lifecycle status on the signed plan', async () => {
      const goalId = plan.goals[0]?.id ?? '';
      await deps.store.setGoalStatus(goalId, 'met');
      const after = await deps.store.findPlanById(plan.id);
      expect(after?.goals.find((g) => g.id === goalId)?.status).toBe('met');
      expect(after?.contentHash).toBe(plan.contentHash);
    });

    it('lists the review schedule of the clients in scope with the last signed review', async () => {
      const mine = await deps.store.listReviewSchedule({
        practiceId: demo.practice.id,
        userId: demo.users.clinician.id,
        scope: 'assigned',
      });
      expect(mine.map((e) => e.client.id).sort()).toEqual(Object.values(demo.clients).sort());
      const entry = mine.find((e) => e.client.id === plan.clientId);
      expect(entry).toMatchObject({
        planId: plan.id,
        planNextReviewDate: plan.nextReviewDate,
        lastReview: { id: review.id, reviewDate: '2026-11-26', nextReviewDate: '2027-02-24' },
        draftReviewId: null,
      });
      const nobody = await deps.store.listReviewSchedule({
        practiceId: demo.practice.id,
        userId: demo.users.otherClinician.id,
        scope: 'assigned',
      });
      expect(nobody).toEqual([]);
      const supervised = await deps.store.listReviewSchedule({
        practiceId: demo.practice.id,
        userId: demo.users.supervisor.id,
        scope: 'assigned-or-supervised',
      });
      expect(supervised).toHaveLength(3);
    });
  });
}
