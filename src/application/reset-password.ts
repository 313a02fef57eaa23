import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { findPracticeUser } from './find-practice-user.js';
import { type IssuedPasswordLink, issuePasswordLink } from './issue-password-link.js';
import { type AuthDeps, NO_PASSWORD_HASH, type User } from './ports.js';
import { requireRole } from './require-role.js';
import { staffAuditEvent } from './staff-audit-event.js';

export interface PasswordReset {
  readonly user: User;
  readonly link: IssuedPasswordLink;
}

/**
 * Resets a staff password (`POST /api/v1/users/{id}/reset-password`, administrators): in one transaction the
 * password is cleared (nothing signs in with it any more), every session of the user ends, their API tokens are
 * revoked (a reset usually means the account may be compromised), and a new one-time set-password link replaces any
 * older one. The TOTP enrolment is kept. A deactivated account is `conflict`: reactivate it first.
 *
 * @example
 * const { link } = await resetPassword(deps, admin, { userId });
 */
export async function resetPassword(
  deps: AuthDeps,
  actor: Actor,
  input: { readonly userId: string },
): Promise<PasswordReset> {
  requireRole(actor, ['admin'], 'Only an administrator can reset passwords.');
  const user = await findPracticeUser(deps.store, actor, input?.userId);
  if (!user.active) throw new AppError(ErrorCode.conflict, 'The account is deactivated; reactivate it first.');
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now().toISOString();
    await tx.setUserPasswordHash(user.id, NO_PASSWORD_HASH, now);
    await tx.deleteUserSessions(user.id);
    await tx.revokeUserApiTokens(user.id, now);
    const link = await issuePasswordLink(deps, tx, actor, user.id);
    await tx.appendAudit([staffAuditEvent(actor, 'user.password.reset', `user:${user.id}`)], now);
    return { user, link };
  });
}
