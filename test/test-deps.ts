import { createHash, randomUUID } from 'node:crypto';
import type { Deps } from '../src/application/ports.js';
import { createStore } from '../src/storage/create-store.js';
import { TEST_AUDIT_KEY, type TestDatabase } from './dialects.js';

/** A password hasher for tests: real argon2 is ~30 ms a hash, too slow for hundreds of test accounts. */
export const fastTestHasher: Deps['passwords'] = {
  hash: async (p) => `test$${createHash('sha256').update(p).digest('hex')}`,
  verify: async (h, p) => h === `test$${createHash('sha256').update(p).digest('hex')}`,
};

/**
 * Deps over a real test database with a fixed clock.
 *
 * @example
 * const deps = buildTestDeps(t, new Date('2026-11-26T12:00:00Z'));
 */
export function buildTestDeps(t: TestDatabase, now = new Date('2026-11-26T12:00:00.000Z')): Deps {
  return {
    store: createStore(t.db, t.dialect, TEST_AUDIT_KEY),
    clock: { now: () => now },
    ids: { newId: randomUUID },
    passwords: fastTestHasher,
    digest: { sha256: (text) => createHash('sha256').update(text).digest('hex') },
  };
}
