import { type Actor, actorLabel } from './actor.js';
import type { AuditEventInput } from './ports.js';

/**
 * The audit event of a staff or practice operation (no client data: `clientIds` is empty).
 *
 * @example
 * staffAuditEvent(actor, 'user.update', `user:${id}`) // { actor: 'user:…', action: 'user.update', … }
 */
export function staffAuditEvent(
  actor: Actor,
  action: string,
  resource: string | null,
  outcome: AuditEventInput['outcome'] = 'success',
): AuditEventInput {
  return {
    actor: actorLabel(actor),
    action,
    resource,
    clientIds: [],
    outcome,
    origin: actor.kind === 'cli' ? 'cli' : null,
  };
}
