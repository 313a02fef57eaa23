import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../main.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-backup-cli-'));
const SECRET = 'a test secret that is long enough to be a key';
const saved = { ...process.env };

afterEach(() => {
  for (const key of ['CAIRN_DATA_DIR', 'CAIRN_SECRET_KEY', 'CAIRN_DATABASE_URL']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cairn(args: string[], env: { dataDir: string; secretKey?: string }) {
  process.env.CAIRN_DATA_DIR = env.dataDir;
  delete process.env.CAIRN_DATABASE_URL;
  if (env.secretKey) process.env.CAIRN_SECRET_KEY = env.secretKey;
  else delete process.env.CAIRN_SECRET_KEY;
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readStdin: async () => '',
    stdinLines: async function* () {},
    isTty: false,
    today: () => '2026-11-26',
    env: process.env,
  };
  const status = await runCli(args, io);
  return { status, out, err };
}

describe('backupCommand and restoreCommand', () => {
  const source = path.join(tmp, 'source');
  const file = path.join(tmp, 'practice.cairnbak');

  it('backs up a running practice to a 0600 file and restores it into an empty data directory', async () => {
    expect((await cairn(['demo'], { dataDir: source, secretKey: SECRET })).status).toBe(0);
    const backup = await cairn(['backup', '--out', file], { dataDir: source, secretKey: SECRET });
    expect([backup.status, backup.err]).toEqual([0, []]);
    expect(backup.out).toHaveLength(1);
    expect(backup.out[0]).toMatch(/^backup written: .*practice\.cairnbak \(\d+ bytes, sqlite, \d+ migrations, taken /);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const target = path.join(tmp, 'target');
    const restore = await cairn(['restore', file], { dataDir: target, secretKey: SECRET });
    expect([restore.status, restore.err]).toEqual([0, []]);
    expect(restore.out[0]).toMatch(/^restored the sqlite backup taken .* audit chain ok \(\d+ events\)$/);
    const verify = await cairn(['audit', 'verify'], { dataDir: target, secretKey: SECRET });
    expect(verify.status).toBe(0);
  });

  it('refuses a restore over a data directory that holds data: exit 2, one line, nothing changed', async () => {
    const before = fs.readFileSync(path.join(source, 'cairn.db'));
    const r = await cairn(['restore', file], { dataDir: source, secretKey: SECRET });
    expect([r.status, r.out, r.err.length]).toEqual([2, [], 1]);
    expect(r.err[0]).toMatch(/^cairn restore: .*already holds data/);
    expect(fs.readFileSync(path.join(source, 'cairn.db')).equals(before)).toBe(true);
  });

  it('refuses a restore with another key: exit 2, "wrong key or damaged file", the target left empty', async () => {
    const target = path.join(tmp, 'other-key');
    const r = await cairn(['restore', file], { dataDir: target, secretKey: `${SECRET} but different` });
    expect([r.status, r.out]).toEqual([2, []]);
    expect(r.err).toEqual(['cairn restore: the backup cannot be read: wrong key or damaged file']);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('exits 2 with one line on bad input', async () => {
    const dataDir = path.join(tmp, 'bad');
    for (const args of [
      ['backup'],
      ['backup', '--out', file],
      ['backup', '--out', path.join(tmp, 'no-such-dir', 'x.cairnbak')],
      ['backup', '--out', path.join(tmp, 'x.cairnbak'), '--what'],
      ['restore'],
      ['restore', path.join(tmp, 'missing.cairnbak')],
      ['restore', file, file],
    ]) {
      const r = await cairn(args, { dataDir, secretKey: SECRET });
      expect([args, r.status, r.out, r.err.length]).toEqual([args, 2, [], 1]);
    }
  });
});
