import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor, Role } from './actor.js';

/**
 * Refuses (`forbidden`) a signed-in user who has none of `roles`; the CLI operator passes. Checked on the first line
 * of staff and practice use cases (client data goes through assertClientAccess instead).
 *
 * @example
 * requireRole(actor, ['admin'], 'Only an administrator can change settings.');
 */
export function requireRole(actor: Actor, roles: readonly Role[], message: string): void {
  if (actor.kind === 'cli') return;
  if (!roles.some((r) => actor.roles.includes(r))) throw new AppError(ErrorCode.forbidden, message);
}

/**
 * The practice a user acts in; the CLI operator acts in the installation's one practice.
 *
 * @example
 * const practiceId = practiceIdOf(actor, practice);
 */
export function practiceIdOf(actor: Actor, practice: { readonly id: string } | null): string | null {
  if (actor.kind === 'user') return actor.practiceId;
  return practice?.id ?? null;
}
