import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import { createStore } from '../create-store.js';
import { KEY_FILE_NAME, type Keys, loadKeys } from '../load-keys.js';
import { MIGRATIONS } from '../migrations/index.js';
import { type DatabaseSettings, openPostgres, openSqlite, SQLITE_FILE_NAME } from '../open-database.js';
import { verifyAuditChain } from '../repositories/audit-repository.js';
import type { Database } from '../tables/database.js';
import {
  type BackupHeader,
  decryptBackup,
  decryptBackupToFile,
  readBackupHeader,
  syncDirectory,
  verifyBackup,
} from './backup-format.js';
import { listPostgresTables } from './postgres-tables.js';

/** Progress reports while a restore runs (for a terminal; never client data). */
export type RestoreProgress =
  | { readonly kind: 'verify' }
  | { readonly kind: 'table'; readonly table: string; readonly rows: number }
  | { readonly kind: 'audit' };

export interface RestoreBackupOptions {
  readonly onProgress?: (progress: RestoreProgress) => void;
  /** When set (e.g. 'cli:ana'), a `backup.restore` event by this actor is appended to the restored audit trail. */
  readonly auditActor?: string;
  readonly now?: () => Date;
}

/** What a finished restore put in place. */
export interface RestoreSummary {
  readonly header: BackupHeader;
  /** Events in the restored audit chain (it verified). */
  readonly auditEvents: number;
  /** Migrations this build has that the backup had not: applied by the next `cairn db migrate` or start. */
  readonly pendingMigrations: readonly string[];
}

const MIGRATION_TABLE = 'kysely_migration';

async function recordRestore(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  keys: Keys,
  options: RestoreBackupOptions,
) {
  if (!options.auditActor) return;
  const at = (options.now ?? (() => new Date()))().toISOString();
  await createStore(db, dialect, keys.auditKey, dialect === 'postgres').appendAudit(
    [
      {
        actor: options.auditActor,
        action: 'backup.restore',
        resource: null,
        clientIds: [],
        outcome: 'success',
        origin: 'cli',
      },
    ],
    at,
  );
}
const INSERT_BATCH_ROWS = 1000;

function notEmpty(where: string): AppError {
  return new AppError(
    ErrorCode.restoreTargetNotEmpty,
    `${where} already holds data; restore only into an empty data directory or database (nothing was changed)`,
  );
}

function assertKnownMigrations(header: BackupHeader): string[] {
  const known = Object.keys(MIGRATIONS);
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new AppError(
      ErrorCode.backupFromNewerSchema,
      `the backup comes from a newer version of Cairn (unknown migration ${unknown[0]}); upgrade Cairn, then restore`,
    );
  }
  const applied = new Set(header.migrations);
  return known.filter((m) => !applied.has(m));
}

/** Keys for the target, without creating a key file: a fresh one could never open an existing backup. */
function targetKeys(settings: DatabaseSettings): Keys {
  if (!settings.secretKey && !fs.existsSync(path.join(settings.dataDir, KEY_FILE_NAME))) {
    throw new AppError(
      ErrorCode.invalidConfig,
      `no key to open the backup: set CAIRN_SECRET_KEY, or copy ${KEY_FILE_NAME} from the original data directory into ${settings.dataDir}`,
    );
  }
  return loadKeys(settings);
}

async function countSqliteTables(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table'`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

async function assertSqliteTargetEmpty(file: string, secretKey: string | null): Promise<void> {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
    if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw notEmpty(file);
    return;
  }
  let target: ReturnType<typeof openSqlite>;
  try {
    target = openSqlite(file, secretKey, { readonly: true });
  } catch {
    throw notEmpty(file);
  }
  try {
    if ((await countSqliteTables(target.db)) > 0) throw notEmpty(file);
  } finally {
    await target.close();
  }
}

async function restoreSqlite(
  settings: DatabaseSettings,
  file: string,
  keys: Keys,
  options: RestoreBackupOptions,
): Promise<RestoreSummary> {
  const target = path.join(settings.dataDir, SQLITE_FILE_NAME);
  await assertSqliteTargetEmpty(target, settings.secretKey);
  const temp = path.join(settings.dataDir, `.restore-${randomBytes(6).toString('hex')}.db`);
  const removeTemp = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${temp}${suffix}`, { force: true });
  };
  try {
    options.onProgress?.({ kind: 'verify' });
    const header = await decryptBackupToFile(file, keys.backupKey, temp);
    const pendingMigrations = assertKnownMigrations(header);
    let auditEvents = 0;
    const copy = openSqlite(temp, settings.secretKey);
    try {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(copy.db);
      if (check.rows[0]?.integrity_check !== 'ok') {
        throw new AppError(ErrorCode.backupUnreadable, 'the backup cannot be read: wrong key or damaged file');
      }
      options.onProgress?.({ kind: 'audit' });
      const report = await verifyAuditChain(copy.db, keys.auditKey);
      if (!report.ok) {
        throw new AppError(
          ErrorCode.backupUnreadable,
          `the backup's audit chain does not verify with this key (first bad event ${report.brokenAt}); nothing was restored`,
        );
      }
      auditEvents = report.events;
    } finally {
      await copy.close();
    }
    // Last look before the rename: another process may have created the database meanwhile.
    await assertSqliteTargetEmpty(target, settings.secretKey);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(temp, target);
    syncDirectory(settings.dataDir);
    if (options.auditActor) {
      const restored = openSqlite(target, settings.secretKey);
      try {
        await recordRestore(restored.db, 'sqlite', keys, options);
      } finally {
        await restored.close();
      }
    }
    return { header, auditEvents, pendingMigrations };
  } finally {
    removeTemp();
  }
}

