import { z } from 'zod';
import { checkNoteForSigning } from '../domain/sessions/check-note-for-signing.js';
import type { ProgressNote } from '../domain/sessions/progress-note.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Signature } from '../domain/treatment-plans/treatment-plan.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { requireRole } from './require-role.js';
import { findClientSession } from './session-data.js';

const signSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  sessionId: z.string().min(1).max(100),
  revision: z.number().int().min(1),
});

/**
 * The session's clinician signs the draft note (`POST /api/v1/clients/{clientId}/sessions/{sessionId}/note/sign
 * {revision}`); payers require the performing provider's signature with credentials (payer-requirements.md, NGS
 * CERT), so only the clinician who held the session signs it (`forbidden` for anyone else). The note is checked
 * first (`checkNoteForSigning`: a risk section while a critical-item alert of the client is open, a written section,
 * the goals addressed): findings refuse with `note-incomplete`. Once signed it never changes. `stale-revision` when
 * the draft changed since `revision`; `conflict` when it is already signed. Audited (`note.sign`).
 *
 * @example
 * const signed = await signNote(deps, clinician, { clientId, sessionId, revision: 3 });
 * signed.status // 'signed'
 */
export async function signNote(deps: Deps, actor: Actor, input: z.input<typeof signSchema>): Promise<ProgressNote> {
  requireRole(actor, ['clinician'], 'Only a clinician signs a progress note.');
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'note.sign');
  const v = parseInput(signSchema, input);
  if (actor.kind !== 'user') throw new AppError(ErrorCode.forbidden, 'A note is signed by its clinician.');
  const user = await deps.store.findUserById(actor.userId);
  if (!user?.active) throw new AppError(ErrorCode.forbidden, 'The signing account is not active.');
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const session = await findClientSession(tx, access.clientId, v.sessionId);
    const note = await tx.findProgressNote(session.id);
    if (!note) throw new AppError(ErrorCode.notFound, 'This session has no note yet.');
    if (session.clinicianId !== user.id) {
      throw new AppError(ErrorCode.forbidden, 'Only the clinician who held the session signs its note.');
    }
    if (note.status !== 'draft') throw new AppError(ErrorCode.conflict, 'This note is already signed.');
    if (note.revision !== v.revision) {
      throw new AppError(
        ErrorCode.staleRevision,
        `The note is at revision ${note.revision}, not ${v.revision}; read it again before signing.`,
      );
    }
    const openCritical = (await tx.listAlerts(access.clientId, { open: true })).filter(
      (a) => a.alert.severity === 'critical',
    ).length;
    const issues = checkNoteForSigning({ note, attendance: session.attendance, openCriticalAlerts: openCritical });
    if (issues.length > 0) {
      throw new AppError(ErrorCode.noteIncomplete, issues[0]?.message ?? 'The note is incomplete.', { issues });
    }
    const signature: Signature = {
      userId: user.id,
      name: user.name,
      credentials: user.credentials.trim(),
      signedAt: now,
    };
    const signed: ProgressNote = { ...note, status: 'signed', revision: note.revision + 1, signature, updatedAt: now };
    if (!(await tx.signDraftNote(signed, note.revision))) {
      throw new AppError(ErrorCode.staleRevision, 'The note changed while signing; read it again.');
    }
    await tx.appendAudit([clientAuditEvent(actor, 'note.sign', access.clientId, `note:${note.id}`)], now);
    return signed;
  });
}
