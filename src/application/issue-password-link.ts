import { type Actor, actorLabel } from './actor.js';
import type { AuthDeps, Deps, Store } from './ports.js';

/** How long a set-password link works (DESIGN 2.8 staff lifecycle: invitations and resets). */
export const PASSWORD_LINK_HOURS = 72;

/** A link as handed to the admin: the token (shown once, never stored) and when it stops working. */
export interface IssuedPasswordLink {
  readonly token: string;
  readonly expiresAt: string;
}

/**
 * The key of a set-password token in storage (a SHA-256; the token itself is never stored).
 *
 * @example
 * passwordLinkTokenHash(deps, 'k3…') // '9f…' (64 hex characters)
 */
export function passwordLinkTokenHash(deps: Pick<Deps, 'digest'>, token: string): string {
  return deps.digest.sha256(`cairn password link v1\n${token}`);
}

/**
 * Issues a one-time set-password link for a user inside the caller's transaction: a random 256-bit token, stored only
 * as its hash, expiring after PASSWORD_LINK_HOURS; the user's older links are deleted (a newer link voids them). The
 * caller checks access and writes the request's audit event.
 *
 * @example
 * const link = await deps.store.transaction((tx) => issuePasswordLink(deps, tx, admin, user.id));
 * `${publicUrl}/set-password#token=${link.token}`
 */
export async function issuePasswordLink(
  deps: AuthDeps,
  tx: Store,
  actor: Actor,
  userId: string,
): Promise<IssuedPasswordLink> {
  const now = deps.clock.now();
  const token = deps.tokens.newToken(32);
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000).toISOString();
  await tx.replacePasswordLink({
    id: deps.ids.newId(),
    userId,
    tokenHash: passwordLinkTokenHash(deps, token),
    createdBy: actorLabel(actor),
    createdAt: now.toISOString(),
    expiresAt,
    usedAt: null,
  });
  return { token, expiresAt };
}
