// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Sign-in state (DESIGN 2.8): sessions (only a SHA-256 of the token is stored), one-time recovery codes (hashed),
// failed-attempt counters for lockout, and the TOTP enrolment fields on app_user (the seed itself stays in
// app_user.totp_secret, sealed with AES-256-GCM by the application's SecretBox).
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('totp_confirmed_at', 'text').execute();
  await db.schema.alterTable('app_user').addColumn('totp_last_step', 'integer').execute();

  await db.schema
    .createTable('auth_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('pending_totp_secret', 'text')
    .addColumn('origin', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_session_user_idx').on('auth_session').column('user_id').execute();

  await db.schema
    .createTable('recovery_code')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_code_pk', ['user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('auth_throttle').ifExists().execute();
  await db.schema.dropTable('recovery_code').ifExists().execute();
  await db.schema.dropTable('auth_session').ifExists().execute();
  await db.schema.alterTable('app_user').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('app_user').dropColumn('totp_confirmed_at').execute();
}
