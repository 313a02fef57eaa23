import { hkdfSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDriver from 'better-sqlite3-multiple-ciphers';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Database } from './tables/database.js';

export const SqlDialect = { sqlite: 'sqlite', postgres: 'postgres' } as const;
export type SqlDialect = (typeof SqlDialect)[keyof typeof SqlDialect];

/** An open database: the Kysely instance, its dialect, a description without secrets, and close(). */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** Where the data is, for messages: a file path or host:port/database (never a password). */
  readonly location: string;
  readonly close: () => Promise<void>;
}

export interface DatabaseSettings {
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly secretKey: string | null;
  /**
   * SQLite `PRAGMA synchronous` of the connections that write: 'normal' (default) survives a process crash with
   * every acknowledged commit; 'full' also survives power loss, at the cost of a sync per commit.
   */
  readonly sqliteSynchronous?: 'normal' | 'full';
}

/** File name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = 'cairn.db';

// pg returns int8 (count(*), bigint columns) as strings; our counts and sequence numbers fit in a double.
pg.types.setTypeParser(20, (v: string) => Number(v));

/**
 * Opens the configured database: PostgreSQL when a URL is set, else the embedded SQLite file in the data directory
 * (created when missing; encrypted when a secret key is set). Checks the connection before returning.
 *
 * @example
 * const { db, dialect, close } = await openDatabase({ dataDir: './data', databaseUrl: null, secretKey: null });
 */
export async function openDatabase(settings: DatabaseSettings): Promise<OpenDatabase> {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl);
  ensureWritableDir(settings.dataDir);
  return openSqlite(path.join(settings.dataDir, SQLITE_FILE_NAME), settings.secretKey, {
    synchronous: settings.sqliteSynchronous ?? 'normal',
  });
}

/** Creates the data directory when missing and proves it can be written; otherwise a clear AppError. */
export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError(ErrorCode.dataDirUnwritable, `cannot write the data directory ${dir} (${reason})`);
  }
}

/** Derives the 32-byte database key from the secret key (HKDF-SHA256, its own label so no other use shares it). */
function deriveDatabaseKey(secretKey: string): string {
  return Buffer.from(hkdfSync('sha256', secretKey, 'cairn', 'cairn sqlite database key v1', 32)).toString('hex');
}

function applyKey(driver: SqliteDriver.Database, secretKey: string): void {
  driver.pragma(`cipher='sqlcipher'`);
  driver.pragma('legacy=4');
  driver.pragma(`key="x'${deriveDatabaseKey(secretKey)}'"`);
}

function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_NOTADB';
}

/**
 * Opens a SQLite database file (or ':memory:') with WAL, foreign keys and a busy timeout; `synchronous` is 'normal'
 * unless asked for 'full'.
 *
 * @example
 * const { db } = openSqlite(':memory:', null);
 */
export function openSqlite(
  file: string,
  secretKey: string | null,
  options: { readonly?: boolean; readonly synchronous?: 'normal' | 'full' } = {},
): OpenDatabase {
  const readonly = options.readonly ?? false;
  const driver = new SqliteDriver(file, { readonly, fileMustExist: readonly });
  try {
    if (secretKey && file !== ':memory:') applyKey(driver, secretKey);
    driver.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    driver.close();
    if (!isNotADatabase(error)) throw error;
    if (secretKey) {
      const plain = new SqliteDriver(file, { readonly: true, fileMustExist: true });
      let isPlain = false;
      try {
        plain.prepare('select count(*) from sqlite_master').get();
        isPlain = true;
      } catch {
        isPlain = false;
      } finally {
        plain.close();
      }
      if (isPlain) {
        throw new AppError(
          ErrorCode.invalidConfig,
          `CAIRN_SECRET_KEY is set but the database ${file} is not encrypted; run \`cairn db encrypt\` to encrypt it`,
        );
      }
      throw new AppError(ErrorCode.invalidConfig, `CAIRN_SECRET_KEY does not open the database ${file} (wrong key?)`);
    }
    throw new AppError(ErrorCode.invalidConfig, `the database ${file} is encrypted or damaged; set CAIRN_SECRET_KEY`);
  }
  if (!readonly) {
    if (file !== ':memory:') driver.pragma('journal_mode = WAL');
    driver.pragma(options.synchronous === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  }
  driver.pragma('foreign_keys = ON');
  driver.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(driver) }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    close: () => db.destroy(),
  };
}

/** How many prepared statements a SQLite connection keeps (least recently used ones are dropped first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The driver as Kysely sees it, with prepared statements reused by SQL text. Kysely prepares every statement on every
 * execution, and preparing (parsing and planning) cost SQLite about as much as running the short queries of a
 * request (issue 9 profile of the progress endpoint). A statement still being iterated (a streamed query) is not
 * handed out again; a fresh one is prepared instead.
 */
function withStatementCache(driver: SqliteDriver.Database): SqliteDatabase {
  const cache = new Map<string, SqliteDriver.Statement>();
  return {
    close: () => driver.close(),
    prepare: (text: string) => {
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = driver.prepare(text);
      if (!cached) {
        cache.set(text, statement);
        if (cache.size > STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      return statement;
    },
  };
}

/**
 * Opens a PostgreSQL pool and checks that the server answers. On failure: AppError('database-unavailable') whose
 * message names host and database, never the password.
 *
 * @example
 * const { db } = await openPostgres('postgres://postgres@127.0.0.1:5432/cairn');
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<OpenDatabase> {
  const location = describePostgresUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {
    // An idle client lost its connection (server restart); the pool replaces it on next use.
  });
  pool.on('connect', (client) => {
    // A client in use when the connection drops emits 'error' too, and with no listener that would end the process.
    // Its query fails with the same error (answered as database-unavailable), and the pool discards the client when
    // it is released.
    client.on('error', () => undefined);
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const e = error as { code?: string; message?: string };
    const reason = e.code ?? (e.message ?? 'error').split('\n')[0]?.replace(url, location);
    throw new AppError(ErrorCode.databaseUnavailable, `cannot connect to PostgreSQL at ${location} (${reason})`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

/**
 * host:port/database of a PostgreSQL URL, for messages (no user, no password).
 *
 * @example
 * describePostgresUrl('postgres://u:pw@localhost:5432/cairn') // 'localhost:5432/cairn'
 */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}/${decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default)'}`;
  } catch {
    return '(unparseable PostgreSQL URL)';
  }
}
