import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps, Store } from '../application/ports.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { argon2PasswordHasher } from './argon2-password-hasher.js';
import { createStore } from './create-store.js';
import { type Keys, loadKeys } from './load-keys.js';
import { listPendingMigrations, migrateToLatest } from './migrate.js';
import { type DatabaseSettings, type OpenDatabase, openDatabase } from './open-database.js';

export const MigrationPolicy = {
  /** Apply pending migrations (the CLI's own commands; the server on the embedded SQLite database). */
  apply: 'apply',
  /** Refuse to run with pending migrations (the server on PostgreSQL: run `cairn db migrate`). */
  refusePending: 'refuse-pending',
} as const;
export type MigrationPolicy = (typeof MigrationPolicy)[keyof typeof MigrationPolicy];

export interface OpenedStore {
  readonly database: OpenDatabase;
  readonly keys: Keys;
  readonly deps: Deps;
  readonly store: Store;
  /** Names of the migrations applied while opening. */
  readonly applied: readonly string[];
  readonly checkDatabase: () => Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * Opens the configured database, handles migrations by policy and returns the wired dependencies. Used only by the
 * two composition roots (http/server.ts and cli/main.ts).
 *
 * @example
 * const opened = await openStore(config, 'apply');
 * await addUser(opened.deps, actor, input);
 * await opened.close();
 */
export async function openStore(settings: DatabaseSettings, policy: MigrationPolicy): Promise<OpenedStore> {
  const database = await openDatabase(settings);
  try {
    const pending = await listPendingMigrations(database.db);
    let applied: string[] = [];
    if (pending.length > 0) {
      if (policy === 'refuse-pending') {
        throw new AppError(
          ErrorCode.pendingMigrations,
          `the database at ${database.location} has ${pending.length} pending migration(s); run \`cairn db migrate\` first`,
        );
      }
      const results = await migrateToLatest(database.db);
      applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    }
    const keys = loadKeys(settings);
    const store = createStore(database.db, database.dialect, keys.auditKey);
    const deps: Deps = {
      store,
      clock: { now: () => new Date() },
      ids: { newId: randomUUID },
      passwords: argon2PasswordHasher,
      digest: { sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex') },
    };
    return {
      database,
      keys,
      deps,
      store,
      applied,
      checkDatabase: async () => {
        await sql`select 1`.execute(database.db);
      },
      close: database.close,
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
