import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../src/storage/migrate.js';
import { type OpenDatabase, openPostgres, openSqlite, type SqlDialect } from '../src/storage/open-database.js';

/**
 * The dialects every storage test runs on (STYLE.md §3 Tests, Kysely's DIALECTS loop). SQLite always; PostgreSQL when
 * TEST_DATABASE_URL is set. With CI=true a missing TEST_DATABASE_URL is an error, so CI can never skip PostgreSQL.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null;

if (process.env.CI === 'true' && !TEST_DATABASE_URL) {
  throw new Error(
    'CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite would be skipped. Set it (see .ci/run).',
  );
}

export const DIALECTS: readonly SqlDialect[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** True when PostgreSQL tests are skipped on this machine (the reason is printed once by the test runner). */
export const POSTGRES_SKIPPED = !TEST_DATABASE_URL;

export interface TestDatabase extends OpenDatabase {
  /** Drops everything the test created (the PostgreSQL schema; nothing for in-memory SQLite). */
  readonly dispose: () => Promise<void>;
}

/**
 * A fresh, empty database for one test file: SQLite in memory, or a private schema in the PostgreSQL test database
 * (so test files can run in parallel). `migrated` applies the whole migration chain first.
 *
 * @example
 * for (const dialect of DIALECTS) describe(dialect, () => { let t: TestDatabase; beforeAll(async () => { t = await createTestDatabase(dialect); }); afterAll(() => t.dispose()); … });
 */
export async function createTestDatabase(
  dialect: SqlDialect,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  let open: OpenDatabase;
  let dispose: () => Promise<void>;
  if (dialect === 'sqlite') {
    open = openSqlite(':memory:', null);
    dispose = () => open.close();
  } else {
    if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    open = await openPostgres(url.toString(), { max: 4 });
    dispose = async () => {
      await open.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    };
  }
  if (options.migrated ?? true) await migrateToLatest(open.db);
  return { ...open, dispose };
}

/** Test audit key (fixed so tests are repeatable). */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 7);

export { sql };
