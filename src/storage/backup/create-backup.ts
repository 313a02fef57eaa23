import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import { createStore } from '../create-store.js';
import { type Keys, loadKeys } from '../load-keys.js';
import {
  type DatabaseSettings,
  type OpenDatabase,
  openPostgres,
  openSqlite,
  SQLITE_FILE_NAME,
} from '../open-database.js';
import type { Database } from '../tables/database.js';
import { BACKUP_FORMAT_VERSION, type BackupHeader, encryptBackup } from './backup-format.js';
import { listPostgresTables } from './postgres-tables.js';

/** Progress reports while a backup runs (for a terminal; never client data). */
export type BackupProgress =
  | { readonly kind: 'snapshot' }
  | { readonly kind: 'table'; readonly table: string; readonly rows: number }
  | { readonly kind: 'encrypt' };

export interface CreateBackupOptions {
  readonly onProgress?: (progress: BackupProgress) => void;
  readonly now?: () => Date;
  /** When set (e.g. 'cli:ana'), a `backup.create` event by this actor is appended to the source's audit trail. */
  readonly auditActor?: string;
}

/** What a finished backup holds. */
export interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
  readonly header: BackupHeader;
}

/** Rows fetched per round trip from the PostgreSQL cursor. */
const FETCH_ROWS = 2000;

async function migrationNames(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

async function recordBackup(database: OpenDatabase, keys: Keys, options: CreateBackupOptions, at: Date) {
  if (!options.auditActor) return;
  const store = createStore(database.db, database.dialect, keys.auditKey);
  await store.appendAudit(
    [
      {
        actor: options.auditActor,
        action: 'backup.create',
        resource: null,
        clientIds: [],
        outcome: 'success',
        origin: 'cli',
      },
    ],
    at.toISOString(),
  );
}

async function backupSqlite(
  settings: DatabaseSettings,
  outFile: string,
  keys: Keys,
  options: CreateBackupOptions,
): Promise<BackupSummary> {
  const file = path.join(settings.dataDir, SQLITE_FILE_NAME);
  if (!fs.existsSync(file)) throw new AppError(ErrorCode.invalidInput, `no database to back up at ${file}`);
  const snapshot = path.join(settings.dataDir, `.backup-${randomBytes(6).toString('hex')}.db`);
  const source = openSqlite(file, settings.secretKey);
  const now = options.now ?? (() => new Date());
  try {
    const createdAt = now().toISOString();
    options.onProgress?.({ kind: 'snapshot' });
    // One consistent snapshot under the database's own key (the online backup API refuses a keyed database).
    await sql`vacuum into ${sql.lit(snapshot)}`.execute(source.db);
    const copy = openSqlite(snapshot, settings.secretKey, { readonly: true });
    let migrations: string[];
    try {
      migrations = await migrationNames(copy.db);
    } finally {
      await copy.close();
    }
    const header: BackupHeader = {
      formatVersion: BACKUP_FORMAT_VERSION,
      dialect: 'sqlite',
      payload: 'sqlite-file',
      migrations,
      createdAt,
      databaseEncrypted: Boolean(settings.secretKey),
    };
    options.onProgress?.({ kind: 'encrypt' });
    const bytes = await encryptBackup(fs.createReadStream(snapshot), outFile, header, keys.backupKey);
    await recordBackup(source, keys, options, now());
    return { file: outFile, bytes, header };
  } finally {
    fs.rmSync(snapshot, { force: true });
    await source.close();
  }
}

async function backupPostgres(
  url: string,
  outFile: string,
  keys: Keys,
  options: CreateBackupOptions,
): Promise<BackupSummary> {
  const database = await openPostgres(url, { max: 1 });
  try {
    const summary = await database.db.connection().execute(async (conn) => {
      // One snapshot for every table: REPEATABLE READ, read only. Writers go on; they do not block us or we them.
      await sql`begin isolation level repeatable read read only`.execute(conn);
      try {
        options.onProgress?.({ kind: 'snapshot' });
        const createdAt = (options.now ?? (() => new Date()))().toISOString();
        const migrations = await migrationNames(conn);
        const tables = await listPostgresTables(conn);
        const header: BackupHeader = {
          formatVersion: BACKUP_FORMAT_VERSION,
          dialect: 'postgres',
          payload: 'json-lines',
          migrations,
          createdAt,
          databaseEncrypted: false,
        };
        async function* lines(): AsyncGenerator<string> {
          for (const table of tables) {
            let rows = 0;
            await sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from ${sql.table(table.name)} t`.execute(
              conn,
            );
            for (;;) {
              const page = await sql<{ j: string }>`fetch ${sql.raw(String(FETCH_ROWS))} from backup_rows`.execute(
                conn,
              );
              if (page.rows.length === 0) break;
              rows += page.rows.length;
              yield page.rows.map((r) => `{"table":${JSON.stringify(table.name)},"row":${r.j}}\n`).join('');
              options.onProgress?.({ kind: 'table', table: table.name, rows });
            }
            await sql`close backup_rows`.execute(conn);
          }
        }
        const bytes = await encryptBackup(lines(), outFile, header, keys.backupKey);
        return { file: outFile, bytes, header };
      } finally {
        await sql`rollback`.execute(conn);
      }
    });
    await recordBackup(database, keys, options, (options.now ?? (() => new Date()))());
    return summary;
  } finally {
    await database.close();
  }
}

/**
 * Takes a consistent, encrypted backup of the configured database while the server may be running, and writes it to
 * `outFile` (mode 0600, via a temporary file and rename). SQLite: `VACUUM INTO` a snapshot beside the database (same
 * key), then encrypt it. PostgreSQL: every table, parents before children, as JSON lines from one REPEATABLE READ
 * read-only transaction. The payload is encrypted with AES-256-GCM under the backup key (see backup-format.ts).
 *
 * @example
 * const { bytes } = await createBackup({ dataDir: './data', databaseUrl: null, secretKey: null }, 'cairn.cairnbak');
 */
export async function createBackup(
  settings: DatabaseSettings,
  outFile: string,
  options: CreateBackupOptions = {},
): Promise<BackupSummary> {
  const out = path.resolve(outFile);
  if (!fs.existsSync(path.dirname(out))) {
    throw new AppError(ErrorCode.invalidInput, `the directory ${path.dirname(out)} does not exist`);
  }
  const keys = loadKeys(settings);
  if (settings.databaseUrl) return backupPostgres(settings.databaseUrl, out, keys, options);
  return backupSqlite(settings, out, keys, options);
}
