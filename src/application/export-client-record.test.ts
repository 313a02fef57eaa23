import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { exportClientRecord } from './export-client-record.js';
import type { Deps } from './ports.js';

const text = (body: Uint8Array) => new TextDecoder().decode(body);

for (const dialect of DIALECTS) {
  describe(`exportClientRecord on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(() => t.dispose());

    it('exports the current plan as a PDF and records export.pdf naming the client and the plan', async () => {
      const file = await exportClientRecord(deps, demo.as(demo.users.clinician), {
        clientId: demo.clients.depression,
        format: 'pdf',
      });
      expect(file).toMatchObject({ contentType: 'application/pdf', fileName: 'DEMO-001-treatment-plan-v1.pdf' });
      expect(text(file.body.subarray(0, 5))).toBe('%PDF-');
      const [event] = await deps.store.listAuditNewestFirst({ limit: 1, clientId: demo.clients.depression });
      expect(event).toMatchObject({
        action: 'export.pdf',
        clientIds: [demo.clients.depression],
        outcome: 'success',
        resource: expect.stringMatching(/^plan:/),
      });
    });

    it('exports a FHIR Bundle with the plan, goals, conditions and every score', async () => {
      const file = await exportClientRecord(deps, demo.cli, { clientId: demo.clients.panic, format: 'fhir' });
      const bundle = JSON.parse(text(file.body)) as { type: string; entry: { resource: { resourceType: string } }[] };
      const types = bundle.entry.map((e) => e.resource.resourceType);
      expect(bundle.type).toBe('collection');
      expect(types).toContain('CarePlan');
      expect(types).toContain('Condition');
      expect(types.filter((x) => x === 'Goal').length).toBeGreaterThan(1);
      const administrations = await deps.store.listAdministrations(demo.clients.panic);
      expect(types.filter((x) => x === 'QuestionnaireResponse')).toHaveLength(administrations.length);
      const [event] = await deps.store.listAuditNewestFirst({ limit: 1, clientId: demo.clients.panic });
      expect(event).toMatchObject({ action: 'export.fhir', actor: 'cli:test' });
    });

    it('exports scores as CSV, limited to the dates asked for, and accepts the record number for the client', async () => {
      const all = await deps.store.listAdministrations(demo.clients.ptsd);
      const days = [...new Set(all.map((a) => a.administeredOn))].sort();
      const from = days.at(-2) ?? '';
      const file = await exportClientRecord(deps, demo.cli, { clientId: 'DEMO-003', format: 'csv', from });
      const rows = text(file.body).trimEnd().split('\r\n').slice(1);
      expect(rows.length).toBe(all.filter((a) => a.administeredOn >= from).length);
      expect(rows.every((r) => r.startsWith('DEMO-003,'))).toBe(true);
    });

    it('lets an auditor export (read access) and answers not-found to a clinician without the client', async () => {
      await expect(
        exportClientRecord(deps, demo.as(demo.users.auditor), { clientId: demo.clients.ptsd, format: 'csv' }),
      ).resolves.toMatchObject({ format: 'csv' });
      await expect(
        exportClientRecord(deps, demo.as(demo.users.otherClinician), { clientId: demo.clients.ptsd, format: 'pdf' }),
      ).rejects.toMatchObject({ code: 'not-found' });
      await expect(
        exportClientRecord(deps, demo.as(demo.users.otherClinician), { clientId: 'DEMO-003', format: 'pdf' }),
      ).rejects.toMatchObject({ code: 'not-found' });
      const [event] = await deps.store.listAuditNewestFirst({ limit: 1, clientId: demo.clients.ptsd });
      expect(event).toMatchObject({ action: 'export.pdf', outcome: 'denied' });
    });

    it('refuses bad input after the access check: unknown format, from after to, a document for csv', async () => {
      const actor = demo.as(demo.users.clinician);
      const clientId = demo.clients.depression;
      for (const input of [
        { clientId, format: 'docx' },
        { clientId, format: 'csv', from: '2026-11-02', to: '2026-11-01' },
        { clientId, format: 'csv', document: 'plan' },
        { clientId, format: 'csv', from: '2026-13-01' },
      ]) {
        await expect(exportClientRecord(deps, actor, input as never)).rejects.toMatchObject({ code: 'invalid-input' });
      }
    });
  });
}
