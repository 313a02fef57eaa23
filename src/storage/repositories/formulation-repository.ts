import type { Kysely } from 'kysely';
import type { Formulation } from '../../domain/formulation/formulation.js';
import type { Database } from '../tables/database.js';

/**
 * Edits a formulation in place, keeping element ids (goals link to them): elements no longer listed are deleted (a
 * goal still linked to one makes the foreign key refuse, which the store reports as invalid input), listed ones are
 * updated or inserted in the given order, and the revision goes up. Creates the formulation when the client has none.
 *
 * @example
 * await updateFormulation(db, { ...formulation, elements: [...formulation.elements, newElement] }, userId, now);
 */
export async function updateFormulation(
  db: Kysely<Database>,
  formulation: Formulation,
  updatedBy: string,
  updatedAt: string,
): Promise<void> {
  const existing = await db
    .selectFrom('formulation')
    .select(['id', 'revision'])
    .where('client_id', '=', formulation.clientId)
    .executeTakeFirst();
  const formulationId = existing?.id ?? formulation.id;
  if (existing) {
    await db
      .updateTable('formulation')
      .set({
        problem_areas: JSON.stringify(formulation.problemAreas),
        revision: existing.revision + 1,
        updated_at: updatedAt,
        updated_by: updatedBy,
      })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await db
      .insertInto('formulation')
      .values({
        id: formulationId,
        client_id: formulation.clientId,
        problem_areas: JSON.stringify(formulation.problemAreas),
        narrative: null,
        revision: 1,
        updated_at: updatedAt,
        updated_by: updatedBy,
      })
      .execute();
  }
  const keep = formulation.elements.map((e) => e.id);
  let removal = db.deleteFrom('formulation_element').where('formulation_id', '=', formulationId);
  if (keep.length > 0) removal = removal.where('id', 'not in', keep);
  await removal.execute();
  const current = new Set(
    (await db.selectFrom('formulation_element').select('id').where('formulation_id', '=', formulationId).execute()).map(
      (r) => r.id,
    ),
  );
  for (const [i, e] of formulation.elements.entries()) {
    const row = { position: i + 1, kind: e.kind, text: e.text, library_key: e.libraryKey };
    if (current.has(e.id)) {
      await db
        .updateTable('formulation_element')
        .set(row)
        .where('id', '=', e.id)
        .where('formulation_id', '=', formulationId)
        .execute();
    } else {
      await db
        .insertInto('formulation_element')
        .values({ id: e.id, formulation_id: formulationId, ...row })
        .execute();
    }
  }
}
