import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, TEST_DATABASE_URL } from '../../../test/dialects.js';
import { loadDemo } from '../../application/load-demo.js';
import {
  type DatabaseSettings,
  openDatabase,
  openSqlite,
  SQLITE_FILE_NAME,
  type SqlDialect,
} from '../open-database.js';
import { openStore } from '../open-store.js';
import { readBackupHeader } from './backup-format.js';
import { createBackup } from './create-backup.js';
import { restoreBackup } from './restore-backup.js';

const root = path.join(import.meta.dirname, '../../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-backup-'));
const SECRET = 'a test secret that is long enough to be a key';
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

async function freshTarget(dialect: SqlDialect): Promise<DatabaseSettings> {
  const dataDir = path.join(tmp, `d-${randomBytes(4).toString('hex')}`);
  if (dialect === 'sqlite') return { dataDir, databaseUrl: null, secretKey: SECRET };
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `b_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { dataDir, databaseUrl: url.toString(), secretKey: SECRET };
}

/** A writer in another process: each transaction adds a client and its primary assignment, until stdin closes. */
const SQLITE_WRITER = `
import { createRequire } from 'node:module';
import { hkdfSync } from 'node:crypto';
const require = createRequire(${JSON.stringify(`${root}/package.json`)});
const Driver = require('better-sqlite3-multiple-ciphers');
const [file, secret, practiceId, userId] = process.argv.slice(2);
const db = new Driver(file);
db.pragma("cipher='sqlcipher'");
db.pragma('legacy=4');
db.pragma(\`key="x'\${Buffer.from(hkdfSync('sha256', secret, 'cairn', 'cairn sqlite database key v1', 32)).toString('hex')}'"\`);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
const client = db.prepare("insert into client (id, practice_id, record_number, given_name, family_name, status, created_at, updated_at) values (?, ?, ?, 'W', 'W', 'active', 'x', 'x')");
const assign = db.prepare("insert into client_assignment (client_id, user_id, role, created_at) values (?, ?, 'primary', 'x')");
const add = db.transaction((n) => { const id = 'writer-' + n; client.run(id, practiceId, 'W-' + n); assign.run(id, userId); });
let n = 0; let stop = false;
process.stdin.on('end', () => { stop = true; }); process.stdin.resume();
function loop() { for (let i = 0; i < 20; i++) add(n++); if (n === 20) process.stdout.write('ready\\n'); if (!stop) setImmediate(loop); else { db.close(); process.stdout.write('wrote ' + n + '\\n'); } }
loop();
`;

async function writerCounts(settings: DatabaseSettings): Promise<{ clients: number; assignments: number }> {
  const database =
    settings.databaseUrl === null
      ? openSqlite(path.join(settings.dataDir, SQLITE_FILE_NAME), settings.secretKey)
      : await openDatabase(settings);
  try {
    const c = await sql<{ n: number }>`select count(*) as n from client where id like 'writer-%'`.execute(database.db);
    const a = await sql<{
      n: number;
    }>`select count(*) as n from client_assignment where client_id like 'writer-%'`.execute(database.db);
    return { clients: Number(c.rows[0]?.n), assignments: Number(a.rows[0]?.n) };
  } finally {
    await database.close();
  }
}

for (const dialect of DIALECTS) {
  describe(`createBackup on ${dialect}`, () => {
    it('takes a consistent snapshot while another connection keeps inserting', async () => {
      const source = await freshTarget(dialect);
      const opened = await openStore(source, 'apply');
      let practiceId: string;
      let userId: string;
      try {
        await loadDemo(opened.deps, { kind: 'cli', osUser: 'test' }, { clients: 2, weeks: 4, seed: 5 });
        const practice = await opened.store.findPractice();
        const users = await sql<{ id: string }>`select id from app_user order by id`.execute(opened.database.db);
        practiceId = practice?.id ?? '';
        userId = users.rows[0]?.id ?? '';
      } finally {
        await opened.close();
      }
      const file = path.join(tmp, `busy-${dialect}.cairnbak`);
      let wrote: number;
      if (dialect === 'sqlite') {
        const script = path.join(tmp, 'writer.mjs');
        fs.writeFileSync(script, SQLITE_WRITER);
        const child = spawn(
          process.execPath,
          [script, path.join(source.dataDir, SQLITE_FILE_NAME), SECRET, practiceId, userId],
          { stdio: ['pipe', 'pipe', 'inherit'] },
        );
        let out = '';
        const ready = new Promise<void>((resolve) =>
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('ready')) resolve();
          }),
        );
        const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
        await ready;
        await createBackup(source, file);
        child.stdin.end();
        await exited;
        wrote = Number(/wrote (\d+)/.exec(out)?.[1]);
      } else {
        const writer = new pg.Client({ connectionString: source.databaseUrl ?? '' });
        await writer.connect();
        let n = 0;
        let stop = false;
        const loop = (async () => {
          while (!stop) {
            await writer.query('begin');
            await writer.query(
              `insert into client (id, practice_id, record_number, given_name, family_name, status, created_at, updated_at) values ($1, $2, $3, 'W', 'W', 'active', 'x', 'x')`,
              [`writer-${n}`, practiceId, `W-${n}`],
            );
            await writer.query(
              `insert into client_assignment (client_id, user_id, role, created_at) values ($1, $2, 'primary', 'x')`,
              [`writer-${n}`, userId],
            );
            await writer.query('commit');
            n += 1;
          }
        })();
        while (n < 20) await new Promise((r) => setImmediate(r));
        await createBackup(source, file);
        stop = true;
        await loop;
        await writer.end();
        wrote = n;
      }
      const target = await freshTarget(dialect);
      await restoreBackup(target, file);
      const copy = await writerCounts(target);
      expect(copy.clients).toBe(copy.assignments);
      expect(copy.clients).toBeGreaterThanOrEqual(20);
      expect(copy.clients).toBeLessThanOrEqual(wrote);
      expect(await writerCounts(source)).toEqual({ clients: wrote, assignments: wrote });
      if (dialect === 'sqlite') {
        const restored = openSqlite(path.join(target.dataDir, SQLITE_FILE_NAME), SECRET);
        try {
          expect((await sql`pragma integrity_check`.execute(restored.db)).rows).toEqual([{ integrity_check: 'ok' }]);
          expect((await sql`pragma foreign_key_check`.execute(restored.db)).rows).toEqual([]);
        } finally {
          await restored.close();
        }
        expect(fs.readdirSync(source.dataDir).filter((f) => f.startsWith('.backup-'))).toEqual([]);
      }
    }, 60_000);

    it('writes a header naming the dialect and every applied migration, and refuses a missing directory', async () => {
      const source = await freshTarget(dialect);
      await (await openStore(source, 'apply')).close();
      const file = path.join(tmp, `header-${dialect}.cairnbak`);
      await createBackup(source, file, { now: () => new Date('2026-11-26T21:00:00.000Z') });
      const { header } = readBackupHeader(file);
      expect(header).toMatchObject({ formatVersion: 1, dialect, createdAt: '2026-11-26T21:00:00.000Z' });
      expect(header.migrations[0]).toBe('2026_11_26_2000_create_core_tables');
      await expect(createBackup(source, path.join(tmp, 'no-such-dir', 'x.cairnbak'))).rejects.toMatchObject({
        code: 'invalid-input',
      });
    });
  });
}
