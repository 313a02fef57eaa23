// Frozen migration: never edit after merge; add a new file instead (STYLE.md §3 Migrations).
// Plan versions (DESIGN 2.2): a signed version is immutable, so revising it copies its goals and objectives into new
// rows of the next version. `lineage_id` names the goal (or objective) across versions: the id of the row in the
// version where it first appeared. Comparing two versions matches goals and objectives by it. Rows written before
// this migration are the first of their line, so their lineage is their own id.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on current types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  for (const table of ['goal', 'objective']) {
    await db.schema.alterTable(table).addColumn('lineage_id', 'text').execute();
    await db
      .updateTable(table)
      .set((eb) => ({ lineage_id: eb.ref('id') }))
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['goal', 'objective']) {
    await db.schema.alterTable(table).dropColumn('lineage_id').execute();
  }
}
