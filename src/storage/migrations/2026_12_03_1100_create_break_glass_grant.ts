// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Break-glass emergency access (DESIGN 2.8, reference/hipaa.md row 2): a clinician or supervisor opens a client
// outside their reach for a limited time with a stated reason. A grant is active while `expires_at` is in the future
// and `revoked_at` is null; admins review it afterwards (`reviewed_*`, all set together). The access check looks up
// the active grant of (user, client), hence the index. Audit events recorded under a grant name it in the new
// `audit_event.break_glass_grant_id` column (null for every earlier event, so their hashes are unchanged).
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('break_glass_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('review_note', 'text')
    .addCheckConstraint(
      'break_glass_grant_review_ck',
      sql`(reviewed_at is null and reviewed_by is null and review_note is null) or (reviewed_at is not null and reviewed_by is not null and review_note is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('break_glass_grant_access_idx')
    .on('break_glass_grant')
    .columns(['user_id', 'client_id', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('break_glass_grant_practice_idx')
    .on('break_glass_grant')
    .columns(['practice_id', 'created_at'])
    .execute();
  await db.schema.alterTable('audit_event').addColumn('break_glass_grant_id', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('audit_event').dropColumn('break_glass_grant_id').execute();
  await db.schema.dropTable('break_glass_grant').ifExists().execute();
}
