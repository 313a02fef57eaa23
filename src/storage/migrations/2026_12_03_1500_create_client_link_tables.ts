// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Client links (issue 7): single-purpose links a client opens on their phone to complete questionnaires, log
// behaviours or endorse their plan. Only a SHA-256 of each link's token is stored. Answers are saved per link as the
// client goes (so a dropped connection loses nothing); a client's consent to be contacted this way is recorded with
// its date; an endorsement through a link is recorded with the content hash of the plan version endorsed.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('client_consent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('client_consent_client_idx').on('client_consent').column('client_id').execute();

  await db.schema
    .createTable('client_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('instruments', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('client_link_client_idx').on('client_link').column('client_id').execute();

  await db.schema
    .createTable('client_link_answer')
    .addColumn('link_id', 'text', (c) => c.notNull().references('client_link.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_link_answer_pk', ['link_id', 'instrument_id'])
    .execute();

  await db.schema
    .createTable('plan_endorsement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('treatment_plan.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('link_id', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('endorsed_on', 'text', (c) => c.notNull())
    .addColumn('typed_name', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_endorsement_plan_idx').on('plan_endorsement').column('plan_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('plan_endorsement').ifExists().execute();
  await db.schema.dropTable('client_link_answer').ifExists().execute();
  await db.schema.dropTable('client_link').ifExists().execute();
  await db.schema.dropTable('client_consent').ifExists().execute();
}
