// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Plan reviews (DESIGN 2.6, issue 8 item 1). One row per review of a signed plan version: a draft (with `revision`
// for optimistic concurrency) until a clinician signs it, then immutable. `goals` is a JSON array, one entry per goal
// reviewed: the drafted data (score changes since the last review with reliable-change flags, progress words,
// objectives, interventions, lack-of-progress tasks) and the clinician's outcome, decision and note; it is always read
// and written whole, like an administration's answers. The score snapshot is in it (per target: from, to, change),
// so a signed review keeps what it saw even when scores are corrected later. `next_review_date` is the date the
// review set: a signed plan version's own next review date is part of its content hash and never changes.
// At most one draft review per client (partial unique index).
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('treatment_plan.id'))
    .addColumn('plan_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('next_review_date', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('signed_at', 'text')
    .addColumn('signature', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('review_status_ck', sql`status in ('draft', 'signed')`)
    .addCheckConstraint(
      'review_signature_ck',
      sql`(status = 'draft' and signed_by is null and signed_at is null and signature is null) or (status = 'signed' and signed_by is not null and signed_at is not null and signature is not null)`,
    )
    .execute();
  await db.schema.createIndex('review_client_idx').on('review').columns(['client_id', 'review_date']).execute();
  await db.schema
    .createIndex('review_one_draft_uq')
    .on('review')
    .column('client_id')
    .unique()
    .where(sql.ref('status'), '=', 'draft')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('review').ifExists().execute();
}
