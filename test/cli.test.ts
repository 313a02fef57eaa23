// The CLI as a newcomer and other tools use it: the built `cairn` binary, real processes, real databases.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../src/storage/open-database.js';
import { TEST_DATABASE_URL } from './dialects.js';

const root = path.join(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-cli-'));
// A private build (server and CLI only) that resolves this checkout's node_modules, so nothing else rebuilding dist/
// can pull files from under these processes.
const buildDir = path.join(tmp, 'build');
const main = path.join(buildDir, 'dist/cli/main.js');
const PASSWORD = 'a long enough password';

function cairn(args: string[], env: Record<string, string> = {}, input = '') {
  const run = spawnSync(process.execPath, [main, ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmp, ...env },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function freshDir(name: string): string {
  const dir = path.join(tmp, name);
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

beforeAll(() => {
  fs.mkdirSync(buildDir, { recursive: true });
  fs.writeFileSync(path.join(buildDir, 'package.json'), '{"type":"module","private":true}\n');
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(buildDir, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, CAIRN_BUILD_OUT: path.join(buildDir, 'dist'), CAIRN_BUILD_SKIP_WEB: '1' },
  });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cairn users add', () => {
  it('creates the database and the practice when missing and prints "email roles id"', () => {
    const data = freshDir('users');
    const r = cairn(
      ['users', 'add', '--email', 'Ana@Example.org', '--name', 'Ana', '--role', 'admin,clinician', '--password-stdin'],
      { CAIRN_DATA_DIR: data },
      `${PASSWORD}\n`,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ana@example\.org admin,clinician [0-9a-f-]{36}\n$/);
    expect(fs.existsSync(path.join(data, 'cairn.db'))).toBe(true);
  });

  it('refuses a duplicate e-mail with exit 2, one line on stderr, nothing on stdout, nothing written', async () => {
    const data = path.join(tmp, 'users');
    const r = cairn(
      ['users', 'add', '--email', 'ana@example.org', '--name', 'Other', '--role', 'auditor', '--password-stdin'],
      { CAIRN_DATA_DIR: data },
      `${PASSWORD}\n`,
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('warning:')),
    ).toEqual(['cairn users: a user with e-mail ana@example.org already exists']);
    const db = openSqlite(path.join(data, 'cairn.db'), null, { readonly: true });
    const rows = await db.db.selectFrom('app_user').select('email').execute();
    await db.close();
    expect(rows.map((x) => x.email)).toEqual(['ana@example.org']);
  });

  it.each([
    [
      ['--email', 'x@example.org', '--name', 'X', '--role', 'wizard'],
      /roles\.0 must be one of admin, clinician, supervisor, auditor/,
    ],
    [['--email', 'not-an-email', '--name', 'X', '--role', 'admin'], /email must be an e-mail address/],
    [['--name', 'X', '--role', 'admin'], /--email is required/],
  ])('rejects bad input %j with exit 2 and a message naming it', (args, message) => {
    const r = cairn(
      ['users', 'add', ...args, '--password-stdin'],
      { CAIRN_DATA_DIR: freshDir('bad-users') },
      `${PASSWORD}\n`,
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('refuses a password shorter than 12 characters from stdin', () => {
    const r = cairn(
      ['users', 'add', '--email', 'y@example.org', '--name', 'Y', '--role', 'admin', '--password-stdin'],
      { CAIRN_DATA_DIR: freshDir('short') },
      'short\n',
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/at least 12 characters/);
  });
});

describe('configuration errors', () => {
  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ CAIRN_SECRET_KEY: 'too short' }, /CAIRN_SECRET_KEY must be at least 32 characters/],
    [{ CAIRN_DATABASE_URL: 'mysql://x' }, /CAIRN_DATABASE_URL must be a postgres/],
    [{ CAIRN_LOG_LEVEL: 'loud' }, /CAIRN_LOG_LEVEL must be one of/],
  ])('stops with one line naming the setting: %j', (env, message) => {
    const r = cairn(['db', 'migrate'], { CAIRN_DATA_DIR: freshDir('config'), ...env });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('names host and database of an unreachable PostgreSQL URL, never the password', () => {
    const r = cairn(['db', 'migrate'], { CAIRN_DATABASE_URL: 'postgres://cairn:s3cret-pw@127.0.0.1:1/practice_db' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot connect to PostgreSQL at 127\.0\.0\.1:1\/practice_db/);
    expect(r.stderr).not.toContain('s3cret-pw');
  });

  it('says clearly when the data directory cannot be written', () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'x');
    const r = cairn(['db', 'migrate'], { CAIRN_DATA_DIR: path.join(file, 'data') });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write the data directory .*a-file\/data/);
  });
});

