// Scheduled backups in the running server (CAIRN_BACKUP_DIR): taken at start when none is recent, rotated to the
// newest CAIRN_BACKUP_KEEP, a failed run logged and shown in /readyz then retried at the next interval, leftovers of an
// interrupted backup removed at start, and the newest backup restores to a database whose audit chain verifies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CairnServer, privateBuild, runCairn, SECRET, startCairn, stopCairn, waitFor } from './cairn-process.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-scheduled-'));
let main = '';
let server: CairnServer | null = null;

beforeAll(async () => {
  main = await privateBuild();
});
afterAll(() => {
  server?.child.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

const SCHEDULED = /^cairn-backup-\d{8}T\d{9}Z\.cairnbak$/;

interface ReadyBody {
  status: string;
  backup?: { lastSuccessAt: string | null; lastFailureAt: string | null; consecutiveFailures: number };
}

describe('scheduled backups in `cairn start` (SQLite)', () => {
  it('backs up every interval, keeps the newest N, survives a failed run, and the newest backup restores', async () => {
    const data = path.join(tmp, 'data');
    const backups = path.join(tmp, 'backups');
    const env = { CAIRN_DATA_DIR: data, CAIRN_SECRET_KEY: SECRET };
    expect(runCairn(main, ['demo'], env).status).toBe(0);

    // A backup that died an hour ago left its snapshot and its half-written file; one running now has fresh files.
    fs.mkdirSync(backups);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const leftovers = [
      path.join(data, '.backup-0123456789ab.db'),
      path.join(backups, '.cairn-backup-20261126T030000000Z.cairnbak.0123456789ab.tmp'),
    ];
    for (const f of leftovers) {
      fs.writeFileSync(f, 'partial');
      fs.utimesSync(f, hourAgo, hourAgo);
    }
    const running = path.join(data, '.backup-ba9876543210.db');
    fs.writeFileSync(running, 'in progress');

    // Backups every 0.0003 h (about a second), keeping 2.
    server = await startCairn(main, {
      ...env,
      CAIRN_BACKUP_DIR: backups,
      CAIRN_BACKUP_INTERVAL_HOURS: '0.0003',
      CAIRN_BACKUP_KEEP: '2',
    });
    const s = server;
    const written = () => (s.stderr().match(/^backup written: /gm) ?? []).length;
    const ready = async () => (await (await fetch(`${s.url}/readyz`)).json()) as ReadyBody;
    for (const f of leftovers) expect(fs.existsSync(f)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(s.stderr()).toContain(`removed the leftover of an interrupted backup: ${leftovers[0]}`);

    // The first backup is taken at start (there is none yet).
    await waitFor('the first scheduled backup', () => written() >= 1);
    expect((await ready()).backup).toMatchObject({ consecutiveFailures: 0, lastFailureAt: null });

    // The backup directory disappears: the run fails, says so once per run, and /readyz shows it (still 200).
    fs.rmSync(backups, { recursive: true, force: true });
    await waitFor('a failed run', () => /warning: scheduled backup failed/.test(s.stderr()));
    const failing = await fetch(`${s.url}/readyz`);
    expect(failing.status).toBe(200);
    const failed = ((await failing.json()) as ReadyBody).backup;
    expect(failed?.consecutiveFailures).toBeGreaterThanOrEqual(1);
    expect(failed?.lastFailureAt).not.toBeNull();

    // It comes back: the next runs succeed, and only the newest 2 are kept.
    fs.mkdirSync(backups);
    const before = written();
    await waitFor('three more backups', () => written() >= before + 3);
    expect((await ready()).backup?.consecutiveFailures).toBe(0);
    expect(await stopCairn(s)).toBe(0);
    const kept = fs.readdirSync(backups).filter((n) => SCHEDULED.test(n));
    expect(kept).toHaveLength(2);
    expect(fs.readdirSync(backups).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(fs.readdirSync(data).filter((n) => n.startsWith('.backup-'))).toEqual(['.backup-ba9876543210.db']);

    // Every line the server wrote is one of its own (no client data in the log).
    const lines = s.stderr().trim().split('\n');
    for (const line of lines) {
      expect(line).toMatch(
        /^(Cairn listening on |backup written: |removed the leftover of an interrupted backup: |warning: scheduled backup failed \(invalid-input: the directory .* does not exist\); retrying in 0\.0003 h$|SIGTERM: shutting down$)/,
      );
    }

    // The restore drill: the newest backup restores into an empty data directory and its audit chain verifies.
    const newest = path.join(backups, kept.sort().at(-1) ?? '');
    const restored = { CAIRN_DATA_DIR: path.join(tmp, 'restored'), CAIRN_SECRET_KEY: SECRET };
    const restore = runCairn(main, ['restore', newest], restored);
    expect(restore.status, restore.stderr).toBe(0);
    const verify = runCairn(main, ['audit', 'verify'], restored);
    expect(verify.stdout).toMatch(/^audit chain ok: \d+ events/);
    expect(verify.status).toBe(0);
  });
});
