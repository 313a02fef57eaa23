import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, TEST_DATABASE_URL } from '../../../test/dialects.js';
import { loadDemo } from '../../application/load-demo.js';
import type { SqlDialect } from '../open-database.js';
import { type DatabaseSettings, openDatabase, openSqlite, SQLITE_FILE_NAME } from '../open-database.js';
import { openStore } from '../open-store.js';
import type { Database } from '../tables/database.js';
import { decryptBackupToFile, encryptBackup } from './backup-format.js';
import { createBackup } from './create-backup.js';
import { listPostgresTables } from './postgres-tables.js';
import { restoreBackup } from './restore-backup.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-restore-'));
const SECRET = 'a test secret that is long enough to be a key';
const OTHER_SECRET = 'another secret, also long enough to be a key';
const schemas: string[] = [];

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (schemas.length > 0 && TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    for (const s of schemas) await admin.query(`drop schema if exists ${s} cascade`);
    await admin.end();
  }
});

/** Settings for a fresh, empty target: a new data directory, or a new PostgreSQL schema. */
async function freshTarget(dialect: SqlDialect, secretKey: string | null = SECRET): Promise<DatabaseSettings> {
  const dataDir = path.join(tmp, `d-${randomBytes(4).toString('hex')}`);
  if (dialect === 'sqlite') return { dataDir, databaseUrl: null, secretKey };
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `b_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { dataDir, databaseUrl: url.toString(), secretKey };
}

async function tableNames(db: Kysely<Database>, dialect: SqlDialect): Promise<string[]> {
  if (dialect === 'postgres') return [...(await listPostgresTables(db)).map((t) => t.name)].sort();
  const r = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'kysely_migration_lock'
    order by name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Every table's rows, each table's rows sorted, for comparing two databases. */
async function dumpTables(settings: DatabaseSettings): Promise<Record<string, string[]>> {
  const database = await openDatabase(settings);
  try {
    const out: Record<string, string[]> = {};
    for (const table of await tableNames(database.db, database.dialect)) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db);
      out[table] = rows.rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    await database.close();
  }
}

async function isEmptyTarget(settings: DatabaseSettings): Promise<boolean> {
  if (!settings.databaseUrl) return !fs.existsSync(path.join(settings.dataDir, SQLITE_FILE_NAME));
  return Object.keys(await dumpTables(settings)).length === 0;
}

for (const dialect of DIALECTS) {
  describe(`restoreBackup on ${dialect}`, () => {
    let source: DatabaseSettings;
    let backupFile: string;
    let original: Record<string, string[]>;

    beforeAll(async () => {
      source = await freshTarget(dialect);
      const opened = await openStore(source, 'apply');
      try {
        await loadDemo(opened.deps, { kind: 'cli', osUser: 'test' }, { clients: 20, weeks: 12, seed: 1 });
      } finally {
        await opened.close();
      }
      backupFile = path.join(tmp, `${dialect}-${randomBytes(4).toString('hex')}.cairnbak`);
      await createBackup(source, backupFile);
      original = await dumpTables(source);
    }, 120_000);

    it('restores into an empty target with every table’s rows equal and an audit chain that verifies', async () => {
      const target = await freshTarget(dialect);
      const summary = await restoreBackup(target, backupFile);
      expect(summary.auditEvents).toBeGreaterThan(0);
      expect(summary.pendingMigrations).toEqual([]);
      const restored = await dumpTables(target);
      expect(Object.keys(restored)).toEqual(Object.keys(original));
      expect(Object.keys(original)).toContain('kysely_migration');
      expect(original.client?.length).toBeGreaterThanOrEqual(20);
      for (const table of Object.keys(original)) expect(restored[table], table).toEqual(original[table]);
      const opened = await openStore(target, 'refuse-pending');
      try {
        expect(await opened.store.verifyAudit()).toMatchObject({ ok: true, events: summary.auditEvents });
      } finally {
        await opened.close();
      }
    });

    it('writes the backup file with mode 0600 and without plaintext', () => {
      expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
      const bytes = fs.readFileSync(backupFile);
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
      expect(bytes.includes(Buffer.from('"given_name"'))).toBe(false);
    });

    it('refuses a backup with one flipped byte as unreadable and leaves the target untouched', async () => {
      const bytes = fs.readFileSync(backupFile);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      const damaged = path.join(tmp, `flipped-${dialect}.cairnbak`);
      fs.writeFileSync(damaged, bytes);
      const target = await freshTarget(dialect);
      await expect(restoreBackup(target, damaged)).rejects.toMatchObject({
        code: 'backup-unreadable',
        message: 'the backup cannot be read: wrong key or damaged file',
      });
      expect(await isEmptyTarget(target)).toBe(true);
      if (dialect === 'sqlite') expect(fs.readdirSync(target.dataDir)).toEqual([]);
    });

    it('refuses a backup whose readable header was edited (the header is authenticated too)', async () => {
      const bytes = fs.readFileSync(backupFile);
      const at = bytes.indexOf('"createdAt":"2') + '"createdAt":"'.length;
      bytes[at] = '1'.charCodeAt(0);
      const edited = path.join(tmp, `edited-${dialect}.cairnbak`);
      fs.writeFileSync(edited, bytes);
      const target = await freshTarget(dialect);
      await expect(restoreBackup(target, edited)).rejects.toMatchObject({ code: 'backup-unreadable' });
      expect(await isEmptyTarget(target)).toBe(true);
    });

    it('refuses a truncated backup as unreadable and leaves the target untouched', async () => {
      const bytes = fs.readFileSync(backupFile);
      const cut = path.join(tmp, `cut-${dialect}.cairnbak`);
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      const target = await freshTarget(dialect);
      await expect(restoreBackup(target, cut)).rejects.toMatchObject({ code: 'backup-unreadable' });
      expect(await isEmptyTarget(target)).toBe(true);
      fs.writeFileSync(cut, bytes.subarray(0, 20));
      await expect(restoreBackup(target, cut)).rejects.toMatchObject({ code: 'backup-unreadable' });
      expect(await isEmptyTarget(target)).toBe(true);
    });

    it('refuses a different CAIRN_SECRET_KEY as unreadable and leaves the target untouched', async () => {
      const target = await freshTarget(dialect, OTHER_SECRET);
      await expect(restoreBackup(target, backupFile)).rejects.toMatchObject({
        code: 'backup-unreadable',
        message: 'the backup cannot be read: wrong key or damaged file',
      });
      expect(await isEmptyTarget(target)).toBe(true);
    });

    it('refuses a backup whose header lists a migration this build does not know', async () => {
      const plain = path.join(tmp, `plain-${dialect}-${randomBytes(4).toString('hex')}`);
      const { loadKeys } = await import('../load-keys.js');
      const key = loadKeys(source).backupKey;
      const header = await decryptBackupToFile(backupFile, key, plain);
      const newer = path.join(tmp, `newer-${dialect}.cairnbak`);
      await encryptBackup(
        fs.createReadStream(plain),
        newer,
        { ...header, migrations: [...header.migrations, '2099_01_01_0000_from_the_future'] },
        key,
      );
      fs.rmSync(plain);
      const target = await freshTarget(dialect);
      await expect(restoreBackup(target, newer)).rejects.toMatchObject({ code: 'backup-from-newer-schema' });
      expect(await isEmptyTarget(target)).toBe(true);
    });

    it('refuses to restore over a database that holds data and changes nothing', async () => {
      await expect(restoreBackup(source, backupFile)).rejects.toMatchObject({ code: 'restore-target-not-empty' });
      expect(await dumpTables(source)).toEqual(original);
    });

    it('records backup.create in the source and backup.restore in the target when an actor is named', async () => {
      const file = path.join(tmp, `audited-${dialect}.cairnbak`);
      await createBackup(source, file, { auditActor: 'cli:ana' });
      const target = await freshTarget(dialect);
      await restoreBackup(target, file, { auditActor: 'cli:ben' });
      for (const [settings, action, actor] of [
        [source, 'backup.create', 'cli:ana'],
        [target, 'backup.restore', 'cli:ben'],
      ] as const) {
        const opened = await openStore(settings, 'refuse-pending');
        try {
          const events = await opened.store.listAudit({ limit: 100_000 });
          expect(events.at(-1)).toMatchObject({ action, actor, clientIds: [], outcome: 'success' });
          expect(await opened.store.verifyAudit()).toMatchObject({ ok: true });
        } finally {
          await opened.close();
        }
      }
    });

    it('refuses a backup of the other dialect with a clear message', async () => {
      const other = dialect === 'sqlite' ? 'postgres' : 'sqlite';
      if (!DIALECTS.includes(other)) {
        const target = await freshTarget(dialect);
        await expect(restoreBackup(target, path.join(tmp, 'missing.cairnbak'))).rejects.toMatchObject({
          code: 'invalid-input',
        });
        return;
      }
      const target = await freshTarget(other);
      await expect(restoreBackup(target, backupFile)).rejects.toMatchObject({ code: 'invalid-input' });
      expect(await isEmptyTarget(target)).toBe(true);
    });
  });
}

describe('restoreBackup of an encrypted SQLite database', () => {
  it('restores a file that opens only with the key', async () => {
    const source = await freshTarget('sqlite', SECRET);
    const opened = await openStore(source, 'apply');
    await loadDemo(opened.deps, { kind: 'cli', osUser: 'test' }, { clients: 0, weeks: 4, seed: 2 });
    await opened.close();
    const file = path.join(tmp, 'keyed.cairnbak');
    const summary = await createBackup(source, file);
    expect(summary.header.databaseEncrypted).toBe(true);
    const target = await freshTarget('sqlite', SECRET);
    await restoreBackup(target, file);
    const restoredFile = path.join(target.dataDir, SQLITE_FILE_NAME);
    expect(() => openSqlite(restoredFile, null, { readonly: true })).toThrow(/encrypted or damaged/);
    const keyed = openSqlite(restoredFile, SECRET);
    try {
      const r = await sql<{ n: number }>`select count(*) as n from client`.execute(keyed.db);
      expect(Number(r.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await keyed.close();
    }
  });

  it('restores a backup made with the generated key file once that file is copied into the new data directory', async () => {
    const source = await freshTarget('sqlite', null);
    const opened = await openStore(source, 'apply');
    await loadDemo(opened.deps, { kind: 'cli', osUser: 'test' }, { clients: 0, weeks: 4, seed: 2 });
    await opened.close();
    const file = path.join(tmp, 'keyfile.cairnbak');
    await createBackup(source, file);
    const target = await freshTarget('sqlite', null);
    await expect(restoreBackup(target, file)).rejects.toMatchObject({ code: 'invalid-config' });
    expect(fs.readdirSync(target.dataDir)).toEqual([]);
    fs.copyFileSync(path.join(source.dataDir, 'secret.key'), path.join(target.dataDir, 'secret.key'));
    expect((await restoreBackup(target, file)).auditEvents).toBeGreaterThan(0);
    expect(await dumpTables(target)).toEqual(await dumpTables(source));
  });
});
