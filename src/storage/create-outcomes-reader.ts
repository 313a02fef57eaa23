import type { OpenDatabase } from './open-database.js';
import { queryPracticeOutcomes } from './repositories/outcomes-repository.js';
import { type OutcomesWorker, startOutcomesWorker } from './run-outcomes-in-worker.js';

/**
 * The practice outcomes reader for an open database, off the request path (DESIGN 2.4): on a SQLite file, a worker
 * thread with its own read-only connection; on PostgreSQL, the pool (already asynchronous: the report holds one
 * connection while the others keep serving). An in-memory SQLite database cannot be shared with a worker, so there
 * the query runs on the caller's connection (tests only). `secretKey` is CAIRN_SECRET_KEY (null when not set).
 *
 * @example
 * const outcomes = createOutcomesReader(opened.database, config.secretKey);
 * const deps = { ...opened.deps, outcomes };
 * // on shutdown: await outcomes.close();
 */
export function createOutcomesReader(database: OpenDatabase, secretKey: string | null): OutcomesWorker {
  if (database.dialect === 'sqlite' && database.location !== ':memory:') {
    return startOutcomesWorker({ file: database.location, secretKey });
  }
  return {
    computePracticeOutcomes: (query) => queryPracticeOutcomes(database.db, query),
    close: async () => undefined,
  };
}