/** Splits decrypted chunks into lines (UTF-8 safe across chunk boundaries). */
async function* readLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    rest += decoder.write(chunk);
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest;
}

async function insertRows(trx: Kysely<Database>, table: string, rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const json = `[${rows.join(',')}]`;
  await sql`insert into ${sql.table(table)} select * from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(
    trx,
  );
}

async function restorePostgres(
  url: string,
  file: string,
  keys: Keys,
  options: RestoreBackupOptions,
): Promise<RestoreSummary> {
  const database = await openPostgres(url, { max: 1 });
  try {
    const tables = await sql<{ n: number }>`
      select count(*) as n from information_schema.tables where table_schema = current_schema()`.execute(database.db);
    if (Number(tables.rows[0]?.n ?? 0) > 0) throw notEmpty(`the PostgreSQL schema at ${database.location}`);
    // Pass 1: verify the whole file before anything is written.
    options.onProgress?.({ kind: 'verify' });
    const header = await verifyBackup(file, keys.backupKey);
    const pendingMigrations = assertKnownMigrations(header);
    // Pass 2: in one transaction, build the backup's schema and insert its rows; commit only when the second
    // decryption verified again and the audit chain verifies.
    const auditEvents = await database.db.transaction().execute(async (trx) => {
      // The backup's migrations, in order, inside this transaction (PostgreSQL DDL is transactional); the
      // bookkeeping table is Kysely's own shape, and its rows come from the backup below.
      await trx.schema
        .createTable(MIGRATION_TABLE)
        .addColumn('name', 'varchar(255)', (col) => col.notNull().primaryKey())
        .addColumn('timestamp', 'varchar(255)', (col) => col.notNull())
        .execute();
      for (const name of header.migrations) await MIGRATIONS[name]?.up(trx);
      const order = await listPostgresTables(trx);
      const selfReferencing = new Set(order.filter((t) => t.selfReferencing).map((t) => t.name));
      const known = new Set(order.map((t) => t.name));
      let current: string | null = null;
      let batch: string[] = [];
      let rows = 0;
      const flush = async (force: boolean) => {
        if (current === null) return;
        if (!force && (selfReferencing.has(current) || batch.length < INSERT_BATCH_ROWS)) return;
        await insertRows(trx, current, batch);
        rows += batch.length;
        batch = [];
        options.onProgress?.({ kind: 'table', table: current, rows });
      };
      for await (const line of readLines(decryptBackup(file, keys.backupKey))) {
        if (line.length === 0) continue;
        const { table, row } = JSON.parse(line) as { table: string; row: unknown };
        if (table !== current) {
          await flush(true);
          if (!known.has(table)) throw new Error(`the backup holds rows of an unknown table ${table}`);
          current = table;
          rows = 0;
        }
        batch.push(JSON.stringify(row));
        await flush(false);
      }
      await flush(true);
      options.onProgress?.({ kind: 'audit' });
      const report = await verifyAuditChain(trx, keys.auditKey);
      if (!report.ok) {
        throw new AppError(
          ErrorCode.backupUnreadable,
          `the backup's audit chain does not verify with this key (first bad event ${report.brokenAt}); nothing was restored`,
        );
      }
      await recordRestore(trx, 'postgres', keys, options);
      return report.events;
    });
    return { header, auditEvents, pendingMigrations };
  } finally {
    await database.close();
  }
}

/**
 * Restores a backup into an empty target: the SQLite file in the data directory (absent, or without tables) or the
 * PostgreSQL schema (without tables). Refuses a non-empty target (AppError 'restore-target-not-empty'), a damaged
 * file or wrong key ('backup-unreadable'), a backup from a newer schema ('backup-from-newer-schema') — each before
 * anything is written. SQLite: decrypt into a temporary file beside the database, check it (integrity, audit chain
 * under the target's keys), rename it into place. PostgreSQL: migrate the empty schema to the backup's migrations and
 * insert every row in one transaction, committed only after the audit chain verifies.
 *
 * @example
 * const { auditEvents } = await restoreBackup({ dataDir: './fresh', databaseUrl: null, secretKey }, 'cairn.cairnbak');
 */
export async function restoreBackup(
  settings: DatabaseSettings,
  file: string,
  options: RestoreBackupOptions = {},
): Promise<RestoreSummary> {
  const { header } = readBackupHeader(file);
  const targetDialect = settings.databaseUrl ? 'postgres' : 'sqlite';
  if (header.dialect !== targetDialect) {
    throw new AppError(
      ErrorCode.invalidInput,
      header.dialect === 'postgres'
        ? 'this backup is of a PostgreSQL database: set CAIRN_DATABASE_URL to an empty database to restore it'
        : 'this backup is of an embedded SQLite database: unset CAIRN_DATABASE_URL and set CAIRN_DATA_DIR to an empty directory',
    );
  }
  if (!settings.databaseUrl) {
    fs.mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  }
  const keys = targetKeys(settings);
  if (settings.databaseUrl) return restorePostgres(settings.databaseUrl, file, keys, options);
  return restoreSqlite(settings, file, keys, options);
}
