import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { assertSchemaNotNewer, listPendingMigrations, migrateToLatest } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
const LOCK_FILE = path.join(import.meta.dirname, '../../test/fixtures/migrations.lock.json');
const SNAPSHOT_DIR = path.join(import.meta.dirname, '../../test/fixtures');

async function describeSchema(t: TestDatabase): Promise<Record<string, string[]>> {
  // On PostgreSQL, only this test's schema (other test files run in their own schemas at the same time).
  const schema =
    t.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s
      : undefined;
  const tables = (await t.db.introspection.getTables()).filter((x) => schema === undefined || x.schema === schema);
  const out: Record<string, string[]> = {};
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
    out[table.name] = table.columns
      .map((c) => `${c.name} ${c.dataType.toLowerCase()}${c.isNullable ? '' : ' not null'}`)
      .sort();
  }
  return out;
}

describe('migrations (append-only)', () => {
  it('lists every migration file in migrations/index.ts, in name order', () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(MIGRATIONS)).toEqual(files);
  });

  it('never edits a merged migration (contents match test/fixtures/migrations.lock.json)', () => {
    const lock = JSON.parse(fs.readFileSync(LOCK_FILE, 'utf8')) as Record<string, string>;
    for (const [name, hash] of Object.entries(lock)) {
      const file = path.join(MIGRATIONS_DIR, `${name}.ts`);
      expect(fs.existsSync(file), `migration ${name} was removed; migrations are append-only`).toBe(true);
      const actual = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      expect(
        actual,
        `migration ${name} was edited after it was merged. Migrations are append-only: revert the edit and add a new migration file instead (then node scripts/lock-migrations.mjs).`,
      ).toBe(hash);
    }
    const unlocked = Object.keys(MIGRATIONS).filter((n) => !(n in lock));
    expect(
      unlocked,
      'add the new migration to test/fixtures/migrations.lock.json (node scripts/lock-migrations.mjs)',
    ).toEqual([]);
  });
});

for (const dialect of DIALECTS) {
  describe(`migrateToLatest on ${dialect}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(dialect, { migrated: false });
    });
    afterAll(() => t.dispose());

    it('applies the whole chain to an empty database, then has nothing pending', async () => {
      expect(await listPendingMigrations(t.db)).toEqual(Object.keys(MIGRATIONS));
      const results = await migrateToLatest(t.db);
      expect(results.map((r) => [r.migrationName, r.status])).toEqual(
        Object.keys(MIGRATIONS).map((n) => [n, 'Success']),
      );
      expect(await listPendingMigrations(t.db)).toEqual([]);
      expect(await migrateToLatest(t.db)).toEqual([]);
    });

    it('produces the committed schema snapshot', async () => {
      const snapshotFile = path.join(SNAPSHOT_DIR, `schema.${dialect}.json`);
      const schema = await describeSchema(t);
      if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1')
        fs.writeFileSync(snapshotFile, `${JSON.stringify(schema, null, 2)}\n`);
      const expected = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as unknown;
      expect(
        schema,
        `the schema differs from ${path.basename(snapshotFile)}. If you added a migration on purpose, regenerate with UPDATE_SCHEMA_SNAPSHOT=1 npm test and review the diff; never edit an old migration.`,
      ).toEqual(expected);
    });

    it('refuses a database whose schema is newer than this program', async () => {
      await t.db
        .insertInto('kysely_migration' as never)
        .values({ name: '2999_01_01_0000_from_the_future', timestamp: new Date().toISOString() } as never)
        .execute();
      await expect(assertSchemaNotNewer(t.db)).rejects.toMatchObject({ code: 'schema-too-new' });
      await expect(migrateToLatest(t.db)).rejects.toMatchObject({ code: 'schema-too-new' });
      await t.db
        .deleteFrom('kysely_migration' as never)
        .where('name' as never, '=', '2999_01_01_0000_from_the_future' as never)
        .execute();
    });
  });
}
