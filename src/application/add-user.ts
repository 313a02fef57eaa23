import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { type Actor, actorLabel, Role } from './actor.js';
import { ensurePractice } from './ensure-practice.js';
import type { Deps, User } from './ports.js';

/** DESIGN 2.8: passwords of at least 12 characters. */
export const MIN_PASSWORD_LENGTH = 12;

const inputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'must be an e-mail address' })),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  roles: z
    .array(z.enum(Object.values(Role), { message: `must be one of ${Object.values(Role).join(', ')}` }))
    .min(1, 'must name at least one role'),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, 'must be at most 1024 characters'),
  credentials: z.string().trim().max(100, 'must be at most 100 characters').optional(),
});

export type AddUserInput = z.input<typeof inputSchema>;

/**
 * Creates a staff account (creating the practice when the installation has none). Only the CLI operator or an admin
 * may do it. A duplicate e-mail is refused with `duplicate` and nothing is written.
 *
 * @example
 * const user = await addUser(deps, { kind: 'cli', osUser: 'ana' },
 *   { email: 'ana@example.org', name: 'Ana', roles: ['admin', 'clinician'], password: 'correct horse battery' });
 */
export async function addUser(deps: Deps, actor: Actor, input: AddUserInput): Promise<User> {
  if (actor.kind === 'user' && !actor.roles.includes('admin')) {
    throw new AppError(ErrorCode.forbidden, 'Only an administrator can add users.');
  }
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = first?.path.join('.') || 'input';
    throw new AppError(ErrorCode.invalidInput, `${field} ${first?.message ?? 'is invalid'}`, {
      issues: parsed.error.issues.map((i) => ({
        code: 'invalid-field',
        severity: 'error' as const,
        message: `${i.path.join('.')} ${i.message}`,
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      })),
    });
  }
  const v = parsed.data;
  const passwordHash = await deps.passwords.hash(v.password);
  return deps.store.transaction(async (tx) => {
    const practice = await ensurePractice(deps, tx, actor);
    if (await tx.findUserByEmail(v.email)) {
      throw new AppError(ErrorCode.duplicate, `a user with e-mail ${v.email} already exists`);
    }
    const now = deps.clock.now().toISOString();
    const roles = [...new Set(v.roles)].sort();
    const user = {
      id: deps.ids.newId(),
      practiceId: practice.id,
      email: v.email,
      name: v.name,
      credentials: v.credentials ?? '',
      roles,
    };
    await tx.insertUser({ ...user, passwordHash }, now);
    await tx.appendAudit(
      [
        {
          actor: actorLabel(actor),
          action: 'user.create',
          resource: `user:${user.id}`,
          clientIds: [],
          outcome: 'success',
          origin: actor.kind === 'cli' ? 'cli' : null,
        },
      ],
      now,
    );
    return { ...user, active: true, createdAt: now };
  });
}
