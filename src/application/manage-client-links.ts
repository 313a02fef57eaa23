import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import type { ClientLink, Deps } from './ports.js';

/** Where a link stands for the clinician's list. */
export type ClientLinkState = 'open' | 'used' | 'expired' | 'revoked';

/**
 * The state of a link at `now`: revoked and used win over expired.
 *
 * @example
 * clientLinkState(link, new Date()) // 'open'
 */
export function clientLinkState(link: ClientLink, now: Date): ClientLinkState {
  if (link.revokedAt) return 'revoked';
  if (link.usedAt) return 'used';
  if (link.expiresAt <= now.toISOString()) return 'expired';
  return 'open';
}

/**
 * The client's links, newest first (never their tokens: only hashes are stored).
 *
 * @example
 * const links = await listClientLinks(deps, clinician, { clientId }); // [{ purpose: 'measures', usedAt: null, … }]
 */
export async function listClientLinks(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string },
): Promise<readonly ClientLink[]> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'client-link.list');
  const links = await deps.store.listClientLinks(access.clientId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'client-link.list', access.clientId, `client:${access.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return links;
}

/**
 * Revokes an unused link of the client: it stops working at once. `not-found` when there is no such open link.
 *
 * @example
 * await revokeClientLink(deps, clinician, { clientId, linkId });
 */
export async function revokeClientLink(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string; readonly linkId: string },
): Promise<void> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'client-link.revoke');
  const at = deps.clock.now().toISOString();
  const revoked = await deps.store.transaction(async (tx) => {
    const done = await tx.revokeClientLink(access.clientId, String(input.linkId).slice(0, 100), at);
    if (done) {
      await tx.appendAudit(
        [clientAuditEvent(actor, 'client-link.revoke', access.clientId, `client-link:${input.linkId}`)],
        at,
      );
    }
    return done;
  });
  if (!revoked) throw new AppError(ErrorCode.notFound, 'No such open link for this client.');
}
