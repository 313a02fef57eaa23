import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { type Actor, Role } from './actor.js';
import { parseInput } from './parse-input.js';
import type { Deps, User } from './ports.js';
import { requireRole } from './require-role.js';
import { staffAuditEvent } from './staff-audit-event.js';

const inputSchema = z.object({
  userId: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  credentials: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  roles: z
    .array(z.enum(Object.values(Role), { message: `must be one of ${Object.values(Role).join(', ')}` }))
    .min(1, 'must name at least one role')
    .optional(),
  active: z.boolean().optional(),
});

export type UpdateUserInput = z.input<typeof inputSchema>;

/**
 * Changes a staff account (`PATCH /api/v1/users/{id}`, administrators): name, credentials, roles, active. A
 * deactivation or a role change ends the user's sessions at once, and a deactivation revokes their API tokens (DESIGN
 * 2.8, staff lifecycle). The practice keeps at
 * least one active administrator (`conflict` otherwise).
 *
 * @example
 * await updateUser(deps, admin, { userId, roles: ['clinician', 'supervisor'] });
 * await updateUser(deps, admin, { userId, active: false }); // sessions revoked
 */
export async function updateUser(deps: Deps, actor: Actor, input: UpdateUserInput): Promise<User> {
  requireRole(actor, ['admin'], 'Only an administrator can change staff accounts.');
  const userIdRaw = typeof input?.userId === 'string' ? input.userId : '';
  const existing = userIdRaw ? await deps.store.findUserById(userIdRaw) : null;
  if (!existing || (actor.kind === 'user' && existing.practiceId !== actor.practiceId)) {
    throw new AppError(ErrorCode.notFound, 'No such user.');
  }
  const v = parseInput(inputSchema, input);
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now().toISOString();
    const roles = v.roles ? [...new Set(v.roles)].sort() : existing.roles;
    const active = v.active ?? existing.active;
    const losesAdmin = existing.roles.includes('admin') && existing.active && (!roles.includes('admin') || !active);
    if (losesAdmin) {
      const admins = (await tx.listUsers(existing.practiceId)).filter((u) => u.active && u.roles.includes('admin'));
      if (admins.length <= 1) {
        throw new AppError(ErrorCode.conflict, 'The practice needs at least one active administrator.');
      }
    }
    await tx.updateUser(
      existing.id,
      {
        ...(v.name === undefined ? {} : { name: v.name }),
        ...(v.credentials === undefined ? {} : { credentials: v.credentials }),
        ...(v.active === undefined ? {} : { active: v.active }),
      },
      now,
    );
    const rolesChanged = v.roles !== undefined && roles.join(',') !== existing.roles.join(',');
    if (rolesChanged) await tx.setUserRoles(existing.id, roles);
    if (rolesChanged || (existing.active && !active)) await tx.deleteUserSessions(existing.id);
    // DESIGN 2.8: a deactivation revokes the account's API tokens too (a role change needs not: a token acts with
    // its user's roles as they are at each request).
    if (existing.active && !active) await tx.revokeUserApiTokens(existing.id, now);
    const action = existing.active && !active ? 'user.deactivate' : rolesChanged ? 'user.roles.update' : 'user.update';
    await tx.appendAudit([staffAuditEvent(actor, action, `user:${existing.id}`)], now);
    return {
      ...existing,
      name: v.name ?? existing.name,
      credentials: v.credentials ?? existing.credentials,
      roles,
      active,
    };
  });
}
