// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Issue 12's consent contract: `POST /clients/{id}/consents {"kind":"treatment"|"contact","method":"verbal"|
// "written"|"electronic"}` records how consent was given and, when there is one, the version of the consent text.
// Consents recorded before this migration were for client links (issue 7's `client-links`), which is contact
// consent: they become `contact`, with the method unknown (null).
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('client_consent').addColumn('method', 'text').execute();
  await db.schema.alterTable('client_consent').addColumn('text_version', 'text').execute();
  await db.updateTable('client_consent').set({ kind: 'contact' }).where('kind', '=', 'client-links').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.updateTable('client_consent').set({ kind: 'client-links' }).where('kind', '=', 'contact').execute();
  await db.schema.alterTable('client_consent').dropColumn('text_version').execute();
  await db.schema.alterTable('client_consent').dropColumn('method').execute();
}
