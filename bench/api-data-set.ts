/**
 * The data set of the API benchmarks: `cairn demo --clients 500 --weeks 25` (one synthetic clinician holding all
 * 500 clients, ~12,500 administrations), kept between runs: SQLite in `$BENCH_DATA_DIR/api-sqlite`, PostgreSQL in
 * the schema `bench_api` of BENCH_DATABASE_URL (or TEST_DATABASE_URL). A complete data set is reused.
 *
 * @example
 * const set = await openApiDataSet('sqlite', log);
 * // set.settings → startServer / openStore; set.clinicianEmail holds the 500-client caseload
 * await set.opened.close();
 */
import path from 'node:path';
import pg from 'pg';
import { syntheticRecordNumber } from '../src/application/demo/synthetic-case.js';
import { loadDemo } from '../src/application/load-demo.js';
import type { DatabaseSettings } from '../src/storage/open-database.js';
import { type OpenedStore, openStore } from '../src/storage/open-store.js';
import { benchDataDir, benchPostgresUrl } from './m-data-set.js';

export const API_CLIENTS = 500;
export const API_WEEKS = 25;
export const API_SEED = 7;
const PG_SCHEMA = 'bench_api';

export interface ApiDataSet {
  readonly opened: OpenedStore;
  readonly settings: DatabaseSettings;
  /** The synthetic clinician whose caseload holds the 500 clients. */
  readonly clinicianEmail: string;
}

/** Opens (loading when incomplete) the API bench data set on one database. */
export async function openApiDataSet(kind: 'sqlite' | 'postgres', log: (line: string) => void): Promise<ApiDataSet> {
  const dataDir = path.join(benchDataDir(), kind === 'sqlite' ? 'api-sqlite' : 'api-postgres-keys');
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
  const settings: DatabaseSettings = { dataDir, databaseUrl: url, secretKey: null };
  const opened = await openStore(settings, 'apply');
  const practice = await opened.store.findPractice();
  const complete =
    practice !== null &&
    (await opened.store.findClientByRecordNumber(practice.id, syntheticRecordNumber(API_SEED, API_CLIENTS))) !== null;
  if (!complete) {
    log(`loading the API data set on ${kind} (${API_CLIENTS} clients, ${API_WEEKS} weeks)…`);
    const started = Date.now();
    const result = await loadDemo(
      opened.deps,
      { kind: 'cli', osUser: 'bench' },
      { clients: API_CLIENTS, weeks: API_WEEKS, seed: API_SEED },
    );
    log(
      `  added ${result.clientsAdded} clients, ${result.administrationsAdded} administrations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return { opened, settings, clinicianEmail: `clinician1-seed${API_SEED}@cairn-demo.example` };
}
