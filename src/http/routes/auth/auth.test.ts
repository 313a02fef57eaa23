import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { buildTestApp, signInAs, type TestApp, TestBrowser, totpCode } from '../../../../test/test-app.js';
import { addUser } from '../../../application/add-user.js';
import { ensurePractice } from '../../../application/ensure-practice.js';

const ADMIN = { email: 'ana@example.org', name: 'Ana Ruiz', password: 'correct horse battery' };
const cli = { kind: 'cli' as const, osUser: 'test' };

for (const dialect of DIALECTS) {
  describe(`authRoutes on ${dialect}`, () => {
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

    it('creates the first administrator once (201), then answers 409', async () => {
      const first = await ctx.app.inject({ method: 'POST', url: '/api/v1/setup', payload: ADMIN });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ email: ADMIN.email, name: ADMIN.name, roles: ['admin', 'clinician'] });
      expect(first.json()).not.toHaveProperty('password');
      const second = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...ADMIN, email: 'other@example.org' },
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('conflict');
    });

    it('rejects an unknown body field with 400 and the error shape', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ADMIN.email, password: ADMIN.password, remember: true },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid-input');
      expect(res.json().error.issues.length).toBeGreaterThan(0);
    });

    it('signs in, enrols TOTP with a real authenticator code, and re-keys the session', async () => {
      // First, the administrator signs in with the password: enrolment is forced.
      const browser = new TestBrowser(ctx.app);
      const login = await browser.post('/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password });
      expect(login.statusCode).toBe(200);
      // The issue-5 contract: {mfaRequired: true, mfaEnrolment: {secret, otpauthUri}} and no user before the code.
      expect(login.json()).toMatchObject({ mfaRequired: true, stage: 'totp-enrolment-required' });
      expect(login.json().user).toBeUndefined();
      const { secret, otpauthUri } = login.json().mfaEnrolment;
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Cairn:ana%40example\.org\?/);
      expect(login.headers['cache-control']).toBe('no-store');
      const cookie = login.cookies.find((c) => c.name === 'cairn_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      const partialCookie = browser.cookie;

      // Before enrolling, client data stays out of reach, but /me answers with the stage.
      expect((await browser.get('/api/v1/me')).json().stage).toBe('totp-enrolment-required');

      // Then the authenticator's first code confirms the enrolment; that answer carries the recovery codes, once.
      const wrong = await browser.post('/api/v1/auth/mfa', { code: '000000' });
      expect(wrong.statusCode).toBe(401);
      const verified = await browser.post('/api/v1/auth/mfa', { code: await totpCode(secret, ctx.clock) });
      expect(verified.statusCode).toBe(200);
      expect(verified.json()).toMatchObject({
        mfaRequired: false,
        user: { email: ADMIN.email },
        stage: 'complete',
        method: 'totp',
        recoveryCodesLeft: 10,
      });
      expect(typeof verified.json().csrfToken).toBe('string');
      const recoveryCodes: string[] = verified.json().recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      expect(browser.cookie).not.toBe(partialCookie);
      const me = await browser.get('/api/v1/me');
      expect(me.json()).toMatchObject({ stage: 'complete', totpEnrolled: true, user: { email: ADMIN.email } });

      // The pre-TOTP cookie no longer works (no fixation across the privilege change).
      const stale = await ctx.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: partialCookie ?? '' },
      });
      expect(stale.statusCode).toBe(401);

      // A second sign-in now asks for the code; the same time step is never accepted twice.
      ctx.clock.advance(60_000);
      const again = new TestBrowser(ctx.app);
      expect((await again.post('/api/v1/auth/login', ADMIN_LOGIN)).json().stage).toBe('totp-required');
      const code = await totpCode(secret, ctx.clock);
      const second = await again.post('/api/v1/auth/mfa', { code });
      expect(second.statusCode).toBe(200);
      // Recovery codes are shown once: never again after the enrolment.
      expect(second.json().recoveryCodes).toBeUndefined();
      const third = new TestBrowser(ctx.app);
      await third.post('/api/v1/auth/login', ADMIN_LOGIN);
      expect((await third.post('/api/v1/auth/mfa', { code })).statusCode).toBe(401);

      // A recovery code works once, in any case and with or without dashes.
      const recovery = recoveryCodes[0] as string;
      const viaRecovery = await third.post('/api/v1/auth/mfa', { code: recovery.toUpperCase() });
      expect(viaRecovery.json()).toMatchObject({ stage: 'complete', method: 'recovery-code', recoveryCodesLeft: 9 });
      const fourth = new TestBrowser(ctx.app);
      await fourth.post('/api/v1/auth/login', ADMIN_LOGIN);
      expect((await fourth.post('/api/v1/auth/mfa', { code: recovery })).statusCode).toBe(401);

      // Enrolling again is refused: the account already has an authenticator.
      expect((await third.post('/api/v1/auth/mfa/enrol')).statusCode).toBe(409);
      ctx.clock.advance(16 * 60_000); // lets the second-factor failures above age out of any lock
    });

    it('refuses a wrong password with 401 and locks the address after 5 failures with 429 and Retry-After', async () => {
      const bad = { email: ADMIN.email, password: 'not the password at all' };
      for (let i = 1; i <= 5; i += 1) {
        const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: bad });
        expect(res.statusCode, `attempt ${i}`).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      }
      const locked = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN_LOGIN });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('too-many-attempts');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(900);
      // After the lockout the right password works again.
      ctx.clock.advance(15 * 60_000 + 1000);
      const after = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN_LOGIN });
      expect(after.statusCode).toBe(200);
    });

    it('answers an unknown e-mail exactly like a wrong password', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@example.org', password: 'whatever whatever' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'unauthenticated', message: 'The e-mail address or password is wrong.' },
      });
    });

    it('refuses an unsafe request without the CSRF token (403) and a cross-origin sign-in', async () => {
      const { browser } = await signInAsAdmin(ctx);
      const noToken = await browser.post('/api/v1/auth/logout', undefined, { csrf: false });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().error.code).toBe('forbidden');
      const wrongToken = await browser.post('/api/v1/auth/logout', undefined, {
        csrf: false,
        headers: { 'x-csrf-token': 'forged' },
      });
      expect(wrongToken.statusCode).toBe(403);
      const crossOrigin = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: 'https://evil.example' },
        payload: ADMIN_LOGIN,
      });
      expect(crossOrigin.statusCode).toBe(403);
      // The session still works: nothing was done.
      expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
    });

    it('signs out: the cookie is cleared and the old token is worthless', async () => {
      const { browser } = await signInAsAdmin(ctx);
      const token = browser.cookie ?? '';
      const out = await browser.post('/api/v1/auth/logout');
      expect(out.statusCode).toBe(204);
      expect(browser.cookie).toBeNull();
      const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: token } });
      expect(res.statusCode).toBe(401);
    });

    it('ends a session idle for 15 minutes, and any session after its absolute lifetime', async () => {
      const { browser } = await signInAsAdmin(ctx);
      ctx.clock.advance(14 * 60_000);
      expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
      ctx.clock.advance(15 * 60_000 + 1);
      const idle = await browser.get('/api/v1/me');
      expect(idle.statusCode).toBe(401);
      expect(idle.json().error.message).toMatch(/ended/);

      // Active every 14 minutes, it still ends twelve hours after sign-in.
      const active = (await signInAsAdmin(ctx)).browser;
      const start = ctx.clock.now().getTime();
      let status = 200;
      for (let i = 0; i < 100 && status === 200; i += 1) {
        ctx.clock.advance(14 * 60_000);
        status = (await active.get('/api/v1/me')).statusCode;
      }
      const lived = ctx.clock.now().getTime() - start;
      expect(status).toBe(401);
      expect(lived).toBeGreaterThanOrEqual(12 * 3_600_000);
      expect(lived).toBeLessThan(12 * 3_600_000 + 14 * 60_000);
    });

    it('limits sign-in requests per address (429 with Retry-After) on top of the per-account lockout', async () => {
      const t2 = await createTestDatabase(dialect);
      const limited = await buildTestApp(t2, { overrides: { attemptLimit: { max: 3, timeWindow: 60_000 } } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          const res = await limited.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: `someone${i}@example.org`, password: 'wrong password here' },
          });
          statuses.push(res.statusCode);
          if (res.statusCode === 429) {
            expect(res.json().error.code).toBe('too-many-attempts');
            expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          }
        }
        expect(statuses).toEqual([401, 401, 401, 429]);
      } finally {
        await limited.app.close();
        await t2.dispose();
      }
    });

    it('lets a clinician in with the password alone when the practice relaxed MFA, but never an admin', async () => {
      const t2 = await createTestDatabase(dialect);
      const other = await buildTestApp(t2);
      try {
        await other.deps.store.transaction((tx) =>
          ensurePractice(other.deps, tx, cli, { settings: { mfaRequired: false } }),
        );
        await addUser(other.deps, cli, { ...ADMIN, roles: ['admin'] });
        await addUser(other.deps, cli, {
          email: 'cleo@example.org',
          name: 'Cleo',
          password: 'another long password',
          roles: ['clinician'],
        });
        const clinician = await other.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'cleo@example.org', password: 'another long password' },
        });
        expect(clinician.json()).toMatchObject({ stage: 'complete' });
        const admin = await other.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN_LOGIN });
        expect(admin.json()).toMatchObject({ stage: 'totp-enrolment-required' });
        const me = new TestBrowser(other.app);
        await me.post('/api/v1/auth/login', { email: 'cleo@example.org', password: 'another long password' });
        expect((await me.get('/api/v1/me')).json().practice).toMatchObject({ mfaRequired: false });
      } finally {
        await other.app.close();
        await t2.dispose();
      }
    });

    it('wrote an audit event for every request, and the chain verifies', async () => {
      const events = await ctx.deps.store.listAudit({ limit: 10_000 });
      const actions = new Set(events.map((e) => e.action));
      for (const a of ['setup.first-admin', 'auth.login', 'auth.totp.enrol', 'auth.totp.confirm-enrolment']) {
        expect(actions).toContain(a);
      }
      expect(events.filter((e) => e.action === 'auth.login' && e.outcome === 'failure').length).toBeGreaterThan(4);
      expect(events.some((e) => e.action === 'auth.login' && e.outcome === 'denied')).toBe(true);
      expect(events.every((e) => e.origin === '127.0.0.1')).toBe(true);
      expect(await ctx.deps.store.verifyAudit()).toMatchObject({ ok: true, brokenAt: null });
    });
  });
}

const ADMIN_LOGIN = { email: ADMIN.email, password: ADMIN.password };

/** Signs the (already enrolled) administrator in with a fresh TOTP step. */
async function signInAsAdmin(ctx: TestApp): Promise<{ browser: TestBrowser }> {
  ctx.clock.advance(30_000);
  const browser = new TestBrowser(ctx.app);
  const login = await browser.post('/api/v1/auth/login', ADMIN_LOGIN);
  if (login.json().stage === 'totp-enrolment-required')
    return signInAs(ctx.app, ctx.clock, ADMIN.email, ADMIN.password);
  const secret = await adminSecret(ctx);
  const res = await browser.post('/api/v1/auth/mfa', { code: await totpCode(secret, ctx.clock) });
  if (res.statusCode !== 200) throw new Error(`totp ${res.statusCode} ${res.body}`);
  return { browser };
}

async function adminSecret(ctx: TestApp): Promise<string> {
  const user = await ctx.deps.store.findUserByEmail(ADMIN.email);
  const secrets = user ? await ctx.deps.store.findUserSecrets(user.id) : null;
  if (!user || !secrets?.totp.secret) throw new Error('admin not enrolled');
  return ctx.deps.secrets.open(secrets.totp.secret, `totp:${user.id}`);
}
