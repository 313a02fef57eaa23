import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../../test/test-deps.js';
import type { Deps } from '../../application/ports.js';

for (const dialect of DIALECTS) {
  describe(`updateFormulation on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(() => t.dispose());

    it('edits elements in place, keeping the ids goals link to, and bumps nothing else', async () => {
      const clientId = demo.clients.depression;
      const before = await deps.store.findFormulation(clientId);
      if (!before) throw new Error('the demo case has a formulation');
      const edited = { ...before, elements: before.elements.map((e) => ({ ...e, text: `${e.text} (edited)` })) };
      await deps.store.updateFormulation(edited, 'u', '2026-11-26T12:00:00.000Z');
      const after = await deps.store.findFormulation(clientId);
      expect(after?.id).toBe(before.id);
      expect(after?.elements.map((e) => e.id)).toEqual(before.elements.map((e) => e.id));
      expect(after?.elements.every((e) => e.text.endsWith('(edited)'))).toBe(true);
    });

    it('refuses to drop an element a goal still links to (invalid input), changing nothing', async () => {
      const clientId = demo.clients.depression;
      const before = await deps.store.findFormulation(clientId);
      if (!before) throw new Error('the demo case has a formulation');
      await expect(
        deps.store.transaction((tx) =>
          tx.updateFormulation({ ...before, elements: [] }, 'u', '2026-11-26T12:00:00.000Z'),
        ),
      ).rejects.toMatchObject({ code: 'invalid-input' });
      expect((await deps.store.findFormulation(clientId))?.elements).toHaveLength(before.elements.length);
    });

    it('adds new elements after the existing ones', async () => {
      const f = {
        id: '40000000-0000-4000-8000-000000000001',
        clientId: demo.clients.panic,
        problemAreas: ['panic' as const],
        elements: [
          { id: '40000000-0000-4000-8000-000000000002', kind: 'avoidance' as const, text: 'x', libraryKey: null },
        ],
      };
      const existing = await deps.store.findFormulation(demo.clients.panic);
      await deps.store.updateFormulation(
        existing ? { ...existing, elements: [...existing.elements, f.elements[0]!] } : f,
        'u',
        '2026-11-26T12:00:00.000Z',
      );
      const after = await deps.store.findFormulation(demo.clients.panic);
      expect(after?.elements.map((e) => e.id)).toContain('40000000-0000-4000-8000-000000000002');
    });
  });
}
