import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, TEST_DATABASE_URL, type TestDatabase } from '../../test/dialects.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { outcomeInstruments } from '../application/compute-practice-outcomes.js';
import { loadDemo } from '../application/load-demo.js';
import type { PracticeOutcomesQuery } from '../application/ports.js';
import { createOutcomesReader } from './create-outcomes-reader.js';
import { migrateToLatest } from './migrate.js';
import { openSqlite } from './open-database.js';
import { queryPracticeOutcomes } from './repositories/outcomes-repository.js';
import type { OutcomesWorker } from './run-outcomes-in-worker.js';
import { startOutcomesWorker } from './run-outcomes-in-worker.js';

const QUERY: PracticeOutcomesQuery = {
  from: '2000-01-01',
  to: '2099-12-31',
  period: 'month',
  instruments: outcomeInstruments(),
  clinicianId: null,
};

/** SQLite in a file (a worker needs one); PostgreSQL in a private schema. */
async function openDatabaseForReader(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (dialect === 'postgres') return createTestDatabase('postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-outcomes-'));
  const open = openSqlite(path.join(dir, 'cairn.db'), null);
  await migrateToLatest(open.db);
  return {
    ...open,
    dispose: async () => {
      await open.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`createOutcomesReader on ${dialect}`, () => {
    let t: TestDatabase;
    let reader: OutcomesWorker;

    beforeAll(async () => {
      t = await openDatabaseForReader(dialect);
      await loadDemo(buildTestDeps(t), { kind: 'cli', osUser: 'test' }, { clients: 40, weeks: 12, seed: 3 });
      reader = createOutcomesReader(t, null);
    });
    afterAll(async () => {
      await reader.close();
      await t.dispose();
    });

    it('gives the same rows as the query on the caller’s connection', async () => {
      const direct = await queryPracticeOutcomes(t.db, QUERY);
      expect(direct.length).toBeGreaterThan(0);
      expect(await reader.computePracticeOutcomes(QUERY)).toEqual(direct);
      // A second request reuses the reader (on SQLite, the same worker).
      expect(await reader.computePracticeOutcomes({ ...QUERY, period: 'year' })).toEqual(
        await queryPracticeOutcomes(t.db, { ...QUERY, period: 'year' }),
      );
    });

    if (dialect === 'sqlite') {
      it('lets another query complete while the outcomes query runs in the worker', async () => {
        const finished: string[] = [];
        const outcomes = reader.computePracticeOutcomes({ ...QUERY, period: 'quarter' }).then((rows) => {
          finished.push('outcomes');
          return rows;
        });
        // The worker has to start its connection and run the report; this thread keeps serving meanwhile.
        await sql`select count(*) as n from client`.execute(t.db);
        finished.push('other query');
        const rows = await outcomes;
        expect(finished).toEqual(['other query', 'outcomes']);
        expect(rows).toEqual(await queryPracticeOutcomes(t.db, { ...QUERY, period: 'quarter' }));
      });
    } else {
      it('lets another query complete while the outcomes query waits on the pool', async () => {
        // A second session holds a lock on the administration table, so the report cannot finish before it is
        // released; meanwhile a query on another table completes.
        const locker = new pg.Client({ connectionString: TEST_DATABASE_URL ?? '' });
        await locker.connect();
        const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s ?? '';
        await locker.query('begin');
        await locker.query(`lock table ${schema}.administration in access exclusive mode`);
        const finished: string[] = [];
        const outcomes = reader.computePracticeOutcomes(QUERY).then((rows) => {
          finished.push('outcomes');
          return rows;
        });
        await sql`select count(*) as n from client`.execute(t.db);
        finished.push('other query');
        await locker.query('commit');
        await locker.end();
        const rows = await outcomes;
        expect(finished).toEqual(['other query', 'outcomes']);
        expect(rows.length).toBeGreaterThan(0);
      });
    }
  });
}

describe('startOutcomesWorker', () => {
  it('rejects a request when the worker cannot open the database, and answers the next one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-outcomes-'));
    const file = path.join(dir, 'cairn.db');
    const worker = startOutcomesWorker({ file, secretKey: null });
    try {
      await expect(worker.computePracticeOutcomes(QUERY)).rejects.toThrow();
      const open = openSqlite(file, null);
      await migrateToLatest(open.db);
      await open.close();
      expect(await worker.computePracticeOutcomes(QUERY)).toEqual([]);
    } finally {
      await worker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens an encrypted database with the secret key it is given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-outcomes-'));
    const file = path.join(dir, 'cairn.db');
    const secretKey = 'a test secret key of at least thirty-two characters';
    const open = openSqlite(file, secretKey);
    await migrateToLatest(open.db);
    await open.close();
    const right = startOutcomesWorker({ file, secretKey });
    const wrong = startOutcomesWorker({ file, secretKey: null });
    try {
      expect(await right.computePracticeOutcomes(QUERY)).toEqual([]);
      await expect(wrong.computePracticeOutcomes(QUERY)).rejects.toMatchObject({ code: 'invalid-config' });
    } finally {
      await right.close();
      await wrong.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails pending requests when closed', async () => {
    const worker = startOutcomesWorker({
      file: path.join(os.tmpdir(), 'cairn-no-such-dir', 'cairn.db'),
      secretKey: null,
    });
    const pending = worker.computePracticeOutcomes(QUERY);
    await worker.close();
    await expect(pending).rejects.toThrow();
  });
});
