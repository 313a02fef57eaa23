import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { buildTestApp, sessionFor, signInAs, type TestApp, type TestBrowser } from '../../../../test/test-app.js';

const PASSWORD = 'a long enough password';
const PUBLIC_URL = 'http://cairn.example.org';

/** The token in a set-password link's fragment. */
function tokenOf(url: string): string {
  const match = /^http:\/\/cairn\.example\.org\/set-password#token=([A-Za-z0-9_-]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`not a set-password link: ${url}`);
  return match[1];
}

for (const dialect of DIALECTS) {
  describe(`staff lifecycle and API tokens on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let admin: TestBrowser;

    /** A request made by a script with an API token: no cookie, no CSRF header. */
    const bearer = (
      token: string,
      method: 'GET' | 'POST' | 'DELETE',
      url: string,
      payload?: object,
    ): Promise<LightMyRequestResponse> =>
      ctx.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload === undefined ? {} : { payload }),
      });

    /** The admin creates a staff account; returns its id and the token of its set-password link. */
    async function invite(email: string, roles: string[] = ['clinician']): Promise<{ id: string; token: string }> {
      const res = await admin.post('/api/v1/users', { email, name: email.split('@')[0], roles });
      expect(res.statusCode).toBe(201);
      return { id: res.json().id, token: tokenOf(res.json().setPasswordUrl) };
    }

    /** An account with a password set through its link and a complete session (TOTP enrolled). */
    async function onboard(email: string, roles: string[] = ['clinician']) {
      const { id, token } = await invite(email, roles);
      const set = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/set-password',
        payload: { token, password: PASSWORD },
      });
      expect(set.statusCode).toBe(204);
      const { browser } = await signInAs(ctx.app, ctx.clock, email, PASSWORD);
      return { id, browser };
    }

    const setPassword = (token: string, password = PASSWORD) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/auth/set-password', payload: { token, password } });
    const login = (email: string, password = PASSWORD) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t, { overrides: { publicUrl: PUBLIC_URL } });
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'owner@example.org', name: 'Owner', password: PASSWORD },
      });
      await signInAs(ctx.app, ctx.clock, 'owner@example.org', PASSWORD);
    });
    beforeEach(async () => {
      // Tests move the clock past the idle timeout: the administrator starts each one with a fresh session.
      const owner = await ctx.deps.store.findUserByEmail('owner@example.org');
      if (!owner) throw new Error('no owner');
      admin = await sessionFor(ctx, owner);
    });
    afterAll(async () => {
      await ctx.app.close();
      await t.dispose();
    });

    it('runs the script journey: invite, set password, sign in with TOTP, token, client and PHQ-9, revoke', async () => {
      // First, the administrator creates a clinician's account: the answer carries a one-time link (token in the
      // fragment, built from CAIRN_PUBLIC_URL whatever Host the request named).
      const created = await admin.request(
        'POST',
        '/api/v1/users',
        { email: 'cleo@example.org', name: 'Cleo Park', roles: ['clinician'] },
        { headers: { host: 'evil.example' } },
      );
      expect(created.statusCode).toBe(201);
      const body = created.json();
      expect(body).toMatchObject({ email: 'cleo@example.org', roles: ['clinician'], active: true });
      expect(body.setPasswordUrl.startsWith(`${PUBLIC_URL}/set-password#token=`)).toBe(true);
      expect(Date.parse(body.setPasswordExpiresAt) - ctx.clock.now().getTime()).toBe(72 * 3_600_000);
      expect(created.headers['cache-control']).toBe('no-store');
      const linkToken = tokenOf(body.setPasswordUrl);

      // Until the link is followed the account has no password that works.
      expect((await login('cleo@example.org', '')).statusCode).toBe(400);
      expect((await login('cleo@example.org', '!no-password')).statusCode).toBe(401);

      // A too-short password is refused and leaves the link usable; then the clinician sets a good one.
      const short = await setPassword(linkToken, 'too short');
      expect(short.statusCode).toBe(400);
      expect(short.json().error.code).toBe('invalid-input');
      expect((await setPassword(linkToken)).statusCode).toBe(204);
      const again = await setPassword(linkToken, 'another long password');
      expect(again.statusCode).toBe(400);
      expect(again.json().error.code).toBe('invalid-link');

      // The clinician signs in; TOTP enrolment is forced (otplib codes) before anything else.
      const first = await login('cleo@example.org');
      expect(first.json().stage).toBe('totp-enrolment-required');
      const { browser: cleo } = await signInAs(ctx.app, ctx.clock, 'cleo@example.org', PASSWORD);
      expect((await cleo.get('/api/v1/me')).json().stage).toBe('complete');

      // Then the clinician creates a token for a script; the secret is shown once.
      const made = await cleo.post('/api/v1/tokens', { name: 'import script', expiresInDays: 30 });
      expect(made.statusCode).toBe(201);
      const { id: tokenId, token } = made.json();
      expect(token).toMatch(/^cairn_[A-Za-z0-9_-]{43}$/);
      expect(Date.parse(made.json().expiresAt) - ctx.clock.now().getTime()).toBe(30 * 86_400_000);
      const listed = (await cleo.get('/api/v1/tokens')).json();
      expect(listed.items).toEqual([
        {
          id: tokenId,
          name: 'import script',
          createdAt: made.json().createdAt,
          expiresAt: made.json().expiresAt,
          lastUsedAt: null,
        },
      ]);
      expect(JSON.stringify(listed)).not.toContain(token);

      // The script registers a client and records a PHQ-9 with the bearer token alone: no cookie, no CSRF header.
      const client = await bearer(token, 'POST', '/api/v1/clients', {
        firstName: 'Fay',
        lastName: 'Lund',
        dateOfBirth: '1990-04-02',
      });
      expect(client.statusCode).toBe(201);
      const clientId = client.json().id;
      const phq9 = await bearer(token, 'POST', `/api/v1/clients/${clientId}/administrations`, {
        instrument: 'phq9',
        answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
      });
      expect(phq9.statusCode).toBe(201);
      expect(phq9.json().score).toMatchObject({ total: 8 });
      const assignments = (await cleo.get(`/api/v1/clients/${clientId}/assignments`)).json().items;
      expect(assignments).toMatchObject([{ userId: created.json().id, role: 'primary' }]);

      // A token cannot mint tokens nor use the session routes.
      expect((await bearer(token, 'POST', '/api/v1/tokens', { name: 'child' })).statusCode).toBe(403);
      expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(403);
      // It is audited as its user.
      const audit = await t.db
        .selectFrom('audit_event')
        .select(['actor', 'action'])
        .where('action', '=', 'client.create')
        .execute();
      expect(audit).toContainEqual({ actor: `user:${created.json().id}`, action: 'client.create' });

      // Only hashes are stored, never the link token nor the API token.
      const rows = JSON.stringify([
        await t.db.selectFrom('password_link').selectAll().execute(),
        await t.db.selectFrom('api_token').selectAll().execute(),
      ]);
      expect(rows).not.toContain(linkToken);
      expect(rows).not.toContain(token);
      expect(rows).not.toContain(token.slice('cairn_'.length));
      const stored = await t.db
        .selectFrom('api_token')
        .select('token_hash')
        .where('id', '=', tokenId)
        .executeTakeFirst();
      expect(stored?.token_hash).toBe(ctx.deps.digest.sha256(`cairn api token v1\n${token}`));
      const link = await t.db
        .selectFrom('password_link')
        .select(['token_hash', 'used_at'])
        .where('user_id', '=', created.json().id)
        .executeTakeFirst();
      expect(link).toEqual({
        token_hash: ctx.deps.digest.sha256(`cairn password link v1\n${linkToken}`),
        used_at: ctx.clock.now().toISOString(),
      });

      // Finally the clinician revokes the token: the script is refused at once.
      expect((await cleo.request('DELETE', `/api/v1/tokens/${tokenId}`)).statusCode).toBe(204);
      const refused = await bearer(token, 'GET', '/api/v1/caseload');
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe('unauthenticated');
      expect((await cleo.get('/api/v1/tokens')).json().items).toEqual([]);
      expect((await cleo.request('DELETE', `/api/v1/tokens/${tokenId}`)).statusCode).toBe(404);
    });

    it('refuses an expired link and changes nothing', async () => {
      const { id, token } = await invite('dana@example.org');
      const before = await t.db.selectFrom('app_user').select('password_hash').where('id', '=', id).executeTakeFirst();
      ctx.clock.advance(72 * 3_600_000);
      const res = await setPassword(token);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid-link');
      // The failed attempt is in the audit trail, as an anonymous failure.
      const last = await t.db
        .selectFrom('audit_event')
        .select(['actor', 'action', 'outcome'])
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toEqual({ actor: 'anonymous', action: 'auth.password.set', outcome: 'failure' });
      const after = await t.db.selectFrom('app_user').select('password_hash').where('id', '=', id).executeTakeFirst();
      expect(after).toEqual(before);
      expect((await login('dana@example.org')).statusCode).toBe(401);
      const unused = await t.db.selectFrom('password_link').select('used_at').where('user_id', '=', id).execute();
      expect(unused).toEqual([{ used_at: null }]);
      expect((await setPassword('not-a-token')).json().error.code).toBe('invalid-link');
    });

    it('voids an older link when a newer one is issued (reset), and the newer one works', async () => {
      const { id, token: older } = await invite('eli@example.org');
      const reset = await admin.post(`/api/v1/users/${id}/reset-password`);
      expect(reset.statusCode).toBe(200);
      const newer = tokenOf(reset.json().setPasswordUrl);
      expect(newer).not.toBe(older);
      expect((await setPassword(older)).json().error.code).toBe('invalid-link');
      expect((await setPassword(newer)).statusCode).toBe(204);
      expect((await login('eli@example.org')).statusCode).toBe(200);
    });

    it('a reset ends the sessions, clears the password and revokes the API tokens of the user', async () => {
      const { id, browser: fay } = await onboard('fay@example.org');
      const token = (await fay.post('/api/v1/tokens', { name: 'sync' })).json().token;
      expect((await bearer(token, 'GET', '/api/v1/caseload')).statusCode).toBe(200);
      const reset = await admin.post(`/api/v1/users/${id}/reset-password`);
      expect(reset.statusCode).toBe(200);
      expect((await fay.get('/api/v1/me')).statusCode).toBe(401);
      expect((await login('fay@example.org')).statusCode).toBe(401);
      expect((await bearer(token, 'GET', '/api/v1/caseload')).statusCode).toBe(401);
      expect((await setPassword(tokenOf(reset.json().setPasswordUrl), 'a brand new passphrase')).statusCode).toBe(204);
      // The TOTP enrolment is kept: the next sign-in asks for a code.
      expect((await login('fay@example.org', 'a brand new passphrase')).json().stage).toBe('totp-required');
      // Only administrators reset passwords; an unknown user is 404.
      expect((await fay.post(`/api/v1/users/${id}/reset-password`)).statusCode).toBe(401);
      const unknown = await admin.post('/api/v1/users/00000000-0000-4000-8000-000000000000/reset-password');
      expect(unknown.statusCode).toBe(404);
    });

    it('refuses the token of a deactivated user, and acts with the current roles of its user', async () => {
      const { id, browser: gus } = await onboard('gus@example.org');
      const token = (await gus.post('/api/v1/tokens', { name: 'reports' })).json().token;
      expect(
        (await bearer(token, 'POST', '/api/v1/clients', { firstName: 'A', lastName: 'B', dateOfBirth: '1990-04-02' }))
          .statusCode,
      ).toBe(201);
      // A role change applies to the token at its next request.
      expect((await admin.request('PATCH', `/api/v1/users/${id}`, { roles: ['auditor'] })).statusCode).toBe(200);
      expect(
        (await bearer(token, 'POST', '/api/v1/clients', { firstName: 'C', lastName: 'D', dateOfBirth: '1990-04-02' }))
          .statusCode,
      ).toBe(403);
      expect((await bearer(token, 'GET', '/api/v1/users')).statusCode).toBe(200);
      // A deactivation refuses it (and revokes it: reactivating does not bring it back).
      expect((await admin.request('PATCH', `/api/v1/users/${id}`, { active: false })).statusCode).toBe(200);
      expect((await bearer(token, 'GET', '/api/v1/users')).statusCode).toBe(401);
      expect((await admin.request('PATCH', `/api/v1/users/${id}`, { active: true })).statusCode).toBe(200);
      expect((await bearer(token, 'GET', '/api/v1/users')).statusCode).toBe(401);
    });

    it('a token has no idle timeout but expires; creating one needs a complete session and valid fields', async () => {
      const { browser: hal } = await onboard('hal@example.org');
      const res = await hal.post('/api/v1/tokens', { name: 'short', expiresInDays: 1 });
      const token = res.json().token;
      ctx.clock.advance(2 * 3_600_000); // far past the 15-minute idle logout of sessions
      expect((await bearer(token, 'GET', '/api/v1/caseload')).statusCode).toBe(200);
      const used = await t.db
        .selectFrom('api_token')
        .select('last_used_at')
        .where('id', '=', res.json().id)
        .executeTakeFirst();
      expect(used?.last_used_at).toBe(ctx.clock.now().toISOString());
      ctx.clock.advance(22 * 3_600_000);
      expect((await bearer(token, 'GET', '/api/v1/caseload')).statusCode).toBe(401);
      expect((await bearer('cairn_nonsense', 'GET', '/api/v1/caseload')).statusCode).toBe(401);

      // A session still waiting for its TOTP code cannot create one.
      const waiting = new (hal.constructor as new (app: TestApp['app']) => TestBrowser)(ctx.app);
      expect(
        (await waiting.post('/api/v1/auth/login', { email: 'hal@example.org', password: PASSWORD })).json().stage,
      ).toBe('totp-required');
      const early = await waiting.post('/api/v1/tokens', { name: 'too early' });
      expect(early.statusCode).toBe(401);
      expect(early.json().error.code).toBe('second-factor-required');

      const owner = await ctx.deps.store.findUserByEmail('owner@example.org');
      if (!owner) throw new Error('no owner');
      admin = await sessionFor(ctx, owner);
      for (const body of [
        { name: '' },
        { name: 'x', expiresInDays: 0 },
        { name: 'x', expiresInDays: 366 },
        { name: 'x', scope: 'all' },
      ]) {
        expect((await admin.post('/api/v1/tokens', body)).statusCode).toBe(400);
      }
      // Without the CSRF header a cookie session is refused; the token needs none.
      expect((await admin.post('/api/v1/tokens', { name: 'x' }, { csrf: false })).statusCode).toBe(403);
    });

    it('ends every own session (logout-everywhere) and lets an admin end those of another user', async () => {
      const { id, browser: ivy } = await onboard('ivy@example.org');
      const ivySecond = (await signInAs(ctx.app, ctx.clock, 'ivy@example.org', PASSWORD).catch(() => null))?.browser;
      expect((await ivy.post('/api/v1/auth/logout-everywhere')).statusCode).toBe(204);
      expect((await ivy.get('/api/v1/me')).statusCode).toBe(401);
      if (ivySecond) expect((await ivySecond.get('/api/v1/me')).statusCode).toBe(401);

      const { browser: jo, id: joId } = await onboard('jo@example.org');
      const token = (await jo.post('/api/v1/tokens', { name: 'jo script' })).json().token;
      expect((await ivy.request('DELETE', `/api/v1/users/${joId}/sessions`)).statusCode).toBe(401);
      expect((await admin.request('DELETE', `/api/v1/users/${joId}/sessions`)).statusCode).toBe(204);
      expect((await jo.get('/api/v1/me')).statusCode).toBe(401);
      expect((await bearer(token, 'GET', '/api/v1/caseload')).statusCode).toBe(401);
      expect(id).not.toBe(joId);
    });

    it('moves every primary assignment of a departing clinician to another active clinician', async () => {
      const { id: kimId, browser: kim } = await onboard('kim@example.org');
      const { id: leeId } = await onboard('lee@example.org');
      const a = (
        await kim.post('/api/v1/clients', { firstName: 'Mo', lastName: 'Ng', dateOfBirth: '1990-04-02' })
      ).json().id;
      const b = (
        await kim.post('/api/v1/clients', { firstName: 'No', lastName: 'Og', dateOfBirth: '1990-04-02' })
      ).json().id;
      // Lee already helps with client b.
      expect(
        (await kim.post(`/api/v1/clients/${b}/assignments`, { userId: leeId, role: 'additional' })).statusCode,
      ).toBeLessThan(300);
      // Kim leaves: deactivated first, then the caseload goes to Lee.
      expect((await admin.request('PATCH', `/api/v1/users/${kimId}`, { active: false })).statusCode).toBe(200);
      expect((await kim.get('/api/v1/me')).statusCode).toBe(401);
      const refused = await admin.post(`/api/v1/users/${kimId}/reassign-caseload`, { toUserId: kimId });
      expect(refused.statusCode).toBe(409);
      const moved = await admin.post(`/api/v1/users/${kimId}/reassign-caseload`, { toUserId: leeId });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toEqual({ moved: 2 });
      for (const clientId of [a, b]) {
        const rows = await t.db
          .selectFrom('client_assignment')
          .select(['user_id', 'role'])
          .where('client_id', '=', clientId)
          .execute();
        expect(rows).toEqual([{ user_id: leeId, role: 'primary' }]);
      }
      const event = await t.db
        .selectFrom('audit_event')
        .select(['action', 'client_ids'])
        .where('action', '=', 'user.caseload.reassign')
        .where('outcome', '=', 'success')
        .orderBy('seq')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(event.client_ids).sort()).toEqual([a, b].sort());
      expect((await admin.post(`/api/v1/users/${kimId}/reassign-caseload`, { toUserId: leeId })).json()).toEqual({
        moved: 0,
      });
      // Not to a deactivated clinician, not by a non-admin, not with unknown fields.
      expect((await admin.post(`/api/v1/users/${leeId}/reassign-caseload`, { toUserId: kimId })).statusCode).toBe(409);
      expect(
        (await admin.post(`/api/v1/users/${kimId}/reassign-caseload`, { toUserId: leeId, all: true })).statusCode,
      ).toBe(400);
    });
  });
}
