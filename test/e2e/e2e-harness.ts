// Helpers for the browser journeys: a private build of Cairn (so a concurrent rebuild of dist/ by another suite cannot
// pull files from under the server), a real `cairn start` on a free port with its own data directory, and Debian's
// Chromium driven by playwright-core (reference/deps.md §6). Without /usr/bin/chromium the journeys are skipped and say
// why; with CI=true a missing browser is a failure (DESIGN 3.1).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const root = path.join(import.meta.dirname, '..', '..');

/**
 * Why the journeys cannot run here, or null when they can. Throws under CI=true, where a skip is a failure.
 *
 * @example
 * const reason = browserSkipReason(); // 'no Chromium at /usr/bin/chromium (apt-get install -y chromium)'
 */
export function browserSkipReason(): string | null {
  if (fs.existsSync(CHROMIUM_PATH)) return null;
  const reason = `browser journeys SKIPPED: no Chromium at ${CHROMIUM_PATH} (install it with: apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  console.warn(reason);
  return reason;
}

/**
 * Builds the server, CLI and web app into a fresh temporary folder that resolves this checkout's node_modules.
 * Returns the folder (holding dist/) and a cleanup function.
 *
 * @example
 * const build = buildPrivateCopy(); // build.main = '/tmp/cairn-e2e-x/dist/cli/main.js'
 */
export function buildPrivateCopy(): { readonly dir: string; readonly main: string; readonly remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module","private":true}\n');
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CAIRN_BUILD_OUT: path.join(dir, 'dist') },
  });
  if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
  if (!fs.existsSync(path.join(dir, 'dist', 'web', 'index.html'))) throw new Error('build made no dist/web/index.html');
  return {
    dir,
    main: path.join(dir, 'dist', 'cli', 'main.js'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function cleanEnv(dataDir: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), CAIRN_DATA_DIR: dataDir, ...extra };
}

/**
 * Runs a `cairn` command against a data directory and returns its output; `input` goes to its stdin (for
 * `users add --password-stdin`).
 *
 * @example
 * runCairn(build.main, dataDir, ['demo']).stdout // 'demo.clinician@… password clinician\n…'
 */
export function runCairn(main: string, dataDir: string, args: readonly string[], input?: string) {
  const run = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    env: cleanEnv(dataDir),
    timeout: 120_000,
    ...(input === undefined ? {} : { input }),
  });
  if (run.status !== 0) throw new Error(`cairn ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** How long `stop()` waits for a clean SIGTERM shutdown before it kills the server. */
const STOP_GRACE_MS = 15_000;

/**
 * A running `cairn start --port 0` with its own data directory and `extraEnv` on top of a clean environment.
 * Both output streams are read continuously: the server logs every request to stdout, and on Linux a write to a full
 * pipe blocks the writer's event loop, so an unread pipe (64 KB) would freeze the server mid-suite. `stop()` sends
 * SIGTERM and, if the server has not exited after 15 s, SIGKILL.
 *
 * @example
 * const server = await startCairn(build.main, dataDir); await page.goto(server.url); await server.stop();
 */
export async function startCairn(
  main: string,
  dataDir: string,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<{ readonly url: string; readonly stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [main, 'start', '--port', '0', '--host', '127.0.0.1'], {
    env: cleanEnv(dataDir, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cairn start did not get ready: ${stderr}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      // Only the start-up lines matter; keep the last few KB so a long run does not grow this without bound.
      stderr = (stderr + chunk.toString()).slice(-8192);
      const match = /listening on (http:\/\/[^\s]+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cairn start exited ${code}: ${stderr}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const killer = setTimeout(() => {
          console.warn(`cairn start did not stop within ${STOP_GRACE_MS} ms of SIGTERM; killing it: ${stderr}`);
          child.kill('SIGKILL');
        }, STOP_GRACE_MS);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Launches Debian's Chromium headless with the flags that work here (reference/deps.md §6).
 *
 * @example
 * const browser = await launchBrowser(); const page = await browser.newPage();
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where journeys save screenshots for a person to look at (not committed). */
export const SCREENSHOT_DIR = path.join(os.tmpdir(), 'cairn-e2e-screenshots');
