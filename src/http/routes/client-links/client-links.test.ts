import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';
import { clientLinkTokenHash } from '../../../application/create-client-link.js';

const PUBLIC_URL = 'http://cairn.example.org';
const DAY = 86_400_000;

/** The token of a client link URL (it sits in the fragment). */
function tokenOf(url: string): string {
  const match = /#t=([^&]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`no token in ${url}`);
  return decodeURIComponent(match[1]);
}

for (const dialect of DIALECTS) {
  describe(`client links on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let clinician: TestBrowser;
    let clientId: string;

    /** The client page's API, as the phone calls it: the token in the X-Cairn-Link header. */
    const page = (method: 'GET' | 'PUT' | 'POST', url: string, token: string, payload?: object) =>
      ctx.app.inject({
        method,
        url,
        headers: { 'x-cairn-link': token },
        ...(payload ? { payload } : {}),
      });

    const createLink = async (body: object, id = clientId) => clinician.post(`/api/v1/clients/${id}/links`, body);

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t, { overrides: { publicUrl: PUBLIC_URL } });
      demo = await seedDemoPractice(ctx.deps);
      clinician = await sessionFor(ctx, demo.users.clinician);
      clientId = demo.clients.depression;
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('refuses a link until the client’s consent to be contacted this way is recorded with its date', async () => {
      // The demo clients have both consents; a new client has none.
      const fresh = (
        await clinician.post('/api/v1/clients', { firstName: 'Nia', lastName: 'Okafor', dateOfBirth: '1991-05-06' })
      ).json().id as string;
      const refused = await createLink({ purpose: 'measures', instruments: ['phq9'] }, fresh);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('consent-required');
      // Consent to treatment is not consent to be contacted.
      const treatment = await clinician.post(`/api/v1/clients/${fresh}/consents`, {
        kind: 'treatment',
        method: 'written',
      });
      expect(treatment.statusCode).toBe(201);
      expect((await createLink({ purpose: 'measures', instruments: ['phq9'] }, fresh)).statusCode).toBe(409);
      expect(
        (await clinician.post(`/api/v1/clients/${fresh}/consents`, { kind: 'contact', method: 'by pigeon' }))
          .statusCode,
      ).toBe(400);

      const future = await clinician.post(`/api/v1/clients/${fresh}/consents`, {
        kind: 'contact',
        method: 'verbal',
        givenOn: '2027-01-01',
        givenBy: 'client',
      });
      expect(future.statusCode).toBe(400);
      const consent = await clinician.post(`/api/v1/clients/${fresh}/consents`, {
        kind: 'contact',
        method: 'verbal',
        givenOn: '2026-11-20',
        givenBy: 'client',
      });
      expect(consent.statusCode).toBe(201);
      expect(consent.json()).toMatchObject({
        kind: 'contact',
        method: 'verbal',
        givenOn: '2026-11-20',
        givenBy: 'client',
      });
      const list = await clinician.get(`/api/v1/clients/${fresh}/consents`);
      // Both recorded at the same instant of the test clock, so their order is the id's: compare as a set.
      expect(
        list
          .json()
          .items.map((c: { kind: string }) => c.kind)
          .sort(),
      ).toEqual(['contact', 'treatment']);
      expect((await createLink({ purpose: 'measures', instruments: ['phq9'] }, fresh)).statusCode).toBe(201);
      const demoConsents = (await clinician.get(`/api/v1/clients/${clientId}/consents`)).json().items;
      expect(demoConsents.map((c: { kind: string }) => c.kind).sort()).toEqual(['contact', 'treatment']);
    });

    it('creates a link: 201 {url, expiresAt}, absolute from the public URL whatever the Host, expiring in 7 days', async () => {
      const res = await clinician.post(
        `/api/v1/clients/${clientId}/links`,
        { purpose: 'measures', instruments: ['phq9'] },
        { headers: { host: 'evil.example.com' } },
      );
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['expiresAt', 'url']);
      expect(body.url.startsWith(`${PUBLIC_URL}/l#t=`)).toBe(true);
      expect(new Date(body.expiresAt).getTime()).toBe(ctx.clock.now().getTime() + 7 * DAY);
      const token = tokenOf(body.url);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);

      // Only a SHA-256 of the token is stored: the token appears in no column of the link's row.
      const rows = await sql<Record<string, unknown>>`select * from client_link`.execute(t.db);
      expect(JSON.stringify(rows.rows)).not.toContain(token);
      expect(rows.rows.map((r) => String(r.token_hash))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{64}$/)]),
      );

      // The list shows the link without any secret.
      const list = await clinician.get(`/api/v1/clients/${clientId}/links`);
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(token);
      expect(list.json().items[0]).toMatchObject({ purpose: 'measures', instruments: ['phq9'], state: 'open' });
      expect(list.json().items[0]).not.toHaveProperty('tokenHash');
    });

    it('refuses unknown instruments, instruments without their wording, and instruments on other purposes', async () => {
      expect((await createLink({ purpose: 'measures', instruments: ['nope'] })).statusCode).toBe(404);
      expect((await createLink({ purpose: 'measures', instruments: [] })).statusCode).toBe(400);
      expect((await createLink({ purpose: 'log', instruments: ['phq9'] })).statusCode).toBe(400);
      expect(
        (await createLink({ purpose: 'measures', instruments: ['phq9'], deliver: 'email' })).json().error.code,
      ).toBe('email-unavailable');
    });

    it('keeps answers saved as the client goes, then scores the submission at once with source link and raises the critical alert', async () => {
      const url = (await createLink({ purpose: 'measures', instruments: ['phq9'] })).json().url;
      const token = tokenOf(url);

      // First, the client opens the link on their phone: the practice name and their first name only.
      const opened = await page('GET', '/api/v1/link', token);
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.headers['cache-control']).toBe('no-store');
      const context = opened.json();
      const client = await ctx.deps.store.findClientById(clientId);
      expect(context.practiceName).toBe(demo.practice.name);
      expect(context.firstName).toBe(client?.preferredName || client?.givenName);
      expect(opened.body).not.toContain(client?.familyName);
      expect(opened.body).not.toContain(client?.dateOfBirth);
      expect(context.instruments[0].items).toHaveLength(9);
      expect(context.instruments[0].copyright).toMatch(/Pfizer/);
      expect(context.instruments[0].criticalItems).toEqual([{ item: 9, minValue: 1 }]);

      // They answer the first four items; the connection drops; reopening shows them again.
      const saved = await page('PUT', '/api/v1/link/answers', token, { instrument: 'phq9', answers: [2, 2, 1, 1] });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ critical: false });
      const again = (await page('GET', '/api/v1/link', token)).json();
      expect(again.answers).toEqual({ phq9: [2, 2, 1, 1] });
      expect((await page('PUT', '/api/v1/link/answers', token, { instrument: 'phq9', answers: [7] })).statusCode).toBe(
        400,
      );
      expect((await page('PUT', '/api/v1/link/answers', token, { instrument: 'gad7', answers: [1] })).statusCode).toBe(
        400,
      );

      // Item 9 answered above 0: the answer save already says so (the page shows the crisis text) …
      const critical = await page('PUT', '/api/v1/link/answers', token, {
        instrument: 'phq9',
        answers: [2, 2, 1, 1, 2, 1, 1, 0, 1],
      });
      expect(critical.json()).toEqual({ critical: true });

      // … and the submission is scored at once, with the crisis text back and the clinician's alert raised.
      const submitted = await page('POST', '/api/v1/link/submit', token, {});
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json()).toEqual({
        purpose: 'measures',
        critical: true,
        crisisText: demo.practice.settings.crisisText,
      });
      const administrations = (await clinician.get(`/api/v1/clients/${clientId}/administrations`)).json();
      const fromLink = administrations.items.find((a: { source: string }) => a.source === 'link');
      expect(fromLink).toMatchObject({ instrument: 'phq9', answers: [2, 2, 1, 1, 2, 1, 1, 0, 1], recordedBy: null });
      expect(fromLink.score.total).toBe(11);
      const alerts = await ctx.deps.store.listAlerts(clientId, { open: true });
      expect(alerts.map((a) => a.alert.code)).toContain('critical-item-answered');

      // Every use is in the audit trail under the link.
      const link = (await ctx.deps.store.listClientLinks(clientId)).find((l) => l.usedAt !== null);
      const events = (await ctx.deps.store.listAudit({ limit: 100_000 })).filter((e) => e.actor === `link:${link?.id}`);
      expect(events.map((e) => e.action)).toEqual(
        expect.arrayContaining([
          'client-link.open',
          'client-link.answers.save',
          'client-link.submit',
          'administration.create',
          'alert.raise.critical-item-answered',
        ]),
      );
      expect(await ctx.deps.store.verifyAudit()).toMatchObject({ ok: true });

      // A submission link works once: a second submission and a reopening find it used, with no data.
      const reuse = await page('POST', '/api/v1/link/submit', token, {});
      expect(reuse.statusCode).toBe(404);
      expect(reuse.json()).toEqual({ error: { code: 'link-unavailable', message: expect.any(String) } });
      const reopened = await page('GET', '/api/v1/link', token);
      expect(reopened.statusCode).toBe(404);
      expect(reopened.body).not.toContain(demo.practice.name);
      const list = (await clinician.get(`/api/v1/clients/${clientId}/links`)).json();
      expect(list.items.map((l: { state: string }) => l.state)).toContain('used');
    });

    it('refuses an unscorable submission without using the link', async () => {
      const token = tokenOf((await createLink({ purpose: 'measures', instruments: ['phq9'] })).json().url);
      const res = await page('POST', '/api/v1/link/submit', token, { answers: { phq9: [1, 1] } });
      expect(res.statusCode).toBe(400);
      expect((await page('GET', '/api/v1/link', token)).statusCode).toBe(200);
    });

    it('shows nothing for an expired, revoked, unknown or malformed link', async () => {
      const expiring = tokenOf((await createLink({ purpose: 'measures', instruments: ['gad7'] })).json().url);
      const revoked = tokenOf((await createLink({ purpose: 'measures', instruments: ['gad7'] })).json().url);
      const revokedId = (await ctx.deps.store.listClientLinks(clientId)).find(
        (l) => l.tokenHash === clientLinkTokenHash(ctx.deps, revoked),
      )?.id;
      const del = await clinician.request('DELETE', `/api/v1/clients/${clientId}/links/${revokedId}`);
      expect(del.statusCode).toBe(204);
      expect((await clinician.request('DELETE', `/api/v1/clients/${clientId}/links/${revokedId}`)).statusCode).toBe(
        404,
      );
      expect((await page('GET', '/api/v1/link', expiring)).statusCode).toBe(200);
      expect((await page('GET', '/api/v1/link', revoked)).statusCode).toBe(404);

      ctx.clock.advance(7 * DAY + 1000);
      try {
        const expired = await page('GET', '/api/v1/link', expiring);
        expect(expired.statusCode).toBe(404);
        expect(expired.json().error.code).toBe('link-unavailable');
      } finally {
        ctx.clock.advance(-(7 * DAY + 1000));
      }

      const guess = Buffer.alloc(32, 7).toString('base64url');
      for (const token of [guess, 'short', '', `${guess}x`]) {
        const res = await page('GET', '/api/v1/link', token);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('link-unavailable');
      }
      const none = await ctx.app.inject({ method: 'POST', url: '/api/v1/link/submit', payload: {} });
      expect(none.statusCode).toBe(404);
      // The guesses are audited too (as anonymous, refused).
      const events = await ctx.deps.store.listAudit({ limit: 100_000 });
      expect(events.filter((e) => e.action === 'client-link.open' && e.outcome === 'denied').length).toBeGreaterThan(3);
    });

    it('records today’s counts of the client’s behaviours through a log link', async () => {
      const behavior = await clinician.post(`/api/v1/clients/${clientId}/behaviors`, {
        name: 'Panic attacks',
        period: 'week',
        direction: 'decrease',
      });
      expect(behavior.statusCode).toBe(201);
      const behaviorId = behavior.json().id;
      const token = tokenOf((await createLink({ purpose: 'log' })).json().url);
      const context = (await page('GET', '/api/v1/link', token)).json();
      const shown = context.behaviors.find((b: { id: string }) => b.id === behaviorId);
      expect(shown).toMatchObject({ name: 'Panic attacks', period: 'week', periodStart: '2026-11-23' });
      const res = await page('POST', '/api/v1/link/submit', token, { counts: [{ behaviorId, count: 3 }] });
      expect(res.statusCode, res.body).toBe(200);
      const logs = await ctx.deps.store.listBehaviorLogs(behaviorId);
      expect(logs).toEqual([expect.objectContaining({ count: 3, source: 'link', periodStart: '2026-11-23' })]);
    });

    it('stores an endorsement in the client’s own words on the signed version, with the content hash endorsed', async () => {
      const plan = (await clinician.get(`/api/v1/clients/${clientId}/plan`)).json();
      expect(plan.status).toBe('signed');
      const token = tokenOf((await createLink({ purpose: 'endorse' })).json().url);
      const context = (await page('GET', '/api/v1/link', token)).json();
      expect(context.goals.map((g: { statement: string }) => g.statement)).toEqual(
        plan.goals.map((g: { statement: string }) => g.statement),
      );
      const goalId = context.goals[0].id;
      const missingName = await page('POST', '/api/v1/link/submit', token, { date: '2026-11-26' });
      expect(missingName.statusCode).toBe(400);
      const res = await page('POST', '/api/v1/link/submit', token, {
        goals: [{ goalId, words: 'I want to enjoy my Sunday walks again' }],
        typedName: 'Sam',
        date: '2026-11-26',
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = (await clinician.get(`/api/v1/clients/${clientId}/plan`)).json();
      expect(after.contentHash).toBe(plan.contentHash);
      expect(after.goals[0].endorsement).toEqual({
        date: '2026-11-26',
        method: 'link',
        words: 'I want to enjoy my Sunday walks again',
      });
      expect(after.goals.every((g: { endorsement: unknown }) => g.endorsement !== null)).toBe(true);
      const records = await ctx.deps.store.listPlanEndorsements(plan.id);
      expect(records).toEqual([
        expect.objectContaining({ contentHash: plan.contentHash, typedName: 'Sam', endorsedOn: '2026-11-26' }),
      ]);
    });

    it('serves the client page at /l, never cached, with the strict CSP', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/l' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'/);
    });

    it('keeps link routes to clinicians in reach', async () => {
      const other = await sessionFor(ctx, demo.users.otherClinician);
      expect((await other.post(`/api/v1/clients/${clientId}/links`, { purpose: 'log' })).statusCode).toBe(404);
      expect((await other.get(`/api/v1/clients/${clientId}/links`)).statusCode).toBe(404);
      const auditor = await sessionFor(ctx, demo.users.auditor);
      expect((await auditor.post(`/api/v1/clients/${clientId}/links`, { purpose: 'log' })).statusCode).toBe(403);
    });
  });

  describe(`client page rate limit on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t, { overrides: { linkLimit: { max: 3, timeWindow: 60_000 } } });
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('answers 429 once an address has made too many link requests (guessing is slowed down)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const token = Buffer.alloc(32, i).toString('base64url');
        statuses.push(
          (await ctx.app.inject({ method: 'GET', url: '/api/v1/link', headers: { 'x-cairn-link': token } })).statusCode,
        );
      }
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    });
  });
}
