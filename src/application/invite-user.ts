import type { Actor } from './actor.js';
import { type AddUserInput, insertNewUser, parseNewUser } from './add-user.js';
import { type IssuedPasswordLink, issuePasswordLink } from './issue-password-link.js';
import { type AuthDeps, NO_PASSWORD_HASH, type User } from './ports.js';

export interface InvitedUser {
  readonly user: User;
  /** The one-time set-password link for the new user (its token is shown once). */
  readonly link: IssuedPasswordLink;
}

/**
 * Creates a staff account with a one-time set-password link (`POST /api/v1/users`, administrators): the account
 * and the link are written in one transaction with one `user.create` audit event. Without a `password` in the input
 * the account has no usable password until the link is followed (the usual case); with one, the link still lets its
 * user choose their own. The new user then signs in and enrols TOTP as the practice's policy says.
 *
 * @example
 * const { user, link } = await inviteUser(deps, admin, { email: 'bo@example.org', name: 'Bo', roles: ['clinician'] });
 * link.token // shown once, in the link's fragment
 */
export async function inviteUser(deps: AuthDeps, actor: Actor, input: AddUserInput): Promise<InvitedUser> {
  const v = parseNewUser(actor, input);
  const passwordHash = v.password === undefined ? NO_PASSWORD_HASH : await deps.passwords.hash(v.password);
  return deps.store.transaction(async (tx) => {
    const user = await insertNewUser(deps, tx, actor, v, passwordHash, deps.clock.now().toISOString());
    const link = await issuePasswordLink(deps, tx, actor, user.id);
    return { user, link };
  });
}
