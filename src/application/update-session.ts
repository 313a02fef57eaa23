import { z } from 'zod';
import { type SessionRecord, sessionMinutes } from '../domain/sessions/session-record.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { sessionClinician, sessionFieldsSchema } from './create-session.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { findClientSession } from './session-data.js';

const updateSchema = sessionFieldsSchema.extend({
  clientId: z.string().min(1).max(100),
  sessionId: z.string().min(1).max(100),
  revision: z.number().int().min(1),
});

export type UpdateSessionInput = z.input<typeof updateSchema>;

/**
 * Corrects a session record (`PUT /api/v1/clients/{clientId}/sessions/{sessionId}`) with the revision it was read
 * at (a stale one is 409 `stale-revision`). Once the session's note is signed, the times, modality and attendance it
 * attests are locked too (`conflict`): corrections go in an addendum. Write access; audited (`session.update`).
 *
 * @example
 * const saved = await updateSession(deps, clinician, { clientId, sessionId, revision: 1, ...fields, attendance: 'no-show' });
 * saved.revision // 2
 */
export async function updateSession(deps: Deps, actor: Actor, input: UpdateSessionInput): Promise<SessionRecord> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'session.update');
  const v = parseInput(updateSchema, input);
  const clinicianId = v.clinicianId
    ? await sessionClinician(deps.store, actor, v, access.clientId, access.practiceId)
    : null;
  if (!v.clinicianId && sessionMinutes(v.startTime, v.endTime) <= 0) {
    throw new AppError(ErrorCode.invalidInput, 'endTime: must be after startTime');
  }
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const session = await findClientSession(tx, access.clientId, v.sessionId);
    const note = await tx.findProgressNote(session.id);
    if (note?.status === 'signed') {
      throw new AppError(ErrorCode.conflict, 'The session’s note is signed: correct it with an addendum.');
    }
    if (session.revision !== v.revision) {
      throw new AppError(
        ErrorCode.staleRevision,
        `The session has changed since revision ${v.revision} (it is at revision ${session.revision}); reload it.`,
      );
    }
    const next: SessionRecord = {
      ...session,
      clinicianId: clinicianId ?? session.clinicianId,
      date: v.date,
      startTime: v.startTime,
      endTime: v.endTime,
      serviceType: v.serviceType,
      modality: v.modality,
      attendance: v.attendance,
      billingCodes: v.billingCodes,
      revision: session.revision + 1,
      updatedAt: now,
    };
    if (!(await tx.replaceSessionRecord(next, session.revision))) {
      throw new AppError(ErrorCode.staleRevision, 'The session changed while saving; reload it and try again.');
    }
    await tx.appendAudit([clientAuditEvent(actor, 'session.update', access.clientId, `session:${session.id}`)], now);
    return next;
  });
}
