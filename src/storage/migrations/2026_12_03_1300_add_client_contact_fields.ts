// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Issue 5's client contract: besides the legal name and date of birth, a client may have a preferred name, pronouns,
// an id in another system (externalId), and an e-mail address and phone number for client links (issue 7). All
// optional, so existing rows stay valid with nulls. Like every client column they sit in the encrypted database file
// (SQLite with CAIRN_SECRET_KEY) or behind PostgreSQL's server-side encryption, and never in logs or URLs.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

const COLUMNS = ['preferred_name', 'pronouns', 'external_id', 'email', 'phone'] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const column of COLUMNS) await db.schema.alterTable('client').addColumn(column, 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of [...COLUMNS].reverse()) await db.schema.alterTable('client').dropColumn(column).execute();
}
