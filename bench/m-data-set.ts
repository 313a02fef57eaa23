/**
 * The M data set of DESIGN 5 (5,000 clients, 25 weeks, ~250,000 administrations), made with the demo use case and
 * kept between bench runs: SQLite in `$BENCH_DATA_DIR/m-sqlite` (default under the OS temp directory), PostgreSQL in
 * the schema `bench_m` of BENCH_DATABASE_URL (or TEST_DATABASE_URL). A data set that is already complete is reused.
 *
 * @example
 * const m = await openMDataSet('sqlite', (line) => process.stderr.write(`${line}\n`));
 * // … m.opened.database.db …
 * await m.opened.close();
 */
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { syntheticRecordNumber } from '../src/application/demo/synthetic-case.js';
import { loadDemo } from '../src/application/load-demo.js';
import { type OpenedStore, openStore } from '../src/storage/open-store.js';

export const M_CLIENTS = 5000;
export const M_WEEKS = 25;
export const M_SEED = 1;
const PG_SCHEMA = 'bench_m';

/** Where bench data lives (SQLite file and key file). */
export function benchDataDir(): string {
  return process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'cairn-bench');
}

/** The PostgreSQL URL to bench against, or null. */
export function benchPostgresUrl(): string | null {
  return process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || null;
}

export interface MDataSet {
  readonly opened: OpenedStore;
  /** The SQLite file (null on PostgreSQL). */
  readonly file: string | null;
  /** Connection string with the bench schema as search_path (null on SQLite). */
  readonly url: string | null;
  readonly secretKey: string | null;
}

/** Opens (loading when incomplete) the M data set on one database. */
export async function openMDataSet(kind: 'sqlite' | 'postgres', log: (line: string) => void): Promise<MDataSet> {
  const dataDir = path.join(benchDataDir(), kind === 'sqlite' ? 'm-sqlite' : 'm-postgres-keys');
  let url: string | null = null;
  if (kind === 'postgres') {
    const base = benchPostgresUrl();
    if (!base) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL');
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema if not exists ${PG_SCHEMA}`);
    await admin.end();
    const u = new URL(base);
    u.searchParams.set('options', `-c search_path=${PG_SCHEMA}`);
    url = u.toString();
  }
  const opened = await openStore({ dataDir, databaseUrl: url, secretKey: null }, 'apply');
  const practice = await opened.store.findPractice();
  const complete =
    practice !== null &&
    (await opened.store.findClientByRecordNumber(practice.id, syntheticRecordNumber(M_SEED, M_CLIENTS))) !== null;
  if (!complete) {
    log(`loading the M data set on ${kind} (${M_CLIENTS} clients, ${M_WEEKS} weeks; about a minute on SQLite)…`);
    const started = Date.now();
    const result = await loadDemo(
      opened.deps,
      { kind: 'cli', osUser: 'bench' },
      {
        clients: M_CLIENTS,
        weeks: M_WEEKS,
        seed: M_SEED,
        onProgress: (done, total) => {
          if (done % 1000 === 0 || done === total) log(`  ${done}/${total} clients`);
        },
      },
    );
    log(
      `  added ${result.clientsAdded} clients, ${result.administrationsAdded} administrations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return {
    opened,
    file: kind === 'sqlite' ? opened.database.location : null,
    url,
    secretKey: null,
  };
}
