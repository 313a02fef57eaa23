import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, TEST_DATABASE_URL } from '../../../test/dialects.js';
import type { DatabaseSettings, SqlDialect } from '../open-database.js';
import { openStore } from '../open-store.js';
import { readBackupHeader } from './backup-format.js';
import {
  firstBackupDelayMs,
  pruneBackups,
  removeBackupLeftovers,
  scheduleBackups,
  scheduledBackupName,
} from './schedule-backups.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-schedule-'));
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

async function freshSource(dialect: SqlDialect): Promise<DatabaseSettings> {
  const dataDir = path.join(tmp, `d-${randomBytes(4).toString('hex')}`);
  let databaseUrl: string | null = null;
  if (dialect === 'postgres') {
    if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `s_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
  }
  const settings = { dataDir, databaseUrl, secretKey: SECRET };
  await (await openStore(settings, 'apply')).close();
  return settings;
}

for (const dialect of DIALECTS) {
  describe(`scheduleBackups on ${dialect}`, () => {
    it('takes a backup per run and keeps only the newest `keep`, leaving other files alone', async () => {
      const settings = await freshSource(dialect);
      const dir = path.join(tmp, `backups-${dialect}`);
      let at = new Date('2026-11-26T00:00:00.000Z');
      const schedule = scheduleBackups({ intervalHours: 24, keep: 2, dir, settings, now: () => at });
      try {
        fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
        const pruned: string[] = [];
        for (let day = 0; day < 4; day++) {
          at = new Date(Date.UTC(2026, 10, 26 + day, 3));
          pruned.push(...(await schedule.runOnce()).pruned);
        }
        expect(fs.readdirSync(dir).sort()).toEqual([
          'cairn-backup-20261128T030000000Z.cairnbak',
          'cairn-backup-20261129T030000000Z.cairnbak',
          'notes.txt',
        ]);
        expect(pruned).toEqual([
          'cairn-backup-20261126T030000000Z.cairnbak',
          'cairn-backup-20261127T030000000Z.cairnbak',
        ]);
        const { header } = readBackupHeader(path.join(dir, 'cairn-backup-20261129T030000000Z.cairnbak'));
        expect(header).toMatchObject({ dialect, createdAt: '2026-11-29T03:00:00.000Z' });
      } finally {
        schedule.stop();
      }
    });
  });
}

describe('scheduleBackups settings', () => {
  it('refuses a non-positive interval or a retention count below 1', () => {
    const settings = { dataDir: tmp, databaseUrl: null, secretKey: SECRET };
    const dir = path.join(tmp, 'never');
    expect(() => scheduleBackups({ intervalHours: 0, keep: 3, dir, settings })).toThrow(/interval/);
    expect(() => scheduleBackups({ intervalHours: 24, keep: 0, dir, settings })).toThrow(/keep/);
  });
});

describe('pruneBackups', () => {
  it('keeps the newest by name and never touches other files', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'prune-'));
    const names = [1, 2, 3].map((d) => scheduledBackupName(new Date(Date.UTC(2026, 0, d))));
    for (const n of [...names, 'cairn-backup-manual.cairnbak']) fs.writeFileSync(path.join(dir, n), 'x');
    expect(pruneBackups(dir, 1)).toEqual([names[1], names[0]]);
    expect(fs.readdirSync(dir).sort()).toEqual([names[2], 'cairn-backup-manual.cairnbak']);
  });
});

describe('scheduleBackups after a failure', () => {
  it('reports the failure in its status, and the next run succeeds once the cause is gone', async () => {
    const settings = await freshSource('sqlite');
    const dir = path.join(tmp, 'failing');
    const errors: unknown[] = [];
    const schedule = scheduleBackups({ intervalHours: 24, keep: 3, dir, settings, onError: (e) => errors.push(e) });
    try {
      fs.rmSync(dir, { recursive: true });
      await expect(schedule.runOnce()).rejects.toThrow(/does not exist/);
      expect(schedule.status()).toMatchObject({ lastSuccessAt: null, consecutiveFailures: 1 });
      expect(schedule.status().lastFailureAt).not.toBeNull();
      fs.mkdirSync(dir);
      await schedule.runOnce();
      expect(schedule.status()).toMatchObject({ consecutiveFailures: 0 });
      expect(schedule.status().lastSuccessAt).not.toBeNull();
      expect(fs.readdirSync(dir).filter((n) => n.endsWith('.cairnbak'))).toHaveLength(1);
    } finally {
      schedule.stop();
    }
    expect(schedule.status().nextRunAt).toBeNull();
  });
});

describe('firstBackupDelayMs', () => {
  it('is due at once without a backup, and one interval after the newest one otherwise', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'due-'));
    const now = new Date('2026-11-26T12:00:00.000Z');
    expect(firstBackupDelayMs(dir, 24, now)).toBe(0);
    fs.writeFileSync(path.join(dir, scheduledBackupName(new Date('2026-11-26T03:00:00.000Z'))), 'x');
    expect(firstBackupDelayMs(dir, 24, now)).toBe(15 * 3_600_000);
    expect(firstBackupDelayMs(dir, 6, now)).toBe(0);
  });
});

describe('removeBackupLeftovers', () => {
  it('deletes the snapshot and half-written file of a backup that died, not those of one still running', () => {
    const data = fs.mkdtempSync(path.join(tmp, 'left-data-'));
    const backups = fs.mkdtempSync(path.join(tmp, 'left-backups-'));
    const old = new Date(Date.now() - 3_600_000);
    const dead = [
      path.join(data, '.backup-0123456789ab.db'),
      path.join(backups, '.cairn-backup-20261126T030000000Z.cairnbak.0123456789ab.tmp'),
    ];
    const alive = path.join(data, '.backup-ba9876543210.db');
    const others = [path.join(data, 'cairn.db'), path.join(backups, scheduledBackupName(old))];
    for (const f of [...dead, ...others]) {
      fs.writeFileSync(f, 'x');
      fs.utimesSync(f, old, old);
    }
    fs.writeFileSync(alive, 'x');
    expect(removeBackupLeftovers([data, backups], 15 * 60_000, new Date()).sort()).toEqual([...dead].sort());
    for (const f of [alive, ...others]) expect(fs.existsSync(f)).toBe(true);
  });
});