describe('cairn demo', () => {
  it('prints only the demo accounts on stdout, the note on stderr, and adds nothing on a re-run', () => {
    const data = freshDir('demo');
    const first = cairn(['demo'], { CAIRN_DATA_DIR: data });
    expect(first.status).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.length).toBe(3);
    for (const line of lines) expect(line).toMatch(/^\S+@\S+ \S{12,} (admin|clinician|supervisor)$/);
    expect(first.stderr).toMatch(/demo credentials/);
    expect(first.stderr).toMatch(/Added 3 clients/);
    const again = cairn(['demo'], { CAIRN_DATA_DIR: data });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toMatch(/Added 0 clients and 0 administrations/);
    expect(cairn(['audit', 'verify'], { CAIRN_DATA_DIR: data }).stdout).toMatch(/audit chain ok: \d+ events/);
  });

  it('makes the same synthetic clients for the same seed, with their clinicians printed', async () => {
    const read = async (dir: string) => {
      const db = openSqlite(path.join(dir, 'cairn.db'), null, { readonly: true });
      const rows = await db.db
        .selectFrom('administration')
        .innerJoin('client', 'client.id', 'administration.client_id')
        .select([
          'client.record_number',
          'administration.instrument_id',
          'administration.total',
          'administration.administered_on',
        ])
        .where('client.record_number', 'like', 'SYN-%')
        .orderBy('client.record_number')
        .orderBy('administration.administered_on')
        .orderBy('administration.instrument_id')
        .execute();
      await db.close();
      return rows;
    };
    const a = freshDir('syn-a');
    const b = freshDir('syn-b');
    const ra = cairn(['demo', '--clients', '3', '--weeks', '4', '--seed', '5'], { CAIRN_DATA_DIR: a });
    const rb = cairn(['demo', '--clients', '3', '--weeks', '4', '--seed', '5'], { CAIRN_DATA_DIR: b });
    expect(ra.status).toBe(0);
    expect(ra.stdout).toContain('clinician1-seed5@cairn-demo.example');
    expect(rb.stdout).toBe(ra.stdout);
    const rowsA = await read(a);
    expect(rowsA.length).toBe(3 * 5 * 2);
    expect(await read(b)).toEqual(rowsA);
  });

  it('rejects a bad --clients value with exit 2', () => {
    const r = cairn(['demo', '--clients', 'many'], { CAIRN_DATA_DIR: freshDir('demo-bad') });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--clients must be a whole number/);
  });
});

describe('cairn start', () => {
  async function startServer(
    env: Record<string, string>,
  ): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
    const child = spawn(process.execPath, [main, 'start', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d) => {
      err += String(d);
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on (http:\/\/\S+)/.exec(err);
        if (m?.[1]) {
          clearInterval(timer);
          resolve(m[1]);
        }
      }, 50);
      child.on('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`exited ${code}: ${err}`));
      });
    });
    return { child, url, stderr: () => err };
  }

  it('serves /healthz, /readyz and a page at /, and exits 0 on SIGTERM', async () => {
    const { child, url } = await startServer({ CAIRN_DATA_DIR: freshDir('start'), CAIRN_LOG_LEVEL: 'silent' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });
    const home = await fetch(`${url}/`);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toContain('Cairn');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses to start on a database whose schema is newer than the code', async () => {
    const data = freshDir('newer');
    expect(cairn(['db', 'migrate'], { CAIRN_DATA_DIR: data }).status).toBe(0);
    const db = openSqlite(path.join(data, 'cairn.db'), null);
    await db.db
      .insertInto('kysely_migration' as never)
      .values({ name: '2999_01_01_0000_future', timestamp: new Date().toISOString() } as never)
      .execute();
    await db.close();
    const r = spawnSync(process.execPath, [main, 'start', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', CAIRN_DATA_DIR: data },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/schema is newer than this version of Cairn/);
  });
});

describe.runIf(TEST_DATABASE_URL)('cairn on PostgreSQL', () => {
  const schema = `cli_${Date.now().toString(36)}`;
  let url = '';
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL ?? '' });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const u = new URL(TEST_DATABASE_URL ?? '');
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL ?? '' });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });

  it('refuses to start with pending migrations, then migrates with `db migrate` and loads the demo', () => {
    const env = { CAIRN_DATABASE_URL: url, CAIRN_DATA_DIR: freshDir('pg') };
    const refused = spawnSync(process.execPath, [main, 'start', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/pending migration\(s\); run `cairn db migrate` first/);
    const migrated = cairn(['db', 'migrate'], env);
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/^applied 2026_11_26_2000_create_core_tables$/m);
    expect(cairn(['db', 'migrate'], env).stdout).toMatch(/^up to date/);
    const demo = cairn(['demo'], env);
    expect(demo.status).toBe(0);
    expect(demo.stdout.trim().split('\n')).toHaveLength(3);
    expect(cairn(['audit', 'verify'], env).status).toBe(0);
  });
});
