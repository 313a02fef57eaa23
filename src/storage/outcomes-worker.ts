// The worker thread that runs practice outcomes on SQLite (DESIGN 2.4: heavy reports run off the request path).
// Started by run-outcomes-in-worker.ts; it opens its own read-only connection, so a long report never holds the
// server's connection or blocks its event loop (better-sqlite3 is synchronous).
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { PracticeOutcomeCounts, PracticeOutcomesQuery } from '../application/ports.js';
import { isAppError } from '../domain/shared/app-error.js';
import { type OpenDatabase, openSqlite } from './open-database.js';
import { queryPracticeOutcomes } from './repositories/outcomes-repository.js';

/**
 * What the worker is started with: the database file and its secret key (null when not encrypted).
 *
 * @example
 * const data: OutcomesWorkerData = { kind: 'cairn-outcomes-worker', file: '/data/cairn.db', secretKey: null };
 */
export interface OutcomesWorkerData {
  readonly kind: 'cairn-outcomes-worker';
  readonly file: string;
  readonly secretKey: string | null;
}

/**
 * A request to the worker, answered by one {@link OutcomesWorkerResponse} with the same id.
 *
 * @example
 * const request: OutcomesWorkerRequest = { id: 1, query };
 */
export interface OutcomesWorkerRequest {
  readonly id: number;
  readonly query: PracticeOutcomesQuery;
}

/**
 * The worker's answer: the rows, or the error (an AppError keeps its code).
 *
 * @example
 * const failed: OutcomesWorkerResponse = { id: 1, ok: false, error: { message: 'The database is unavailable.', code: 'database-unavailable' } };
 */
export type OutcomesWorkerResponse =
  | { readonly id: number; readonly ok: true; readonly rows: readonly PracticeOutcomeCounts[] }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly message: string; readonly code: string | null };
    };

/**
 * True when the value is the data this worker is started with.
 *
 * @example
 * isOutcomesWorkerData(workerData) // true inside the outcomes worker
 */
export function isOutcomesWorkerData(value: unknown): value is OutcomesWorkerData {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'cairn-outcomes-worker' &&
    typeof (value as { file?: unknown }).file === 'string'
  );
}

/**
 * Answers outcomes requests arriving on `port`, one at a time, on a read-only connection opened at the first request
 * (an error opening it is the answer to that request, and the next request tries again).
 *
 * @example
 * serveOutcomesRequests(parentPort, workerData); // inside the worker
 */
export function serveOutcomesRequests(port: MessagePort, data: OutcomesWorkerData): void {
  let database: OpenDatabase | null = null;
  let queue: Promise<void> = Promise.resolve();
  const answer = async (request: OutcomesWorkerRequest): Promise<OutcomesWorkerResponse> => {
    try {
      database ??= openSqlite(data.file, data.secretKey, { readonly: true });
      return { id: request.id, ok: true, rows: await queryPracticeOutcomes(database.db, request.query) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { id: request.id, ok: false, error: { message, code: isAppError(error) ? error.code : null } };
    }
  };
  port.on('message', (request: OutcomesWorkerRequest) => {
    queue = queue.then(async () => port.postMessage(await answer(request)));
  });
  port.on('close', () => {
    void database?.close();
  });
}

if (parentPort !== null && isOutcomesWorkerData(workerData)) serveOutcomesRequests(parentPort, workerData);
