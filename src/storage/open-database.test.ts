import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-open-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('openDatabase', () => {
  it.each([
    [undefined, 1],
    ['normal', 1],
    ['full', 2],
  ] as const)('opens the SQLite file in WAL mode with synchronous %s → %i', async (setting, expected) => {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'd-'));
    const opened = await openDatabase({
      dataDir,
      databaseUrl: null,
      secretKey: null,
      ...(setting ? { sqliteSynchronous: setting } : {}),
    });
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(opened.db);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(opened.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      expect(sync.rows[0]?.synchronous).toBe(expected);
    } finally {
      await opened.close();
    }
  });
});
