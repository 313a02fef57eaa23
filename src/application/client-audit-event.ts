import { type Actor, actorLabel } from './actor.js';
import type { AuditEventInput } from './ports.js';

/**
 * The audit event of one access to a client's data (DESIGN 2.8: who, what, which client, outcome, from where).
 * `resource` is an opaque `<kind>:<id>` (never client data); the origin is `cli` for the CLI operator (the HTTP layer
 * will pass the request's origin when it records its own events).
 *
 * @example
 * clientAuditEvent({ kind: 'cli', osUser: 'ana' }, 'progress.read', clientId, `client:${clientId}`)
 * // { actor: 'cli:ana', action: 'progress.read', resource: 'client:…', clientIds: [clientId], outcome: 'success', origin: 'cli' }
 */
export function clientAuditEvent(
  actor: Actor,
  action: string,
  clientId: string,
  resource: string | null,
  outcome: AuditEventInput['outcome'] = 'success',
): AuditEventInput {
  return {
    actor: actorLabel(actor),
    action,
    resource,
    clientIds: [clientId],
    outcome,
    origin: actor.kind === 'cli' ? 'cli' : null,
  };
}
