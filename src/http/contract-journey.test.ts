import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { buildTestApp, type TestApp, TestBrowser, totpCode } from '../../test/test-app.js';

/**
 * Issue 5's "done when", through the contract alone, as a script would do it: set up, the admin creates a
 * clinician, the clinician sets a password from the one-time link and signs in with a second factor, creates a
 * client, records a PHQ-9 and reads progress. Only the documented paths and fields are used; every body is checked
 * against the contract's field names.
 */
for (const dialect of DIALECTS) {
  describe(`the issue-5 contract journey on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t);
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    /** Signs in with the contract: login, then the enrolment's first code; returns the recovery codes. */
    async function signIn(browser: TestBrowser, email: string, password: string): Promise<string[]> {
      const login = await browser.post('/api/v1/auth/login', { email, password });
      expect(login.statusCode).toBe(200);
      expect(login.json().mfaRequired).toBe(true);
      const { secret, otpauthUri } = login.json().mfaEnrolment;
      expect(otpauthUri).toMatch(/^otpauth:\/\//);
      const mfa = await browser.post('/api/v1/auth/mfa', { code: await totpCode(secret, ctx.clock) });
      expect(mfa.statusCode, mfa.body).toBe(200);
      expect(mfa.json()).toMatchObject({ user: { email }, csrfToken: expect.any(String) });
      return mfa.json().recoveryCodes;
    }

    it('sets up, creates a clinician, signs them in with a second factor, and records a PHQ-9', async () => {
      const setup = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'admin@example.org', name: 'Ada Admin', password: 'correct horse battery' },
      });
      expect(setup.statusCode).toBe(201);
      const admin = new TestBrowser(ctx.app);
      expect(await signIn(admin, 'admin@example.org', 'correct horse battery')).toHaveLength(10);

      const created = await admin.post('/api/v1/users', {
        email: 'cleo@example.org',
        name: 'Cleo Clinician',
        roles: ['clinician'],
      });
      expect(created.statusCode).toBe(201);
      const link = new URL(created.json().setPasswordUrl);
      const token = new URLSearchParams(link.hash.slice(1)).get('token');
      expect(token).toBeTruthy();
      const set = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/set-password',
        payload: { token, password: 'a long clinician passphrase' },
      });
      expect(set.statusCode).toBe(204);

      ctx.clock.advance(60_000);
      const clinician = new TestBrowser(ctx.app);
      await signIn(clinician, 'cleo@example.org', 'a long clinician passphrase');
      const me = await clinician.get('/api/v1/me');
      expect(me.json().user).toMatchObject({ email: 'cleo@example.org', roles: ['clinician'] });

      const client = await clinician.post('/api/v1/clients', {
        firstName: 'Jordan',
        lastName: 'Lee',
        dateOfBirth: '1990-04-02',
      });
      expect(client.statusCode).toBe(201);
      const clientId = client.json().id;
      const phq9 = await clinician.post(`/api/v1/clients/${clientId}/administrations`, {
        instrument: 'phq9',
        answers: [3, 3, 2, 2, 2, 2, 2, 1, 0],
      });
      expect(phq9.statusCode).toBe(201);
      expect(phq9.json()).toMatchObject({
        id: expect.any(String),
        administeredAt: expect.any(String),
        score: { instrument: 'phq9', total: 17, severity: 'moderately severe', prorated: false, flags: [] },
      });
      const list = (await clinician.get(`/api/v1/clients/${clientId}/administrations`)).json();
      expect(list.items.map((a: { id: string }) => a.id)).toEqual([phq9.json().id]);
      const progress = await clinician.get(`/api/v1/clients/${clientId}/progress`);
      expect(progress.statusCode).toBe(200);

      // The client is the clinician's: the admin (a clinician too, but not assigned) gets 404. Logout ends at once.
      expect((await admin.get(`/api/v1/clients/${clientId}`)).statusCode).toBe(404);
      expect((await clinician.post('/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await clinician.get('/api/v1/me')).statusCode).toBe(401);
    });
  });
}
