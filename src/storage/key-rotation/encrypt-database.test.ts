import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspect, seedPractice } from '../../../test/key-rotation-seed.js';
import { type DatabaseSettings, openSqlite, SQLITE_FILE_NAME } from '../open-database.js';
import { encryptDatabase } from './encrypt-database.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-encrypt-'));
const SECRET = 'the new secret key, long enough for Cairn';
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
async function plainPractice() {
  n += 1;
  const dataDir = path.join(tmp, `d${n}`);
  const plain: DatabaseSettings = { dataDir, databaseUrl: null, secretKey: null };
  const seeded = await seedPractice(plain);
  const before = await inspect(plain, seeded.userId);
  return { dataDir, file: path.join(dataDir, SQLITE_FILE_NAME), ...seeded, before };
}

function rawBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

describe('encryptDatabase', () => {
  it('encrypts the file, keeps every row, and re-seals the TOTP secrets and the audit chain under the new key', async () => {
    const p = await plainPractice();
    expect(rawBytes(p.file).includes(p.familyName)).toBe(true);
    const summary = await encryptDatabase(
      { dataDir: p.dataDir, databaseUrl: null, secretKey: SECRET },
      { auditActor: 'cli:ana' },
    );
    expect(summary.auditEvents).toBe(p.before.events);
    expect(summary.secrets).toBe(1);
    expect(summary.oldKeyFile).toBe(path.join(p.dataDir, 'secret.key'));
    expect(rawBytes(p.file).includes(p.familyName)).toBe(false);
    expect(fs.readdirSync(p.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(() => openSqlite(p.file, null, { readonly: true })).toThrow(/encrypted or damaged; set CAIRN_SECRET_KEY/);

    const after = await inspect({ dataDir: p.dataDir, databaseUrl: null, secretKey: SECRET }, p.userId);
    expect(after).toMatchObject({
      chainOk: true,
      totpOk: true,
      clients: p.before.clients,
      events: p.before.events + 1,
    });
    expect(after.last).toEqual({ action: 'db.encrypt', actor: 'cli:ana' });
    // The server has since written (WAL): still no plaintext in the file or its WAL.
    expect(rawBytes(p.file).includes(p.familyName)).toBe(false);
  });

  it('refuses an already encrypted database and changes nothing', async () => {
    const p = await plainPractice();
    const settings = { dataDir: p.dataDir, databaseUrl: null, secretKey: SECRET };
    await encryptDatabase(settings, { auditActor: 'cli:ana' });
    const bytes = fs.readFileSync(p.file);
    await expect(encryptDatabase(settings, { auditActor: 'cli:ana' })).rejects.toThrow(
      /is already encrypted; nothing was changed/,
    );
    expect(fs.readFileSync(p.file).equals(bytes)).toBe(true);
  });

  it('refuses without CAIRN_SECRET_KEY, with no database, and on PostgreSQL', async () => {
    await expect(
      encryptDatabase({ dataDir: tmp, databaseUrl: null, secretKey: null }, { auditActor: 'cli:ana' }),
    ).rejects.toMatchObject({
      code: 'invalid-config',
      message: expect.stringMatching(/^CAIRN_SECRET_KEY is required/),
    });
    await expect(
      encryptDatabase({ dataDir: path.join(tmp, 'none'), databaseUrl: null, secretKey: SECRET }, { auditActor: 'x' }),
    ).rejects.toThrow(/no database to encrypt/);
    await expect(
      encryptDatabase({ dataDir: tmp, databaseUrl: 'postgres://h/db', secretKey: SECRET }, { auditActor: 'x' }),
    ).rejects.toThrow(/PostgreSQL, which Cairn does not encrypt itself.*TLS/);
  });

  it('refuses while a server has the database open', async () => {
    const p = await plainPractice();
    const server = openSqlite(p.file, null);
    try {
      await server.db.selectFrom('client').select('id').execute();
      await expect(
        encryptDatabase({ dataDir: p.dataDir, databaseUrl: null, secretKey: SECRET }, { auditActor: 'cli:ana' }),
      ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/is in use .*stop the server/) });
    } finally {
      await server.close();
    }
    expect(await inspect({ dataDir: p.dataDir, databaseUrl: null, secretKey: null }, p.userId)).toMatchObject({
      chainOk: true,
      totpOk: true,
    });
  });

  it('leaves the original database usable when the final rename fails', async () => {
    const p = await plainPractice();
    await expect(
      encryptDatabase(
        { dataDir: p.dataDir, databaseUrl: null, secretKey: SECRET },
        {
          auditActor: 'cli:ana',
          rename: () => {
            throw new Error('disk pulled');
          },
        },
      ),
    ).rejects.toThrow('disk pulled');
    expect(rawBytes(p.file).includes(p.familyName)).toBe(true); // still the plain original
    expect(fs.readdirSync(p.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const again = await inspect({ dataDir: p.dataDir, databaseUrl: null, secretKey: null }, p.userId);
    expect(again).toMatchObject({ chainOk: true, totpOk: true, clients: p.before.clients });
  });
});
