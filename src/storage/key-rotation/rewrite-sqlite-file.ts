import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDriver from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import { migrateToLatest } from '../migrate.js';
import { openSqlite } from '../open-database.js';
import { verifyAuditChain } from '../repositories/audit-repository.js';
import type { Database } from '../tables/database.js';
import { type ResealReport, resealKeyedData, type SealingKeys } from './reseal-keyed-data.js';

/**
 * The 32-byte SQLCipher key of the database file, hex. Must stay the derivation of open-database.ts (HKDF-SHA256 with
 * the label 'cairn sqlite database key v1'); the tests open every rewritten file with openSqlite to prove it.
 */
function databaseKeyHex(secretKey: string): string {
  return Buffer.from(hkdfSync('sha256', secretKey, 'cairn', 'cairn sqlite database key v1', 32)).toString('hex');
}

function applyKeyHex(driver: SqliteDriver.Database, keyHex: string): void {
  driver.pragma(`cipher='sqlcipher'`);
  driver.pragma('legacy=4');
  driver.pragma(`key="x'${keyHex}'"`);
}

const code = (error: unknown) => (error as { code?: string }).code;
const isBusy = (error: unknown) => code(error) === 'SQLITE_BUSY' || code(error) === 'SQLITE_LOCKED';
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** How the source file turned out when opened for the rewrite. */
export type SourceState = 'opened' | 'not-readable';

/**
 * Holds the source database for the whole rewrite: checkpoints and leaves WAL mode (which SQLite refuses while any
 * other connection, such as a running server, has the file open), then keeps a RESERVED lock, so nothing can write
 * the file and no second rewrite can start until release().
 */
function lockSource(file: string, keyHex: string | null): { readonly release: () => void } | 'not-readable' {
  const driver = new SqliteDriver(file, { fileMustExist: true, timeout: 1000 });
  try {
    if (keyHex) applyKeyHex(driver, keyHex);
    try {
      driver.prepare('select count(*) from sqlite_master').get();
    } catch (error) {
      if (code(error) === 'SQLITE_NOTADB') {
        driver.close();
        return 'not-readable';
      }
      throw error;
    }
    driver.pragma('wal_checkpoint(TRUNCATE)');
    const mode = driver.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error('journal mode unchanged'), { code: 'SQLITE_BUSY' });
    driver.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (driver.open) driver.close();
    if (isBusy(error)) {
      throw new AppError(
        ErrorCode.conflict,
        `the database ${file} is in use (is \`cairn start\` running?); stop the server and try again`,
      );
    }
    throw error;
  }
  return {
    release: () => {
      if (driver.inTransaction) driver.exec('ROLLBACK');
      driver.close();
    },
  };
}

/**
 * Copies every table, row, index, view and trigger of `source` into a new file `target` encrypted under `targetKeyHex`
 * (the export SQLCipher's sqlcipher_export does): the copy is written encrypted page by page, so no plaintext copy
 * ever reaches the disk. Row counts are compared table by table.
 */
function copyInto(source: string, sourceKeyHex: string | null, target: string, targetKeyHex: string): number {
  const d = new SqliteDriver(target);
  try {
    applyKeyHex(d, targetKeyHex);
    d.pragma('journal_mode = DELETE');
    d.prepare('ATTACH DATABASE ? AS src KEY ?').run(source, sourceKeyHex ? `x'${sourceKeyHex}'` : '');
    const objects = d
      .prepare(
        `select type, name, sql from src.sqlite_master where sql is not null and name not like 'sqlite_%' order by rowid`,
      )
      .all() as { type: string; name: string; sql: string }[];
    const tables = objects.filter((o) => o.type === 'table').map((o) => o.name);
    d.exec('BEGIN');
    for (const o of objects) if (o.type === 'table') d.exec(o.sql);
    for (const t of tables) d.exec(`INSERT INTO main.${quote(t)} SELECT * FROM src.${quote(t)}`);
    const hasSequence = d.prepare(`select 1 from src.sqlite_master where name = 'sqlite_sequence'`).get();
    if (hasSequence) {
      d.exec('DELETE FROM main.sqlite_sequence');
      d.exec('INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence');
    }
    for (const o of objects) if (o.type !== 'table') d.exec(o.sql);
    d.pragma(`user_version = ${Number(d.pragma('src.user_version', { simple: true }))}`);
    d.pragma(`application_id = ${Number(d.pragma('src.application_id', { simple: true }))}`);
    d.exec('COMMIT');
    for (const t of tables) {
      const a = d.prepare(`select count(*) as n from main.${quote(t)}`).get() as { n: number };
      const b = d.prepare(`select count(*) as n from src.${quote(t)}`).get() as { n: number };
      if (a.n !== b.n) throw new Error(`the copy of table ${t} has ${a.n} rows, the source ${b.n}`);
    }
    d.exec('DETACH DATABASE src');
    return tables.length;
  } finally {
    if (d.inTransaction) d.exec('ROLLBACK');
    d.close();
  }
}

