// client_latest_score (migration 2026_12_03_1850): kept by insertAdministrations in the caller's transaction, and
// backfilled by the migration; the caseload reads it. On every dialect.
import { randomUUID } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, TEST_AUDIT_KEY, type TestDatabase } from '../../../test/dialects.js';
import type { Administration, Client } from '../../application/ports.js';
import { createStore } from '../create-store.js';
import { migrateToLatest } from '../migrate.js';
import { MIGRATIONS } from '../migrations/index.js';
import { insertAdministrations } from './measure-repository.js';

const NOW = '2026-11-26T12:00:00.000Z';

function administration(clientId: string, instrumentId: string, at: string, total: number, id = randomUUID()) {
  return {
    id,
    clientId,
    instrumentId,
    instrumentVersion: '1',
    administeredAt: at,
    administeredOn: at.slice(0, 10),
    source: 'session',
    answers: [],
    total,
    severity: `s${total}`,
    prorated: false,
    subscales: {},
    flags: [],
    recordedBy: null,
  } satisfies Administration;
}

async function addClient(t: TestDatabase): Promise<string> {
  const store = createStore(t.db, t.dialect, TEST_AUDIT_KEY);
  let practice = await store.findPractice();
  if (!practice) {
    await t.db
      .insertInto('practice')
      .values({ id: randomUUID(), name: 'P', time_zone: 'UTC', settings: '{}', created_at: NOW })
      .execute();
    practice = await store.findPractice();
  }
  const client: Client = {
    id: randomUUID(),
    practiceId: practice?.id ?? '',
    recordNumber: randomUUID(),
    givenName: 'A',
    familyName: 'B',
    dateOfBirth: null,
    status: 'active',
    preferredName: null,
    pronouns: null,
    externalId: null,
    email: null,
    phone: null,
  };
  await store.insertClient(client, NOW);
  return client.id;
}

async function latest(t: TestDatabase, clientId: string) {
  return t.db
    .selectFrom('client_latest_score')
    .select(['instrument_id', 'administration_id', 'total', 'severity', 'administered_on'])
    .where('client_id', '=', clientId)
    .orderBy('instrument_id')
    .execute();
}

for (const dialect of DIALECTS) {
  describe(`client_latest_score (${dialect})`, () => {
    let t: TestDatabase | null = null;
    afterEach(async () => {
      await t?.dispose();
      t = null;
    });

    it('keeps the newest administration per instrument, whatever the order they are recorded in', async () => {
      t = await createTestDatabase(dialect);
      const db = t.db;
      const clientId = await addClient(t);
      const mid = administration(clientId, 'phq9', '2026-10-02T09:00:00.000Z', 12);
      await insertAdministrations(db, [mid, administration(clientId, 'gad7', '2026-10-01T09:00:00.000Z', 8)], NOW);
      // Older, recorded later (an import of history): does not replace the newer one.
      await insertAdministrations(db, [administration(clientId, 'phq9', '2026-09-01T09:00:00.000Z', 20)], NOW);
      expect((await latest(t, clientId)).map((r) => [r.instrument_id, Number(r.total)])).toEqual([
        ['gad7', 8],
        ['phq9', 12],
      ]);
      // Newer: replaces it; in one batch the newest of the batch wins.
      await insertAdministrations(
        db,
        [
          administration(clientId, 'phq9', '2026-11-01T09:00:00.000Z', 9),
          administration(clientId, 'phq9', '2026-11-08T09:00:00.000Z', 5),
          administration(clientId, 'phq9', '2026-11-03T09:00:00.000Z', 7),
        ],
        NOW,
      );
      const rows = await latest(t, clientId);
      expect(rows.map((r) => [r.instrument_id, Number(r.total), r.severity, r.administered_on])).toEqual([
        ['gad7', 8, 's8', '2026-10-01'],
        ['phq9', 5, 's5', '2026-11-08'],
      ]);
      // The very same instant: the larger id wins, so the answer does not depend on insertion order.
      const at = '2026-11-20T09:00:00.000Z';
      await insertAdministrations(
        db,
        [administration(clientId, 'gad7', at, 3, 'ffffffff-0000-4000-8000-000000000000')],
        NOW,
      );
      await insertAdministrations(
        db,
        [administration(clientId, 'gad7', at, 4, '00000000-0000-4000-8000-000000000000')],
        NOW,
      );
      expect((await latest(t, clientId))[0]?.administration_id).toBe('ffffffff-0000-4000-8000-000000000000');
    });

    it('is rolled back with the administration when the transaction fails', async () => {
      t = await createTestDatabase(dialect);
      const clientId = await addClient(t);
      const store = createStore(t.db, t.dialect, TEST_AUDIT_KEY);
      await expect(
        store.transaction(async (tx) => {
          await tx.insertAdministrations([administration(clientId, 'phq9', '2026-11-01T09:00:00.000Z', 9)], NOW);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await latest(t, clientId)).toEqual([]);
    });

    it('is backfilled by its migration from the administrations already stored', async () => {
      t = await createTestDatabase(dialect, { migrated: false });
      const names = Object.keys(MIGRATIONS);
      const previous = names[names.indexOf('2026_12_03_1850_create_client_latest_score') - 1] ?? '';
      // As migrate.ts does: on PostgreSQL the bookkeeping tables live in the test's own schema.
      const schema =
        dialect === 'postgres'
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s
          : undefined;
      const migrator = new Migrator({
        db: t.db,
        provider: { getMigrations: async () => MIGRATIONS },
        migrationTableName: 'kysely_migration',
        migrationLockTableName: 'kysely_migration_lock',
        ...(schema ? { migrationTableSchema: schema } : {}),
      });
      const before = await migrator.migrateTo(previous);
      expect(before.error).toBeUndefined();
      const clientId = await addClient(t);
      const rows = [
        administration(clientId, 'phq9', '2026-09-01T09:00:00.000Z', 20),
        administration(clientId, 'phq9', '2026-11-08T09:00:00.000Z', 5),
        administration(clientId, 'phq9', '2026-10-01T09:00:00.000Z', 12),
        administration(clientId, 'gad7', '2026-10-01T09:00:00.000Z', 8),
      ];
      await t.db
        .insertInto('administration')
        .values(
          rows.map((a) => ({
            id: a.id,
            client_id: a.clientId,
            instrument_id: a.instrumentId,
            instrument_version: a.instrumentVersion,
            administered_at: a.administeredAt,
            administered_on: a.administeredOn,
            source: a.source,
            answers: '[]',
            total: a.total,
            severity: a.severity,
            prorated: 0,
            subscales: '{}',
            flags: '[]',
            recorded_by: null,
            created_at: NOW,
          })),
        )
        .execute();
      await migrateToLatest(t.db);
      expect((await latest(t, clientId)).map((r) => [r.instrument_id, Number(r.total), r.administration_id])).toEqual([
        ['gad7', 8, rows[3]?.id],
        ['phq9', 5, rows[1]?.id],
      ]);
    });
  });
}
