import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess, type ClientAccess, type ClientAccessMode } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import type { AuditEventInput, Deps } from './ports.js';

/**
 * A client acting through one of their links (issue 7): it reaches only that link's client, only to write what the
 * link's purpose allows (the link use cases check the purpose), and is audited as `link:<linkId>`.
 *
 * @example
 * const actor: LinkActor = { kind: 'link', linkId: link.id, clientId: link.clientId };
 */
export interface LinkActor {
  readonly kind: 'link';
  readonly linkId: string;
  readonly clientId: string;
}

/** Someone who may record a client's answers: a staff user, the CLI operator, or the client through a link. */
export type RecordingActor = Actor | LinkActor;

/**
 * The access check of a use case a client may also reach through a link: staff and the CLI go through
 * assertClientAccess; a link reaches its own client only (anything else is `not-found`).
 *
 * @example
 * const access = await assertRecordingAccess(deps, actor, input.clientId, 'write', 'administration.create');
 */
export async function assertRecordingAccess(
  deps: Pick<Deps, 'store' | 'clock' | 'accessNotes'>,
  actor: RecordingActor,
  clientId: string,
  mode: ClientAccessMode,
  action: string,
): Promise<ClientAccess> {
  if (actor.kind !== 'link') return assertClientAccess(deps, actor, clientId, mode, action);
  const facts =
    clientId === actor.clientId
      ? await deps.store.findClientAccess(clientId, null, deps.clock.now().toISOString())
      : null;
  if (!facts) throw new AppError(ErrorCode.notFound, 'No such client.');
  return { clientId: facts.clientId, practiceId: facts.practiceId, mode, breakGlassGrantId: null };
}

/**
 * The audit event of a recording actor's access to a client: `link:<linkId>` for a link, as clientAuditEvent
 * otherwise.
 *
 * @example
 * recordingAuditEvent({ kind: 'link', linkId: 'l1', clientId: 'c1' }, 'administration.create', 'c1', 'administration:a1')
 * // { actor: 'link:l1', action: 'administration.create', … }
 */
export function recordingAuditEvent(
  actor: RecordingActor,
  action: string,
  clientId: string,
  resource: string | null,
  outcome: AuditEventInput['outcome'] = 'success',
): AuditEventInput {
  if (actor.kind !== 'link') return clientAuditEvent(actor, action, clientId, resource, outcome);
  return { actor: `link:${actor.linkId}`, action, resource, clientIds: [clientId], outcome, origin: null };
}