function openKeyed(file: string, keyHex: string): Kysely<Database> {
  const driver = new SqliteDriver(file, { fileMustExist: true });
  applyKeyHex(driver, keyHex);
  driver.pragma('journal_mode = DELETE');
  driver.pragma('synchronous = FULL');
  driver.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: driver }) });
}

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const TEMP_PATTERN = /^\.cairn\.db\.(encrypt|rekey)-[0-9a-f]+\.tmp(-journal)?$/;

/** Temp files of a rewrite that was killed (never the database itself). */
function removeStaleTemps(dir: string): void {
  for (const name of fs.readdirSync(dir)) if (TEMP_PATTERN.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

export interface RewriteSqliteInput {
  readonly file: string;
  /** The secret the file is encrypted under now; null for a plain file. */
  readonly currentSecret: string | null;
  readonly newSecret: string;
  readonly from: SealingKeys;
  readonly to: SealingKeys;
  readonly event: { readonly actor: string; readonly action: 'db.encrypt' | 'db.rekey'; readonly at: string };
  /** Replaces the file (tests make it fail); default fs.renameSync. */
  readonly rename?: (from: string, to: string) => void;
}

export interface RewriteSqliteResult extends ResealReport {
  readonly tables: number;
  readonly migrationsApplied: readonly string[];
}

/**
 * Rewrites the SQLite file under a new secret with the server stopped: locks the source, copies it encrypted under the
 * new key into a temp file in the same directory, re-seals the keyed data in that copy in one transaction, checks the
 * copy opens with the new key and its audit chain verifies, fsyncs it and renames it over the original (the one
 * atomic step), then fsyncs the directory. Any failure before the rename leaves the original untouched.
 *
 * Throws AppError('conflict') when the file is in use, and `'not-readable'` is returned when the current secret does not
 * open it (the caller words that message).
 *
 * @example
 * await rewriteSqliteFile({ file, currentSecret: null, newSecret, from, to, event: { actor: 'cli:ana', action: 'db.encrypt', at } });
 */
export async function rewriteSqliteFile(input: RewriteSqliteInput): Promise<RewriteSqliteResult | 'not-readable'> {
  const lock = lockSource(input.file, input.currentSecret ? databaseKeyHex(input.currentSecret) : null);
  if (lock === 'not-readable') return lock;
  const dir = path.dirname(input.file);
  const temp = path.join(
    dir,
    `.${path.basename(input.file)}.${input.event.action === 'db.encrypt' ? 'encrypt' : 'rekey'}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    removeStaleTemps(dir);
    const newHex = databaseKeyHex(input.newSecret);
    const tables = copyInto(input.file, input.currentSecret ? databaseKeyHex(input.currentSecret) : null, temp, newHex);
    const db = openKeyed(temp, newHex);
    let report: ResealReport;
    let migrationsApplied: string[] = [];
    try {
      const results = await migrateToLatest(db);
      migrationsApplied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
      report = await db
        .transaction()
        .execute((trx) => resealKeyedData(trx, 'sqlite', input.from, input.to, input.event));
    } finally {
      await db.destroy();
    }
    const check = openSqlite(temp, input.newSecret, { readonly: true });
    try {
      const chain = await verifyAuditChain(check.db, input.to.auditKey);
      if (!chain.ok) throw new Error('the rewritten database does not verify under the new key');
    } finally {
      await check.close();
    }
    fsyncPath(temp);
    (input.rename ?? fs.renameSync)(temp, input.file);
    fsyncPath(dir);
    return { ...report, tables, migrationsApplied };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    throw error;
  } finally {
    lock.release();
  }
}
