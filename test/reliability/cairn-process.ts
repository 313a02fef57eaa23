// Real `cairn` processes for the reliability tests: one private build of the server and CLI shared by every test file
// of a run, servers started on a free port and polled until ready, and a private PostgreSQL schema per test.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { TEST_DATABASE_URL } from '../dialects.js';

const root = path.join(import.meta.dirname, '../..');

/** The secret every reliability test runs with (so the SQLite file is encrypted, as in production). */
export const SECRET = 'a reliability test secret long enough to be a key';

function sourceStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(root, 'src'));
  hash.update(fs.readFileSync(path.join(root, 'scripts/build.mjs')));
  return hash.digest('hex').slice(0, 16);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of `dist/cli/main.js` of a private build (server and CLI, no web app) of this checkout, made once per test
 * run and source state: test files running in parallel under the same Vitest process share it (the first one builds,
 * the others wait for its marker), so nothing else rebuilding dist/ can pull files from under these servers. Builds
 * of Vitest runs that have ended are removed.
 */
export async function privateBuild(): Promise<string> {
  const runner = process.ppid;
  const prefix = 'cairn-reliability-build-';
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (name.startsWith(prefix) && pid !== runner && Number.isInteger(pid) && !isAlive(pid)) {
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
  const dir = path.join(os.tmpdir(), `${prefix}${runner}-${sourceStamp()}`);
  const main = path.join(dir, 'dist/cli/main.js');
  const done = path.join(dir, 'built');
  let mine = false;
  try {
    fs.mkdirSync(dir);
    mine = true;
  } catch {
    // Another test file of this run is building it (or has).
  }
  if (mine) {
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module","private":true}\n');
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, CAIRN_BUILD_OUT: path.join(dir, 'dist'), CAIRN_BUILD_SKIP_WEB: '1' },
    });
    if (build.status !== 0) {
      fs.writeFileSync(done, `failed: ${build.stderr}`);
      throw new Error(`build failed: ${build.stderr}`);
    }
    fs.writeFileSync(done, 'ok');
    return main;
  }
  const deadline = Date.now() + 60_000;
  while (!fs.existsSync(done) || fs.readFileSync(done, 'utf8') === '') {
    if (Date.now() > deadline) throw new Error(`no private build at ${dir} after 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const state = fs.readFileSync(done, 'utf8');
  if (state !== 'ok') throw new Error(`build failed: ${state}`);
  return main;
}

/** Runs a `cairn` command to completion with only PATH, HOME and `env` in its environment. */
export function runCairn(main: string, args: readonly string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), ...env },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface CairnServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server wrote to stderr so far. */
  readonly stderr: () => string;
  /** Resolves with the exit code or signal once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/** Polls `check` every 100 ms until it returns true or `timeoutMs` passes (then throws with `what`). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts `cairn start` on a free port of 127.0.0.1 and resolves once /readyz answers 200. The port comes from the
 * "Cairn listening on" line, so servers started in parallel never collide.
 */
export async function startCairn(main: string, env: Record<string, string>): Promise<CairnServer> {
  const child = spawn(process.execPath, [main, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      PORT: '0',
      HOST: '127.0.0.1',
      CAIRN_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  let url = '';
  await waitFor('the server to listen', () => {
    if (ended) throw new Error(`cairn start exited early: ${stderr}`);
    url = stderr.match(/Cairn listening on (http:\/\/\S+)/)?.[1] ?? '';
    return url !== '';
  });
  await waitFor('/readyz', async () => (await fetch(`${url}/readyz`).catch(() => null))?.status === 200);
  return { url, child, stderr: () => stderr, exited };
}

/** Stops a server with SIGTERM and waits for it to exit; returns its exit code. */
export async function stopCairn(server: CairnServer): Promise<number | NodeJS.Signals | null> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

/** A signed-in API session: cookie and CSRF token, and JSON helpers. */
export interface ApiSession {
  readonly post: (route: string, body: unknown) => Promise<Response>;
  readonly get: (route: string) => Promise<Response>;
}

/** Signs in with e-mail and password (the demo practice relaxes the second factor). */
export async function signIn(url: string, email: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; stage: string };
  if (body.stage !== 'complete') throw new Error(`sign-in stopped at stage ${body.stage}`);
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const headers = { cookie, 'x-csrf-token': body.csrfToken };
  return {
    post: (route, payload) =>
      fetch(`${url}${route}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      }),
    get: (route) => fetch(`${url}${route}`, { headers }),
  };
}

/** A private schema in the PostgreSQL test database and the URL that selects it; `drop` removes it. */
export async function privateSchema(): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> {
  const base = TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `rel_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
