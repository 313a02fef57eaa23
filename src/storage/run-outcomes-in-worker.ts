import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PracticeOutcomeCounts, PracticeOutcomesQuery, PracticeOutcomesReader } from '../application/ports.js';
import { AppError } from '../domain/shared/app-error.js';
import type { ErrorCode } from '../domain/shared/error-codes.js';
import type { OutcomesWorkerData, OutcomesWorkerRequest, OutcomesWorkerResponse } from './outcomes-worker.js';

/**
 * The practice outcomes reader for SQLite, plus `close()` to stop its worker.
 *
 * @example
 * const reader: OutcomesWorker = startOutcomesWorker({ file: '/data/cairn.db', secretKey: null });
 */
export interface OutcomesWorker extends PracticeOutcomesReader {
  readonly close: () => Promise<void>;
}

interface Pending {
  readonly resolve: (rows: readonly PracticeOutcomeCounts[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Runs practice outcomes on SQLite in a worker thread with its own read-only connection to `file`, so a long report
 * never blocks the server's event loop or its connection. The worker starts at the first request and stays for the
 * next ones (unreferenced while idle, so it never keeps the process alive); if it dies, pending requests fail and
 * the next request starts a new one. Works from the sources (tsx, vitest: the worker loads tsx) and from dist/.
 *
 * @example
 * const outcomes = startOutcomesWorker({ file: database.location, secretKey: config.secretKey });
 * const rows = await outcomes.computePracticeOutcomes(query); // while the server keeps answering
 * await outcomes.close();
 */
export function startOutcomesWorker(options: {
  readonly file: string;
  readonly secretKey: string | null;
}): OutcomesWorker {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const data: OutcomesWorkerData = {
      kind: 'cairn-outcomes-worker',
      file: options.file,
      secretKey: options.secretKey,
    };
    const w = createWorker(data);
    w.on('message', (response: OutcomesWorkerResponse) => {
      const p = pending.get(response.id);
      if (!p) return;
      pending.delete(response.id);
      if (pending.size === 0) w.unref();
      if (response.ok) p.resolve(response.rows);
      else p.reject(responseError(response.error));
    });
    w.on('error', (error) => {
      failAll(error);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`the outcomes worker stopped (exit code ${code})`));
    });
    return w;
  };

  return {
    computePracticeOutcomes: (query: PracticeOutcomesQuery) =>
      new Promise<readonly PracticeOutcomeCounts[]>((resolve, reject) => {
        worker ??= start();
        const id = nextId;
        nextId += 1;
        pending.set(id, { resolve, reject });
        worker.ref();
        const request: OutcomesWorkerRequest = { id, query };
        worker.postMessage(request);
      }),
    close: async () => {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      failAll(new Error('the outcomes worker was closed'));
    },
  };
}

function responseError(error: { readonly message: string; readonly code: string | null }): Error {
  return error.code !== null ? new AppError(error.code as ErrorCode, error.message) : new Error(error.message);
}

/**
 * The worker runs the sibling outcomes-worker module: `.js` in dist/; from the TypeScript sources (tsx, vitest) a
 * small bootstrap registers tsx inside the worker first, since a worker does not inherit the parent's loader.
 */
function createWorker(data: OutcomesWorkerData): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./outcomes-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSources) return new Worker(entry, { workerData: data });
  const bootstrap = `import(${JSON.stringify(tsxApiUrl())})
    .then((m) => (m.register ?? m.default.register)())
    .then(() => import(${JSON.stringify(entry.href)}));`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

function tsxApiUrl(): string {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve('tsx/esm/api');
    } catch {
      // fall through to require.resolve
    }
  }
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
}
