import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/dialects.js';
import { buildTestApp, TestBrowser } from '../../../test/test-app.js';
import { csrfTokenFor, sessionCookieName } from './authenticate.js';

const ADMIN = { email: 'ana@example.org', name: 'Ana', password: 'correct horse battery' };

describe('registerAuthenticate', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterAll(() => t.dispose());

  it('sets a Secure __Host- cookie and sends HSTS behind https, and neither over plain http', async () => {
    const secure = await buildTestApp(t, { overrides: { publicUrl: 'https://cairn.example.org' } });
    await secure.app.inject({ method: 'POST', url: '/api/v1/setup', payload: ADMIN });
    const login = await secure.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://cairn.example.org' },
      payload: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    const cookie = login.cookies.find((c) => c.name === sessionCookieName(true));
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    await secure.app.close();

    const plain = await buildTestApp(t);
    const res = await plain.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    await plain.app.close();
  });

  it('derives a different CSRF token for every session token', () => {
    expect(csrfTokenFor('a')).not.toBe(csrfTokenFor('b'));
    expect(csrfTokenFor('a')).toBe(csrfTokenFor('a'));
  });

  it('refuses a request with a forged session cookie (401) and clears it', async () => {
    const { app } = await buildTestApp(t);
    const browser = new TestBrowser(app);
    browser.cookie = 'cairn_session=forged-token';
    const res = await browser.get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in first.' } });
    await app.close();
  });
});
