import { type Kysely, type MigrationResult, Migrator, sql } from 'kysely';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './tables/database.js';

const MIGRATION_TABLE = 'kysely_migration';

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

async function createMigrator(db: Kysely<Database>): Promise<Migrator> {
  // On PostgreSQL, pin the bookkeeping tables to the current schema: Kysely's own existence check looks across every
  // schema, so another schema's kysely_migration (a second practice, a test schema) would fool it.
  const schema = isPostgres(db)
    ? ((await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? undefined)
    : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: 'kysely_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

async function hasMigrationTable(db: Kysely<Database>): Promise<boolean> {
  // Look only where unqualified names resolve (the search_path on PostgreSQL), not in every schema.
  if (isPostgres(db)) {
    const r = await sql<{ t: string | null }>`select to_regclass(${MIGRATION_TABLE})::text as t`.execute(db);
    return r.rows[0]?.t != null;
  }
  const r = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

async function appliedMigrationNames(db: Kysely<Database>): Promise<string[]> {
  if (!(await hasMigrationTable(db))) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Refuses a database whose schema is newer than this program (it has migrations this build does not know).
 *
 * @example
 * await assertSchemaNotNewer(db); // throws AppError('schema-too-new')
 */
export async function assertSchemaNotNewer(db: Kysely<Database>): Promise<void> {
  const known = new Set(Object.keys(MIGRATIONS));
  const unknown = (await appliedMigrationNames(db)).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new AppError(
      ErrorCode.schemaTooNew,
      `the database schema is newer than this version of Cairn (unknown migration ${unknown[0]}); upgrade Cairn`,
    );
  }
}

/**
 * Names of migrations not yet applied, in order.
 *
 * @example
 * await listPendingMigrations(db) // ['2026_11_26_2000_create_core_tables'] on an empty database
 */
export async function listPendingMigrations(db: Kysely<Database>): Promise<string[]> {
  await assertSchemaNotNewer(db);
  const applied = new Set(await appliedMigrationNames(db));
  return Object.keys(MIGRATIONS).filter((n) => !applied.has(n));
}

/**
 * Applies every pending migration in order and returns what happened to each. Throws when one fails (the failed
 * migration's transaction is rolled back; earlier ones stay applied).
 *
 * @example
 * const results = await migrateToLatest(db); // [{ migrationName, direction: 'Up', status: 'Success' }]
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<readonly MigrationResult[]> {
  await assertSchemaNotNewer(db);
  const { error, results } = await (await createMigrator(db)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results ?? [];
}
