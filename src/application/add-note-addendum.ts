import { z } from 'zod';
import type { NoteAddendum, ProgressNote } from '../domain/sessions/progress-note.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { findClientSession } from './session-data.js';

const addendumSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  sessionId: z.string().min(1).max(100),
  text: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters'),
});

/**
 * Adds an addendum to a signed note (`POST /api/v1/clients/{clientId}/sessions/{sessionId}/note/addenda`): the note
 * itself stays as signed; the addendum carries its author and time. A draft is edited, not amended (`conflict`).
 * Write access (a clinician or supervisor reaching the client); audited (`note.addendum`).
 *
 * @example
 * const note = await addNoteAddendum(deps, clinician, { clientId, sessionId, text: 'Late entry: client phoned.' });
 * note.addenda.at(-1)?.authorName // 'Dr Rivera'
 */
export async function addNoteAddendum(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof addendumSchema>,
): Promise<ProgressNote> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'note.addendum');
  const v = parseInput(addendumSchema, input);
  if (actor.kind !== 'user') throw new AppError(ErrorCode.forbidden, 'An addendum is written by a signed-in user.');
  const user = await deps.store.findUserById(actor.userId);
  if (!user?.active) throw new AppError(ErrorCode.forbidden, 'The account is not active.');
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const session = await findClientSession(tx, access.clientId, v.sessionId);
    const note = await tx.findProgressNote(session.id);
    if (!note) throw new AppError(ErrorCode.notFound, 'This session has no note yet.');
    if (note.status !== 'signed') {
      throw new AppError(ErrorCode.conflict, 'A draft note is edited, not amended: addenda follow the signature.');
    }
    const addendum: NoteAddendum = {
      id: deps.ids.newId(),
      noteId: note.id,
      text: v.text,
      authorId: user.id,
      authorName: user.credentials.trim() ? `${user.name}, ${user.credentials.trim()}` : user.name,
      createdAt: now,
    };
    await tx.insertNoteAddendum(addendum, access.clientId);
    await tx.appendAudit([clientAuditEvent(actor, 'note.addendum', access.clientId, `note:${note.id}`)], now);
    return { ...note, addenda: [...note.addenda, addendum] };
  });
}
