// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// The caseload (GET /api/v1/caseload, issue 9) shows each client's latest score per instrument. Computing it per
// request grouped every administration of the page's clients (about 26,000 index entries for a 500-client caseload
// with half a year of weekly measures), so the p99 at 32 connections was seconds. client_latest_score keeps that
// answer: one row per client and instrument, written by the administration insert in the same transaction (the
// newest administered_at wins; equal instants are decided by the larger id) and backfilled here from the existing
// administrations. A caseload page then reads one indexed row per client and instrument.
// client_practice_created_idx lets the page walk a practice's clients newest first and stop after the page, instead
// of reading and sorting every client of the practice.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('client_latest_score')
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('administration_id', 'text', (c) => c.notNull())
    .addColumn('administered_at', 'text', (c) => c.notNull())
    .addColumn('administered_on', 'text', (c) => c.notNull())
    .addColumn('total', sql`double precision`, (c) => c.notNull())
    .addColumn('severity', 'text')
    .addPrimaryKeyConstraint('client_latest_score_pk', ['client_id', 'instrument_id'])
    .execute();
  await sql`
    insert into client_latest_score
      (client_id, instrument_id, administration_id, administered_at, administered_on, total, severity)
    select a.client_id, a.instrument_id, a.id, a.administered_at, a.administered_on, a.total, a.severity
    from administration a
    where not exists (
      select 1 from administration b
      where b.client_id = a.client_id and b.instrument_id = a.instrument_id
        and (b.administered_at > a.administered_at or (b.administered_at = a.administered_at and b.id > a.id))
    )
  `.execute(db);
  await db.schema
    .createIndex('client_practice_created_idx')
    .on('client')
    .columns(['practice_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('client_practice_created_idx').execute();
  await db.schema.dropTable('client_latest_score').execute();
}
