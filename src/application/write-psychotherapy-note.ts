import { z } from 'zod';
import type { PsychotherapyNote } from '../domain/sessions/psychotherapy-note.js';
import type { Actor } from './actor.js';
import { assertPsychotherapyNoteAccess } from './assert-psychotherapy-note-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { findClientSession } from './session-data.js';

const writeSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  sessionId: z.string().min(1).max(100).nullable().default(null),
  text: z.string().trim().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters'),
});

/**
 * Writes a psychotherapy note (`POST /api/v1/clients/{clientId}/psychotherapy-notes`), optionally about one of the
 * client's sessions. Kept apart from the record: never listed with sessions, exported, reported or drafted from.
 * Audited (`psychotherapy-note.create`) without its content.
 *
 * @example
 * const note = await writePsychotherapyNote(deps, clinician, { clientId, sessionId, text: 'Process notes…' });
 */
export async function writePsychotherapyNote(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof writeSchema>,
): Promise<PsychotherapyNote> {
  const { clientId, authorId } = await assertPsychotherapyNoteAccess(
    deps,
    actor,
    clientIdOf(input),
    'psychotherapy-note.create',
  );
  const v = parseInput(writeSchema, input);
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    if (v.sessionId !== null) await findClientSession(tx, clientId, v.sessionId);
    const note: PsychotherapyNote = {
      id: deps.ids.newId(),
      clientId,
      sessionId: v.sessionId,
      authorId,
      text: v.text,
      createdAt: now,
    };
    await tx.insertPsychotherapyNote(note);
    await tx.appendAudit(
      [clientAuditEvent(actor, 'psychotherapy-note.create', clientId, `psychotherapy-note:${note.id}`)],
      now,
    );
    return note;
  });
}
