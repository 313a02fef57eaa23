// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Kept alerts (DESIGN 2.3, 2.10): an alert that only a clinician's recorded action closes (a critical item answered
// or left unanswered) is written when it is raised and stays open until the action is recorded on the same row.
// `key` is the domain's stable alert key; at most one open alert per client and key. The subject's ids have their
// own columns (for lists and joins); `subject` and `data` keep the domain objects as JSON text.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('alert')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('closing', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('administration_id', 'text', (c) => c.references('administration.id'))
    .addColumn('instrument_id', 'text')
    .addColumn('item', 'integer')
    .addColumn('target_id', 'text')
    .addColumn('goal_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closing_action', 'text')
    .addColumn('closing_note', 'text')
    .addColumn('closed_by', 'text')
    .addCheckConstraint(
      'alert_closure_ck',
      sql`(closed_at is null and closing_action is null and closing_note is null and closed_by is null) or (closed_at is not null and closing_action is not null and closing_note is not null and closed_by is not null)`,
    )
    .execute();
  await db.schema.createIndex('alert_client_idx').on('alert').columns(['client_id', 'raised_at']).execute();
  await db.schema
    .createIndex('alert_open_key_uq')
    .on('alert')
    .columns(['client_id', 'key'])
    .unique()
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('alert_open_severity_idx')
    .on('alert')
    .columns(['severity', 'raised_at'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('alert').ifExists().execute();
}
