import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import type { Deps } from './ports.js';

/**
 * The psychotherapy-note rule (45 CFR 164.501; hipaa.md row 9; DESIGN 2.9): only a clinician assigned to the client
 * writes them, and each reads only their own. Supervision, break-glass, the auditor role, an admin and the CLI give
 * no access: every one of them gets `not-found`, as for a client out of reach, and the refusal is audited. The
 * ordinary client access rule is checked first (so an unknown client is the usual 404).
 *
 * @example
 * const { clientId, authorId } = await assertPsychotherapyNoteAccess(deps, actor, input.clientId, 'psychotherapy-note.list');
 */
export async function assertPsychotherapyNoteAccess(
  deps: Deps,
  actor: Actor,
  clientId: string,
  action: string,
): Promise<{ readonly clientId: string; readonly authorId: string }> {
  const access = await assertClientAccess(deps, actor, clientId, 'read', action);
  const facts =
    actor.kind === 'user' && actor.roles.includes('clinician')
      ? await deps.store.findClientAccess(access.clientId, actor.userId, deps.clock.now().toISOString())
      : null;
  if (actor.kind !== 'user' || !facts?.assigned) {
    await deps.store.appendAudit(
      [clientAuditEvent(actor, action, access.clientId, `client:${access.clientId}`, 'denied')],
      deps.clock.now().toISOString(),
    );
    throw new AppError(ErrorCode.notFound, 'Not found.');
  }
  return { clientId: access.clientId, authorId: actor.userId };
}
