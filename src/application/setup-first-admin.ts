import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { MIN_PASSWORD_LENGTH } from './add-user.js';
import type { AnonymousCaller } from './auth-policy.js';
import { ensurePractice } from './ensure-practice.js';
import { parseInput } from './parse-input.js';
import type { Deps, User } from './ports.js';

const inputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'must be an e-mail address' })),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, 'must be at most 1024 characters'),
});

export type SetupFirstAdminInput = z.input<typeof inputSchema>;

/** The roles of the first account: a solo practice's owner administers and treats. */
export const FIRST_ADMIN_ROLES = ['admin', 'clinician'] as const;

/**
 * First-run set-up (`POST /api/v1/setup`): creates the first account, with roles admin and clinician, and the
 * practice when missing — only while the installation has no user at all; afterwards `conflict` (409). The new
 * administrator then signs in and enrols a second factor.
 *
 * @example
 * const admin = await setupFirstAdmin(deps, { kind: 'anonymous', origin: '127.0.0.1' },
 *   { email: 'ana@example.org', name: 'Ana Ruiz', password: 'correct horse battery' });
 * admin.roles // ['admin', 'clinician']
 */
export async function setupFirstAdmin(deps: Deps, caller: AnonymousCaller, input: SetupFirstAdminInput): Promise<User> {
  const v = parseInput(inputSchema, input);
  if ((await deps.store.countUsersForSetup()) > 0) throw alreadySetUp();
  const passwordHash = await deps.passwords.hash(v.password);
  return deps.store.transaction(async (tx) => {
    if ((await tx.countUsersForSetup()) > 0) throw alreadySetUp();
    const userId = deps.ids.newId();
    const roles = [...FIRST_ADMIN_ROLES];
    // The practice is created on behalf of the administrator being created.
    const actor: Actor = { kind: 'user', userId, practiceId: '', roles };
    const practice = await ensurePractice(deps, tx, actor);
    const now = deps.clock.now().toISOString();
    const user = { id: userId, practiceId: practice.id, email: v.email, name: v.name, credentials: '', roles };
    await tx.insertUser({ ...user, passwordHash }, now);
    await tx.appendAudit(
      [
        {
          actor: `user:${userId}`,
          action: 'setup.first-admin',
          resource: `user:${userId}`,
          clientIds: [],
          outcome: 'success',
          origin: caller.origin,
        },
      ],
      now,
    );
    return { ...user, active: true, createdAt: now };
  });
}

function alreadySetUp(): AppError {
  return new AppError(ErrorCode.conflict, 'Cairn is already set up; sign in instead.');
}
