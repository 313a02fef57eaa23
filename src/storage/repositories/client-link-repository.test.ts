import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../../test/test-deps.js';
import type { ClientLink, Deps } from '../../application/ports.js';

const NOW = '2026-11-26T12:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`client link repository on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(() => t.dispose());

    const newLink = (overrides: Partial<ClientLink> = {}): ClientLink => ({
      id: randomUUID(),
      clientId: demo.clients.depression,
      purpose: 'measures',
      instruments: ['phq9', 'gad7'],
      planId: null,
      tokenHash: randomUUID().replace(/-/g, ''),
      createdBy: 'user:x',
      createdAt: NOW,
      expiresAt: '2026-12-03T12:00:00.000Z',
      emailedAt: null,
      openedAt: null,
      usedAt: null,
      revokedAt: null,
      ...overrides,
    });

    it('finds a link by its token hash, consumes it once, and keeps answers per instrument', async () => {
      const link = newLink();
      await deps.store.insertClientLink(link);
      expect(await deps.store.findClientLinkByTokenHash(link.tokenHash)).toEqual(link);
      await deps.store.saveClientLinkAnswers(link.id, 'phq9', [1, null], NOW);
      await deps.store.saveClientLinkAnswers(link.id, 'phq9', [1, 2, 3], NOW);
      await deps.store.saveClientLinkAnswers(link.id, 'gad7', [0], NOW);
      expect(await deps.store.listClientLinkAnswers(link.id)).toEqual({ phq9: [1, 2, 3], gad7: [0] });
      expect(await deps.store.consumeClientLink(link.id, NOW)).toBe(true);
      expect(await deps.store.consumeClientLink(link.id, NOW)).toBe(false);
      expect(await deps.store.revokeClientLink(link.clientId, link.id, NOW)).toBe(false);
    });

    it('revokes only an open link of that client', async () => {
      const link = newLink();
      await deps.store.insertClientLink(link);
      expect(await deps.store.revokeClientLink(demo.clients.panic, link.id, NOW)).toBe(false);
      expect(await deps.store.revokeClientLink(link.clientId, link.id, NOW)).toBe(true);
      expect(await deps.store.consumeClientLink(link.id, NOW)).toBe(false);
    });

    it('sets endorsements only on a signed version with the content hash named, outside that hash', async () => {
      const plan = await deps.store.findCurrentPlan(demo.clients.depression);
      if (!plan?.contentHash) throw new Error('the demo plan is not signed');
      const goalId = plan.goals[0]?.id ?? '';
      const endorsement = { date: '2026-11-26', method: 'link' as const, words: 'In my words' };
      expect(await deps.store.setGoalEndorsements(plan.id, 'not-the-hash', [{ goalId, endorsement }])).toBe(false);
      expect(await deps.store.setGoalEndorsements(plan.id, plan.contentHash, [{ goalId, endorsement }])).toBe(true);
      const after = await deps.store.findPlanById(plan.id);
      expect(after?.goals[0]?.endorsement).toEqual(endorsement);
      expect(after?.contentHash).toBe(plan.contentHash);
      await deps.store.insertPlanEndorsement({
        id: randomUUID(),
        planId: plan.id,
        clientId: plan.clientId,
        linkId: null,
        contentHash: plan.contentHash,
        endorsedOn: '2026-11-26',
        typedName: 'Sam',
        method: 'link',
        recordedAt: NOW,
      });
      expect(await deps.store.listPlanEndorsements(plan.id)).toEqual([
        expect.objectContaining({ contentHash: plan.contentHash, typedName: 'Sam' }),
      ]);
    });

    it('lists consents newest first', async () => {
      const base = {
        clientId: demo.clients.ptsd,
        kind: 'contact' as const,
        method: 'verbal' as const,
        textVersion: null,
        givenBy: 'guardian' as const,
        recordedBy: 'user:x',
        withdrawnAt: null,
      };
      await deps.store.insertClientConsent({ ...base, id: randomUUID(), givenOn: '2026-11-01', recordedAt: NOW });
      await deps.store.insertClientConsent({
        ...base,
        id: randomUUID(),
        givenOn: '2026-11-20',
        recordedAt: '2026-11-26T13:00:00.000Z',
      });
      const byGuardian = (await deps.store.listClientConsents(demo.clients.ptsd)).filter(
        (c) => c.givenBy === 'guardian',
      );
      expect(byGuardian.map((c) => c.givenOn)).toEqual(['2026-11-20', '2026-11-01']);
    });
  });
}
