import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { clientAuditEvent } from './client-audit-event.js';
import type { Deps } from './ports.js';

/**
 * What the caller wants to do with a client's data.
 *
 * @example
 * const mode: ClientAccessMode = 'read';
 */
export type ClientAccessMode = 'read' | 'write';

/**
 * Granted access to one client.
 *
 * @example
 * const access: ClientAccess = { clientId: 'c1', practiceId: 'p1', mode: 'write', breakGlassGrantId: null };
 */
export interface ClientAccess {
  readonly clientId: string;
  readonly practiceId: string;
  readonly mode: ClientAccessMode;
  /** The break-glass grant the access relies on, or null for ordinary access. */
  readonly breakGlassGrantId: string | null;
}

/** Longest id worth asking the database about (ids are UUIDs). */
const MAX_ID_LENGTH = 100;

/**
 * The client access rule (DESIGN 2.8), checked on the first line of every use case that touches a client's data:
 * - the CLI operator reaches every client;
 * - a clinician or supervisor assigned to the client (primary or additional) reads and writes;
 * - a supervisor who supervises a clinician assigned to the client reads and writes;
 * - a clinician or supervisor holding an active break-glass grant on the client (unexpired, unrevoked) reads and
 *   writes; the grant is reported to `deps.accessNotes`, which marks the request's audit events with it;
 * - an auditor reads every client of the practice, and may not write (`forbidden`);
 * - anyone else (an admin without a clinical role, another practice, an unknown client) gets `not-found`, so a
 *   client outside the caller's reach looks like no client at all.
 * A refusal is recorded in the audit trail (`outcome: 'denied'`, with `action`) before it is thrown.
 *
 * @example
 * const access = await assertClientAccess(deps, actor, input.clientId, 'write', 'administration.create');
 */
export async function assertClientAccess(
  deps: Pick<Deps, 'store' | 'clock' | 'accessNotes'>,
  actor: Actor,
  clientId: string,
  mode: ClientAccessMode,
  action = 'client.access',
): Promise<ClientAccess> {
  const usable = typeof clientId === 'string' && clientId.length > 0 && clientId.length <= MAX_ID_LENGTH;
  const facts = usable
    ? await deps.store.findClientAccess(
        clientId,
        actor.kind === 'user' ? actor.userId : null,
        deps.clock.now().toISOString(),
      )
    : null;
  const deny = async (code: ErrorCode, message: string): Promise<never> => {
    if (usable) {
      await deps.store.appendAudit(
        [clientAuditEvent(actor, action, clientId, `client:${clientId}`, 'denied')],
        deps.clock.now().toISOString(),
      );
    }
    throw new AppError(code, message);
  };
  if (!facts || (actor.kind === 'user' && facts.practiceId !== actor.practiceId)) {
    return deny(ErrorCode.notFound, 'No such client.');
  }
  const granted: ClientAccess = {
    clientId: facts.clientId,
    practiceId: facts.practiceId,
    mode,
    breakGlassGrantId: null,
  };
  if (actor.kind === 'cli') return granted;
  const roles = actor.roles;
  const clinical = roles.includes('clinician') || roles.includes('supervisor');
  const treats = clinical && facts.assigned;
  const supervises = roles.includes('supervisor') && facts.supervisesAssignee;
  if (treats || supervises) return granted;
  if (clinical && facts.breakGlassGrantId !== null) {
    deps.accessNotes?.breakGlassUsed(facts.breakGlassGrantId, facts.clientId);
    return { ...granted, breakGlassGrantId: facts.breakGlassGrantId };
  }
  if (roles.includes('auditor')) {
    if (mode === 'read') return granted;
    return deny(ErrorCode.forbidden, 'Auditors have read-only access.');
  }
  return deny(ErrorCode.notFound, 'No such client.');
}
