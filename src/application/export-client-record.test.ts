import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { HAS_PDFTOTEXT, pdfText } from '../../test/pdf-text.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { exportClientRecord } from './export-client-record.js';
import type { Deps } from './ports.js';
import { saveReviewDraft } from './save-review-draft.js';
import { signReview } from './sign-review.js';
import { startReview } from './start-review.js';

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
      expect(file).toMatchObject({ contentType: 'application/pdf', document: 'plan' });
      // Opaque: no name or record number of the client.
      expect(file.fileName).toMatch(/^cairn-plan-\d{8}-[0-9a-f]{12}\.pdf$/);
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
        { clientId, format: 'pdf', document: 'audit-packet', from: '2026-10-01' },
        { clientId, format: 'fhir', document: 'progress' },
        { clientId, format: 'pdf', purpose: 'x'.repeat(201) },
        { clientId, format: 'pdf', recipient: 'line\nbreak' },
      ]) {
        await expect(exportClientRecord(deps, actor, input as never)).rejects.toMatchObject({ code: 'invalid-input' });
      }
    });

    it.skipIf(!HAS_PDFTOTEXT)(
      'exports a review PDF: not-found before any review, the draft marked so, then the signed review with its signature',
      async () => {
        const clinician = demo.as(demo.users.clinician);
        const clientId = demo.clients.panic;
        const input = { clientId, format: 'pdf', document: 'review' } as const;
        await expect(exportClientRecord(deps, clinician, input)).rejects.toMatchObject({ code: 'not-found' });
        const draft = await startReview(deps, clinician, { clientId });
        const draftText = pdfText((await exportClientRecord(deps, clinician, input)).body);
        expect(draftText).toContain('Treatment plan review');
        expect(draftText).toContain('draft (not signed)');
        const saved = await saveReviewDraft(deps, clinician, {
          clientId,
          reviewId: draft.id,
          revision: draft.revision,
          reviewDate: draft.reviewDate,
          nextReviewDate: draft.nextReviewDate,
          summary: 'Panic attacks down; continue exposure.',
          goals: draft.goals.map((g) => ({
            goalId: g.goalId,
            outcome: 'partially-met',
            decision: 'continue',
            note: '',
          })),
        });
        await signReview(deps, clinician, { clientId, reviewId: saved.id, revision: saved.revision });
        const file = await exportClientRecord(deps, clinician, { ...input, reviewId: saved.id });
        const text = pdfText(file.body);
        for (const expected of [
          'Panic attacks down; continue exposure.',
          'partially met',
          'continue',
          `${demo.users.clinician.name}`,
          '— signed',
          draft.goals[0]?.statement.slice(0, 30) ?? '',
          'Reliable change',
        ]) {
          expect(text).toContain(expected);
        }
        const [event] = await deps.store.listAuditNewestFirst({ limit: 1, clientId });
        expect(event?.resource).toBe(`review:${saved.id}?document=review`);
      },
    );

    it.skipIf(!HAS_PDFTOTEXT)(
      'exports a progress report whose text names every target with baseline, latest, change, reliable change and status',
      async () => {
        const file = await exportClientRecord(deps, demo.as(demo.users.clinician), {
          clientId: demo.clients.depression,
          format: 'pdf',
          document: 'progress',
          purpose: 'payer progress review',
          recipient: 'Acme Health Plan',
        });
        expect(file.fileName).toMatch(/^cairn-progress-\d{8}-[0-9a-f]{12}\.pdf$/);
        const text = pdfText(file.body);
        const plan = await deps.store.findCurrentPlan(demo.clients.depression);
        const scores = await deps.store.listAdministrations(demo.clients.depression, 'phq9');
        const latest = [...scores].sort((a, b) => a.administeredAt.localeCompare(b.administeredAt)).at(-1);
        for (const expected of [
          'Progress report',
          'DEMO-001',
          'Goal 1 target: PHQ-9 total',
          'Baseline',
          `Latest ${latest?.total} on ${latest?.administeredOn}`,
          'Reliable change',
          'Expected trajectory',
          'measured values (solid), expected trajectory (dashed)',
          ...(plan?.goals.map((g) => g.clientWords ?? g.statement) ?? []),
        ]) {
          expect(text).toContain(expected);
        }
        expect(text).toMatch(/Status (on track|off track|met|overdue|not started|no data)/);
        const [event] = await deps.store.listAuditNewestFirst({ limit: 1, clientId: demo.clients.depression });
        expect(event?.action).toBe('export.pdf');
        const query = new URLSearchParams(event?.resource?.split('?')[1]);
        expect(event?.resource).toMatch(/^plan:/);
        expect(Object.fromEntries(query)).toEqual({
          document: 'progress',
          purpose: 'payer progress review',
          recipient: 'Acme Health Plan',
        });
      },
    );

    it.skipIf(!HAS_PDFTOTEXT)(
      'exports an audit packet with the plan version, its signature and content hash, the scores and the audit trail',
      async () => {
        const scores = await deps.store.listAdministrations(demo.clients.ptsd);
        const days = scores.map((a) => a.administeredOn).sort();
        const from = days[0] ?? '';
        const to = days.at(-1) ?? '';
        await exportClientRecord(deps, demo.as(demo.users.clinician), { clientId: demo.clients.ptsd, format: 'csv' });
        const file = await exportClientRecord(deps, demo.as(demo.users.auditor), {
          clientId: demo.clients.ptsd,
          format: 'pdf',
          document: 'audit-packet',
          from,
          to: '2099-12-31',
        });
        const text = pdfText(file.body);
        const plan = await deps.store.findCurrentPlan(demo.clients.ptsd);
        if (!plan?.clinicianSignature || !plan.contentHash) throw new Error('the demo plan is signed');
        for (const expected of [
          'Audit packet',
          'DEMO-003',
          `Plan version ${plan.version} (signed)`,
          plan.clinicianSignature.name,
          plan.contentHash,
          'Scores',
          'PCL-5',
          'Audit trail',
          'export.csv',
          'page 1 of',
        ]) {
          expect(text).toContain(expected);
        }
        expect(text).toContain(`${from} to 2099-12-31`);
        expect(to >= from).toBe(true);
        expect(text.match(/PCL-5/g)?.length ?? 0).toBeGreaterThanOrEqual(
          scores.filter((a) => a.instrumentId === 'pcl5').length,
        );
      },
    );

    it('exports the behaviour logs as CSV beside the scores', async () => {
      const file = await exportClientRecord(deps, demo.cli, {
        clientId: demo.clients.panic,
        format: 'csv',
        document: 'behavior-logs',
      });
      const behaviors = await deps.store.listBehaviors(demo.clients.panic);
      const logs = (await Promise.all(behaviors.map((b) => deps.store.listBehaviorLogs(b.id)))).flat();
      const lines = text(file.body).trimEnd().split('\r\n');
      expect(lines[0]).toBe('record_number,period_start,behavior,period,count,unit,direction,behavior_id,log_id');
      expect(lines).toHaveLength(logs.length + 1);
    });
  });
}
