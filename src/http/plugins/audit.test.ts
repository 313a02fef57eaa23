import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/dialects.js';
import { buildTestApp } from '../../../test/test-app.js';
import type { Store } from '../../application/ports.js';
import { AppError } from '../../domain/shared/app-error.js';

/** A store whose audit writes fail as when the database is gone. */
function withFailingAudit(store: Store): Store {
  const fail = async () => {
    throw new AppError('database-unavailable', 'The database is unavailable.');
  };
  const failing: Store = {
    ...store,
    appendAudit: fail,
    transaction: (work) => store.transaction((tx) => work({ ...tx, appendAudit: fail })),
  };
  return failing;
}

for (const dialect of DIALECTS) {
  describe(`registerAudit on ${dialect}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
    });
    afterAll(() => t.dispose());

    it('records a refused request itself (401, anonymous, denied) with the route, never the raw path', async () => {
      const { app, deps } = await buildTestApp(t);
      const before = (await deps.store.listAudit({ limit: 100_000 })).length;
      const res = await app.inject({ method: 'GET', url: '/api/v1/caseload?limit=5' });
      expect(res.statusCode).toBe(401);
      const events = (await deps.store.listAudit({ limit: 100_000 })).slice(before);
      expect(events).toEqual([
        expect.objectContaining({
          actor: 'anonymous',
          action: 'caseload.read',
          resource: 'route:GET /api/v1/caseload',
          outcome: 'denied',
          origin: '127.0.0.1',
        }),
      ]);
      await app.close();
    });

    it('answers 503 with Retry-After, not the result, when the audit record cannot be written', async () => {
      const base = await buildTestApp(t);
      await base.app.close();
      const { app } = await buildTestApp(t, { overrides: { store: withFailingAudit(base.deps.store) } });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { email: 'ana@example.org', name: 'Ana', password: 'correct horse battery' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error.code).toBe('database-unavailable');
      // The set-up was rolled back with its audit event: nothing half-written.
      expect(await base.deps.store.countUsersForSetup()).toBe(0);
      const refused = await app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(refused.statusCode).toBe(503);
      await app.close();
    });
  });
}
