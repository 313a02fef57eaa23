import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { HAS_PDFTOTEXT, pdfText } from '../../../../test/pdf-text.js';
import { type DemoPractice, seedDemoPractice } from '../../../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';

for (const dialect of DIALECTS) {
  describe(`GET /clients/{clientId}/exports on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let clinician: TestBrowser;
    let auditor: TestBrowser;
    let otherClinician: TestBrowser;
    const url = (clientId: string, query: string) => `/api/v1/clients/${clientId}/exports?${query}`;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      demo = await seedDemoPractice(ctx.deps);
      clinician = await sessionFor(ctx, demo.users.clinician);
      auditor = await sessionFor(ctx, demo.users.auditor);
      otherClinician = await sessionFor(ctx, demo.users.otherClinician);
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('answers the progress report as a PDF download with an opaque name, no-store, and audits purpose and recipient', async () => {
      const clientId = demo.clients.depression;
      const res = await clinician.get(
        url(clientId, 'format=pdf&document=progress&purpose=payer%20review&recipient=Acme%20Health%20Plan'),
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="cairn-progress-\d{8}-[0-9a-f]{12}\.pdf"$/,
      );
      expect(String(res.headers['content-disposition'])).not.toMatch(/DEMO|Jordan|Avery/i);
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (HAS_PDFTOTEXT) expect(pdfText(res.rawPayload)).toContain('Goal 1 target: PHQ-9 total');
      const events = await ctx.deps.store.listAuditNewestFirst({ limit: 3, clientId });
      const exported = events.filter((e) => e.action === 'export.pdf');
      expect(exported).toHaveLength(1);
      expect(exported[0]?.actor).toBe(`user:${demo.users.clinician.id}`);
      expect(exported[0]?.resource).toMatch(/document=progress&purpose=payer\+review&recipient=Acme\+Health\+Plan$/);
    });

    it('answers FHIR as application/fhir+json and CSV as text/csv; an auditor may export the audit packet', async () => {
      const fhir = await clinician.get(url(demo.clients.panic, 'format=fhir'));
      expect(fhir.statusCode).toBe(200);
      expect(fhir.headers['content-type']).toBe('application/fhir+json');
      expect(fhir.json().resourceType).toBe('Bundle');
      const csv = await clinician.get(url(demo.clients.panic, 'format=csv&document=behavior-logs'));
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.body).toMatch(/^record_number,period_start,behavior,/);
      const packet = await auditor.get(
        url(demo.clients.ptsd, 'format=pdf&document=audit-packet&from=2026-01-01&to=2099-12-31'),
      );
      expect(packet.statusCode, packet.body.slice(0, 300)).toBe(200);
      if (HAS_PDFTOTEXT)
        expect(pdfText(packet.rawPayload)).toMatch(/Audit packet .*Content hash \(SHA-256\) [0-9a-f]{64}/);
    });

    it('answers 400 with a reason for bad input (audit packet without a period, bad format), 404 for no review', async () => {
      const clientId = demo.clients.depression;
      const review = await clinician.get(url(clientId, 'format=pdf&document=review'));
      expect(review.statusCode).toBe(404);
      expect(review.body).toMatch(/No review is recorded/);
      expect((await clinician.get(url(clientId, 'format=pdf&document=audit-packet'))).statusCode).toBe(400);
      expect((await clinician.get(url(clientId, 'format=docx'))).statusCode).toBe(400);
      expect((await clinician.get(url(clientId, 'format=csv&from=2026-11-02&to=2026-11-01'))).statusCode).toBe(400);
    });

    it('answers 404 for a client out of reach and writes the refusal to the audit trail', async () => {
      const res = await otherClinician.get(url(demo.clients.ptsd, 'format=pdf'));
      expect(res.statusCode).toBe(404);
      const [event] = await ctx.deps.store.listAuditNewestFirst({ limit: 1, clientId: demo.clients.ptsd });
      expect(event).toMatchObject({ action: 'export', outcome: 'denied' });
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`POST /clients/{clientId}/imports on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let clinician: TestBrowser;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      demo = await seedDemoPractice(ctx.deps);
      clinician = await sessionFor(ctx, demo.users.clinician);
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('imports an exported Bundle sent as application/fhir+json into another client, then skips it as duplicates', async () => {
      const exported = await clinician.get(`/api/v1/clients/${demo.clients.depression}/exports?format=fhir`);
      const created = await clinician.post('/api/v1/clients', {
        firstName: 'Imported',
        lastName: 'Client',
        dateOfBirth: '1990-01-01',
      });
      expect(created.statusCode, created.body).toBe(201);
      const clientId = created.json().id as string;
      const res = await clinician.request('POST', `/api/v1/clients/${clientId}/imports`, exported.body, {
        headers: { 'content-type': 'application/fhir+json' },
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const original = await ctx.deps.store.listAdministrations(demo.clients.depression);
      expect(res.json()).toMatchObject({ imported: original.length, duplicates: 0 });
      const again = await clinician.post(`/api/v1/clients/${clientId}/imports`, JSON.parse(exported.body));
      expect(again.json()).toMatchObject({ imported: 0, duplicates: original.length });
    });

    it('refuses a body over 2 MiB with 413 and a body that is no Bundle with 400', async () => {
      const url = `/api/v1/clients/${demo.clients.depression}/imports`;
      const big = { resourceType: 'Bundle', type: 'collection', entry: [], padding: 'x'.repeat(2 * 1024 * 1024) };
      expect((await clinician.post(url, big)).statusCode).toBe(413);
      const notBundle = await clinician.post(url, { resourceType: 'Patient' });
      expect(notBundle.statusCode).toBe(400);
    });
  });
}
