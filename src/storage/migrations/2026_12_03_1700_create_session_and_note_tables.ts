// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Sessions and notes (DESIGN 2.9, issue 11). `encounter` is one session with a client: date and start/end times in
// the practice time zone, service type, modality, attendance, the clinician who held it, billing codes as free data
// (JSON text), a revision. `progress_note` is at most one per encounter (unique): the DAP or SOAP sections, goals
// addressed, interventions delivered, linked administrations and risk section as JSON text (always read and written
// whole, like a review's goals), a draft with a revision until the clinician signs it, then never updated.
// `note_addendum` holds words added to a signed note, with author and time. `psychotherapy_note` is the separate,
// author-only store of process notes (45 CFR 164.501): nothing else joins it, and no export reads it.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('encounter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('clinician_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('session_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('billing_codes', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('encounter_service_type_ck', sql`service_type in ('individual', 'group', 'family')`)
    .addCheckConstraint('encounter_modality_ck', sql`modality in ('in-person', 'video', 'audio')`)
    .addCheckConstraint(
      'encounter_attendance_ck',
      sql`attendance in ('attended', 'cancelled', 'late-cancel', 'no-show')`,
    )
    .addCheckConstraint('encounter_times_ck', sql`end_time > start_time`)
    .execute();
  await db.schema
    .createIndex('encounter_client_idx')
    .on('encounter')
    .columns(['client_id', 'session_date', 'start_time'])
    .execute();

  await db.schema
    .createTable('progress_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('encounter_id', 'text', (c) => c.notNull().references('encounter.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('plan_id', 'text', (c) => c.references('treatment_plan.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('goals_addressed', 'text', (c) => c.notNull())
    .addColumn('interventions', 'text', (c) => c.notNull())
    .addColumn('administration_ids', 'text', (c) => c.notNull())
    .addColumn('homework', 'text', (c) => c.notNull())
    .addColumn('risk', 'text')
    .addColumn('signed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('signed_at', 'text')
    .addColumn('signature', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('progress_note_format_ck', sql`format in ('dap', 'soap')`)
    .addCheckConstraint('progress_note_status_ck', sql`status in ('draft', 'signed')`)
    .addCheckConstraint(
      'progress_note_signature_ck',
      sql`(status = 'draft' and signed_by is null and signed_at is null and signature is null) or (status = 'signed' and signed_by is not null and signed_at is not null and signature is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('progress_note_encounter_uq')
    .on('progress_note')
    .column('encounter_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('progress_note_client_idx')
    .on('progress_note')
    .columns(['client_id', 'status'])
    .execute();

  await db.schema
    .createTable('note_addendum')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('note_id', 'text', (c) => c.notNull().references('progress_note.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('note_addendum_note_idx')
    .on('note_addendum')
    .columns(['note_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('psychotherapy_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('encounter_id', 'text', (c) => c.references('encounter.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('psychotherapy_note_author_idx')
    .on('psychotherapy_note')
    .columns(['client_id', 'author_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('psychotherapy_note').ifExists().execute();
  await db.schema.dropTable('note_addendum').ifExists().execute();
  await db.schema.dropTable('progress_note').ifExists().execute();
  await db.schema.dropTable('encounter').ifExists().execute();
}
