import type { Kysely } from 'kysely';
import type { PsychotherapyNote } from '../../domain/sessions/psychotherapy-note.js';
import type { Database } from '../tables/database.js';

/**
 * Psychotherapy (process) notes (45 CFR 164.501, DESIGN 2.9): a table of their own that no other query joins. The
 * only read takes the author: the store cannot return one user's notes to another.
 *
 * @example
 * await insertPsychotherapyNote(db, note);
 * const mine = await listPsychotherapyNotes(db, note.clientId, note.authorId);
 */
export async function insertPsychotherapyNote(db: Kysely<Database>, note: PsychotherapyNote): Promise<void> {
  await db
    .insertInto('psychotherapy_note')
    .values({
      id: note.id,
      client_id: note.clientId,
      encounter_id: note.sessionId,
      author_id: note.authorId,
      text: note.text,
      created_at: note.createdAt,
    })
    .execute();
}

/** The author's notes about the client, newest first. */
export async function listPsychotherapyNotes(
  db: Kysely<Database>,
  clientId: string,
  authorId: string,
): Promise<PsychotherapyNote[]> {
  const rows = await db
    .selectFrom('psychotherapy_note')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('author_id', '=', authorId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    sessionId: row.encounter_id,
    authorId: row.author_id,
    text: row.text,
    createdAt: row.created_at,
  }));
}
