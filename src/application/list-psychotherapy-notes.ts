import { z } from 'zod';
import type { PsychotherapyNote } from '../domain/sessions/psychotherapy-note.js';
import type { Actor } from './actor.js';
import { assertPsychotherapyNoteAccess } from './assert-psychotherapy-note-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';

const listSchema = z.strictObject({ clientId: z.string().min(1).max(100) });

/**
 * The caller's own psychotherapy notes about the client, newest first
 * (`GET /api/v1/clients/{clientId}/psychotherapy-notes`). Audited (`psychotherapy-note.list`).
 *
 * @example
 * const mine = await listPsychotherapyNotes(deps, clinician, { clientId });
 */
export async function listPsychotherapyNotes(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof listSchema>,
): Promise<readonly PsychotherapyNote[]> {
  const { clientId, authorId } = await assertPsychotherapyNoteAccess(
    deps,
    actor,
    clientIdOf(input),
    'psychotherapy-note.list',
  );
  parseInput(listSchema, input);
  const notes = await deps.store.listPsychotherapyNotes(clientId, authorId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'psychotherapy-note.list', clientId, `client:${clientId}`)],
    deps.clock.now().toISOString(),
  );
  return notes;
}
