// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Practice outcomes (docs/outcomes.md) group administrations by client and instrument and then fetch the first and
// last total of each group. Administration rows are wide (item answers, subscales and flags as JSON), so reading them
// dominated the query (about 5 s on SQLite for the M data set). This covering index holds everything the query reads,
// in group order: the group-by scans it without a sort and each first/last lookup is one seek, never a table read.
// It starts with the columns of administration_client_instrument_idx (client, instrument, time), which it replaces
// for every query that used it (a client's series), so that index is dropped.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('administration_outcomes_idx')
    .on('administration')
    .columns(['client_id', 'instrument_id', 'administered_at', 'id', 'administered_on', 'total'])
    .execute();
  await db.schema.dropIndex('administration_client_instrument_idx').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('administration_client_instrument_idx')
    .on('administration')
    .columns(['client_id', 'instrument_id', 'administered_at'])
    .execute();
  await db.schema.dropIndex('administration_outcomes_idx').execute();
}
