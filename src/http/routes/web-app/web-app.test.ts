import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/dialects.js';
import { buildTestApp } from '../../../../test/test-app.js';
import { findWebAppDir } from './index.js';

// A stand-in for dist/web: what `vite build` writes (index.html and hashed assets).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-web-'));
const INDEX =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/main-abc123.js"></script></body></html>';

describe('registerWebApp', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log("app")');
    t = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for any page path of the app, never cached', async () => {
    const { app } = await buildTestApp(t, { overrides: { webAppDir: dir } });
    for (const url of ['/', '/caseload', '/clients/0b7c2a8e-1111-4c1d-9a55-2f0c7d7e8a11/plan', '/sign-in?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX);
    }
    await app.close();
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const { app } = await buildTestApp(t, { overrides: { webAppDir: dir } });
    const res = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await app.close();
  });

  it('leaves the API and the health checks alone: unknown API paths and missing files are JSON 404s', async () => {
    const { app } = await buildTestApp(t, { overrides: { webAppDir: dir } });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    for (const url of ['/api/v1/no-such-thing', '/api', '/assets/missing-1.js', '/favicon.ico']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not-found', message: 'No such route.' } });
    }
    const me = await app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(401);
    await app.close();
  });

  it('keeps the placeholder page when there is no built app', async () => {
    const { app } = await buildTestApp(t, { overrides: { webAppDir: null } });
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.body).toContain('Cairn is running');
    expect((await app.inject({ method: 'GET', url: '/caseload' })).statusCode).toBe(404);
    await app.close();
  });

  it('finds the built app only where index.html exists', () => {
    expect(findWebAppDir(dir)).toBe(dir);
    expect(findWebAppDir(path.join(dir, 'assets'))).toBeNull();
  });
});
