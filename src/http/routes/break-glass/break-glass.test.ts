import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, sql, type TestDatabase } from '../../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';

const REASON = 'Client called the front desk in crisis; primary clinician is on leave today.';
const NO_SUCH_CLIENT = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`break-glass emergency access on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let other: TestBrowser;
    let clinician: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let admin: TestBrowser;
    let client: string;
    let grantId: string;
    let grantedAt: Date;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
      demo = await seedDemoPractice(ctx.deps);
      other = await sessionFor(ctx, demo.users.otherClinician);
      clinician = await sessionFor(ctx, demo.users.clinician);
      supervisor = await sessionFor(ctx, demo.users.supervisor);
      auditor = await sessionFor(ctx, demo.users.auditor);
      admin = await sessionFor(ctx, demo.users.admin);
      client = demo.clients.ptsd;
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    const grants = async (query = '') => (await admin.get(`/api/v1/break-glass${query}`)).json().items as never[];

    it('keeps a client outside the caller’s reach at 404 before any grant', async () => {
      expect((await other.get(`/api/v1/clients/${client}`)).statusCode).toBe(404);
    });

    it('refuses a reason under 20 characters with 400 and stores nothing', async () => {
      const res = await other.post(`/api/v1/clients/${client}/break-glass`, { reason: 'urgent' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid-input');
      const blank = await other.post(`/api/v1/clients/${client}/break-glass`, { reason: ' '.repeat(30) });
      expect(blank.statusCode).toBe(400);
      expect(await grants()).toEqual([]);
      expect((await other.get(`/api/v1/clients/${client}`)).statusCode).toBe(404);
    });

    it('answers 404 for an unknown client, even with an invalid body (404 comes before 400)', async () => {
      const res = await other.post(`/api/v1/clients/${NO_SUCH_CLIENT}/break-glass`, { reason: 'x' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not-found');
    });

    it('refuses auditors and administrators without a clinical role (403)', async () => {
      for (const browser of [auditor, admin]) {
        const res = await browser.post(`/api/v1/clients/${client}/break-glass`, { reason: REASON });
        expect(res.statusCode).toBe(403);
        expect((await browser.post('/api/v1/break-glass/lookup', { recordNumber: 'DEMO-003' })).statusCode).toBe(403);
      }
      expect(await grants()).toEqual([]);
    });

    it('answers 409 already-in-reach to the assigned clinician and to the supervisor', async () => {
      for (const browser of [clinician, supervisor]) {
        const res = await browser.post(`/api/v1/clients/${client}/break-glass`, { reason: REASON });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('already-in-reach');
      }
    });

    it('finds a client by exact record number, showing only the id and initials', async () => {
      const res = await other.post('/api/v1/break-glass/lookup', { recordNumber: 'DEMO-003' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: client, initials: expect.stringMatching(/^([A-Z]\.){1,2}$/) });
      expect((await other.post('/api/v1/break-glass/lookup', { recordNumber: 'DEMO-00' })).statusCode).toBe(404);
    });

    it('grants read and write for 60 minutes (201), and a second request is already in reach', async () => {
      grantedAt = ctx.clock.now();
      const res = await other.post(`/api/v1/clients/${client}/break-glass`, { reason: REASON });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        clientId: client,
        expiresAt: new Date(grantedAt.getTime() + 60 * 60_000).toISOString(),
      });
      grantId = body.id;
      const again = await other.post(`/api/v1/clients/${client}/break-glass`, { reason: REASON });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('already-in-reach');
    });

    it('lets the grantee read and write the client while the grant is active', async () => {
      expect((await other.get(`/api/v1/clients/${client}`)).statusCode).toBe(200);
      expect((await other.get(`/api/v1/clients/${client}/plan`)).statusCode).toBe(200);
      expect((await other.get(`/api/v1/clients/${client}/progress`)).statusCode).toBe(200);
      const diagnosis = await other.post(`/api/v1/clients/${client}/diagnoses`, {
        code: 'Z63.0',
        description: 'Relationship distress',
      });
      expect(diagnosis.statusCode, diagnosis.body).toBe(201);
      const behavior = await other.post(`/api/v1/clients/${client}/behaviors`, {
        name: 'Crisis calls',
        period: 'week',
        direction: 'decrease',
      });
      expect(behavior.statusCode, behavior.body).toBe(201);
      // An invalid body under the grant is judged (400), not hidden (404).
      expect((await other.post(`/api/v1/clients/${client}/diagnoses`, { code: '' })).statusCode).toBe(400);
      // The grant is for this client only.
      expect((await other.get(`/api/v1/clients/${demo.clients.depression}`)).statusCode).toBe(404);
    });

    it('marks every audit event of the grantee on that client during the grant, and no other event', async () => {
      const events = await ctx.deps.store.listAudit({ limit: 100_000 });
      const granted = events.find((e) => e.action === 'break-glass.grant' && e.outcome === 'success');
      if (!granted) throw new Error('no grant event');
      // After the grant, every event of the grantee about the client is marked, except the refused second request
      // (409: it was not access) and the refusal on the other client.
      const during = events.filter(
        (e) =>
          e.seq >= granted.seq &&
          e.actor === `user:${demo.users.otherClinician.id}` &&
          e.clientIds.includes(client) &&
          !(e.action === 'break-glass.grant' && e.outcome !== 'success'),
      );
      expect(during.length).toBeGreaterThanOrEqual(7);
      for (const e of during) expect(e, e.action).toMatchObject({ breakGlassGrantId: grantId });
      expect(during.map((e) => e.action)).toEqual(expect.arrayContaining(['break-glass.grant', 'diagnosis.create']));
      const unmarked = events.filter((e) => !during.includes(e));
      for (const e of unmarked) expect(e.breakGlassGrantId ?? null, e.action).toBeNull();
      // The trail as the API shows it carries the marker too.
      const page = (await auditor.get(`/api/v1/audit?clientId=${client}&limit=200`)).json();
      const shown = (page.items as { seq: number; breakGlassGrantId?: string | null }[]).find(
        (e) => e.seq === granted.seq,
      );
      expect(shown?.breakGlassGrantId).toBe(grantId);
    });

    it('lists the grant for review, newest first, to admins and auditors only', async () => {
      const items = await grants('?unreviewed=true');
      expect(items).toEqual([
        expect.objectContaining({
          id: grantId,
          userId: demo.users.otherClinician.id,
          userName: demo.users.otherClinician.name,
          clientId: client,
          reason: REASON,
          createdAt: grantedAt.toISOString(),
          active: true,
          review: null,
        }),
      ]);
      expect((await auditor.get('/api/v1/break-glass')).statusCode).toBe(200);
      expect((await other.get('/api/v1/break-glass')).statusCode).toBe(403);
      expect((await clinician.get('/api/v1/break-glass')).statusCode).toBe(403);
    });

    it('ends the access when the grant expires: 404 again on read and write', async () => {
      ctx.clock.advance(61 * 60_000);
      // The old sessions idled out meanwhile; sign in again at the new time.
      other = await sessionFor(ctx, demo.users.otherClinician);
      admin = await sessionFor(ctx, demo.users.admin);
      auditor = await sessionFor(ctx, demo.users.auditor);
      expect((await other.get(`/api/v1/clients/${client}`)).statusCode).toBe(404);
      const write = await other.post(`/api/v1/clients/${client}/diagnoses`, { code: 'F43.10', description: 'PTSD' });
      expect(write.statusCode).toBe(404);
      expect((await grants())[0]).toMatchObject({ id: grantId, active: false });
    });

    it('lets an admin review the grant once, with a note; auditors may not', async () => {
      expect((await auditor.post(`/api/v1/break-glass/${grantId}/review`, { note: 'ok' })).statusCode).toBe(403);
      expect((await admin.post(`/api/v1/break-glass/${NO_SUCH_CLIENT}/review`, { note: 'ok' })).statusCode).toBe(404);
      const res = await admin.post(`/api/v1/break-glass/${grantId}/review`, {
        note: 'Crisis call confirmed with the on-call log.',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: grantId,
        review: { reviewedBy: demo.users.admin.id, note: 'Crisis call confirmed with the on-call log.' },
      });
      const twice = await admin.post(`/api/v1/break-glass/${grantId}/review`, { note: 'again' });
      expect(twice.statusCode).toBe(409);
      expect(await grants('?unreviewed=true')).toEqual([]);
      expect(await grants()).toHaveLength(1);
    });

    it('keeps the audit chain verifiable, and a removed marker breaks it', async () => {
      const verify = await auditor.get('/api/v1/audit/verify');
      expect(verify.json()).toMatchObject({ ok: true });
      const marked = (await ctx.deps.store.listAudit({ limit: 100_000 })).find((e) => e.breakGlassGrantId);
      if (!marked) throw new Error('no marked event');
      await sql`update audit_event set break_glass_grant_id = null where seq = ${marked.seq}`.execute(t.db);
      expect(await ctx.deps.store.verifyAudit()).toMatchObject({ ok: false, brokenAt: marked.seq });
      await sql`update audit_event set break_glass_grant_id = ${grantId} where seq = ${marked.seq}`.execute(t.db);
      expect(await ctx.deps.store.verifyAudit()).toMatchObject({ ok: true });
    });
  });
}
