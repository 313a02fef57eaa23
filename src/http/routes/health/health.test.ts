import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/dialects.js';
import { buildTestApp } from '../../../../test/test-app.js';

describe('registerHealthRoutes', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterAll(() => t.dispose());

  it('answers /healthz without touching the database, even when it is down', async () => {
    let touched = false;
    const { app } = await buildTestApp(t, {
      overrides: {
        checkDatabase: async () => {
          touched = true;
          throw new Error('down');
        },
      },
    });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(touched).toBe(false);
    await app.close();
  });

  it('answers /readyz 200 when the database answers and 503 with Retry-After when it does not', async () => {
    let up = true;
    const { app } = await buildTestApp(t, {
      overrides: {
        checkDatabase: async () => {
          if (!up) throw new Error('connection refused');
        },
      },
    });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    up = false;
    const down = await app.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.json()).toEqual({ error: { code: 'database-unavailable', message: 'The database is unavailable.' } });
    await app.close();
  });

  it('answers an unknown API route with the error shape and 404 (other paths belong to the web app)', async () => {
    const { app } = await buildTestApp(t);
    const res = await app.inject({ method: 'GET', url: '/api/v1/no/such/route' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not-found', message: 'No such route.' } });
    await app.close();
  });
});
