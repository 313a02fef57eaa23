import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../../test/dialects.js';
import { inspect, seedPractice } from '../../../test/key-rotation-seed.js';
import { type DatabaseSettings, openSqlite, SQLITE_FILE_NAME } from '../open-database.js';
import { encryptDatabase } from './encrypt-database.js';
import { rekeyDatabase } from './rekey-database.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-rekey-'));
const OLD = 'the old secret key, long enough for Cairn';
const NEW = 'the new secret key, long enough for Cairn too';
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

let n = 0;
async function encryptedPractice() {
  n += 1;
  const dataDir = path.join(tmp, `d${n}`);
  const seeded = await seedPractice({ dataDir, databaseUrl: null, secretKey: null });
  await encryptDatabase({ dataDir, databaseUrl: null, secretKey: OLD }, { auditActor: 'cli:ana' });
  const settings: DatabaseSettings = { dataDir, databaseUrl: null, secretKey: OLD };
  const before = await inspect(settings, seeded.userId);
  return { dataDir, file: path.join(dataDir, SQLITE_FILE_NAME), settings, ...seeded, before };
}

describe('rekeyDatabase (sqlite)', () => {
  it('re-encrypts the file under the new key; the old key is refused; TOTP and the audit chain still verify', async () => {
    const p = await encryptedPractice();
    const summary = await rekeyDatabase(p.settings, NEW, { auditActor: 'cli:ana' });
    expect(summary).toMatchObject({
      dialect: 'sqlite',
      fileReencrypted: true,
      secrets: 1,
      auditEvents: p.before.events,
    });
    expect(() => openSqlite(p.file, OLD, { readonly: true })).toThrow(/does not open the database/);
    const after = await inspect({ ...p.settings, secretKey: NEW }, p.userId);
    expect(after).toMatchObject({
      chainOk: true,
      totpOk: true,
      clients: p.before.clients,
      events: p.before.events + 1,
    });
    expect(after.last).toEqual({ action: 'db.rekey', actor: 'cli:ana' });
    const raw = fs.readFileSync(p.file);
    expect(raw.includes(p.familyName)).toBe(false);
  });

  it('refuses a plain database, a wrong current key, and a short or unchanged new key', async () => {
    const dataDir = path.join(tmp, 'plain');
    await seedPractice({ dataDir, databaseUrl: null, secretKey: null });
    await expect(
      rekeyDatabase({ dataDir, databaseUrl: null, secretKey: OLD }, NEW, { auditActor: 'x' }),
    ).rejects.toThrow(/is not encrypted; run `cairn db encrypt`/);
    const p = await encryptedPractice();
    await expect(rekeyDatabase({ ...p.settings, secretKey: NEW }, OLD, { auditActor: 'x' })).rejects.toThrow(
      /does not open the database/,
    );
    await expect(rekeyDatabase(p.settings, 'short', { auditActor: 'x' })).rejects.toThrow(/at least 32/);
    await expect(rekeyDatabase(p.settings, OLD, { auditActor: 'x' })).rejects.toThrow(/same as the current/);
    expect(await inspect(p.settings, p.userId)).toMatchObject({ chainOk: true, totpOk: true });
  });

  it('refuses a broken audit chain (a rotation never launders tampering) and changes nothing', async () => {
    const p = await encryptedPractice();
    const db = openSqlite(p.file, OLD);
    await db.db.updateTable('audit_event').set({ actor: 'cli:mallory' }).where('seq', '=', 2).execute();
    await db.close();
    await expect(rekeyDatabase(p.settings, NEW, { auditActor: 'x' })).rejects.toThrow(
      /audit chain does not verify under the current key \(first bad event: 2\)/,
    );
    const still = openSqlite(p.file, OLD, { readonly: true });
    await still.close();
  });

  it('leaves the original database usable under the old key when the final rename fails', async () => {
    const p = await encryptedPractice();
    await expect(
      rekeyDatabase(p.settings, NEW, {
        auditActor: 'x',
        rename: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(fs.readdirSync(p.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(await inspect(p.settings, p.userId)).toMatchObject({ chainOk: true, totpOk: true, events: p.before.events });
  });

  it('ignores the temp file of a killed run and succeeds', async () => {
    const p = await encryptedPractice();
    fs.writeFileSync(path.join(p.dataDir, '.cairn.db.rekey-0a1b2c.tmp'), 'half written');
    await rekeyDatabase(p.settings, NEW, { auditActor: 'x' });
    expect(fs.readdirSync(p.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(await inspect({ ...p.settings, secretKey: NEW }, p.userId)).toMatchObject({ chainOk: true, totpOk: true });
  });
});

describe.skipIf(!TEST_DATABASE_URL)('rekeyDatabase (postgres)', () => {
  it('re-seals the TOTP secrets and re-chains the audit trail in one transaction; the old key no longer verifies', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL ?? '' });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL ?? '');
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dataDir = path.join(tmp, 'pg');
    const settings: DatabaseSettings = { dataDir, databaseUrl: url.toString(), secretKey: OLD };
    const seeded = await seedPractice(settings);
    const before = await inspect(settings, seeded.userId);
    const summary = await rekeyDatabase(settings, NEW, { auditActor: 'cli:ana' });
    expect(summary).toMatchObject({
      dialect: 'postgres',
      fileReencrypted: false,
      secrets: 1,
      auditEvents: before.events,
    });
    const after = await inspect({ ...settings, secretKey: NEW }, seeded.userId);
    expect(after).toMatchObject({ chainOk: true, totpOk: true, events: before.events + 1 });
    expect(after.last).toEqual({ action: 'db.rekey', actor: 'cli:ana' });
    await expect(inspect(settings, seeded.userId)).rejects.toThrow();
  });
});
