import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { type Actor, actorLabel, Role } from './actor.js';
import { ensurePractice } from './ensure-practice.js';
import { type Deps, NO_PASSWORD_HASH, type Store, type User } from './ports.js';

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
    .max(1024, 'must be at most 1024 characters')
    .optional(),
  credentials: z.string().trim().max(100, 'must be at most 100 characters').optional(),
});

export type AddUserInput = z.input<typeof inputSchema>;

/** A new staff account's input once checked. */
export type NewUserInput = z.output<typeof inputSchema>;

/**
 * Checks the input of a new staff account: the actor must be the CLI operator or an admin (`forbidden`), the fields
 * valid (`invalid-input`).
 *
 * @example
 * const v = parseNewUser(actor, { email: 'ana@example.org', name: 'Ana', roles: ['clinician'] });
 */
export function parseNewUser(actor: Actor, input: AddUserInput): NewUserInput {
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
  return parsed.data;
}

/**
 * Writes a checked new staff account inside the caller's transaction (creating the practice when the installation
 * has none), with its `user.create` audit event. A duplicate e-mail is refused with `duplicate`.
 *
 * @example
 * await deps.store.transaction((tx) => insertNewUser(deps, tx, actor, v, NO_PASSWORD_HASH, now));
 */
export async function insertNewUser(
  deps: Deps,
  tx: Store,
  actor: Actor,
  v: NewUserInput,
  passwordHash: string,
  now: string,
): Promise<User> {
  const practice = await ensurePractice(deps, tx, actor);
  if (await tx.findUserByEmail(v.email)) {
    throw new AppError(ErrorCode.duplicate, `a user with e-mail ${v.email} already exists`);
  }
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
}

/**
 * Creates a staff account (creating the practice when the installation has none). Only the CLI operator or an admin
 * may do it. A duplicate e-mail is refused with `duplicate` and nothing is written. Without a password the account
 * has none that works until its user follows a set-password link (inviteUser, resetPassword).
 *
 * @example
 * const user = await addUser(deps, { kind: 'cli', osUser: 'ana' },
 *   { email: 'ana@example.org', name: 'Ana', roles: ['admin', 'clinician'], password: 'correct horse battery' });
 */
export async function addUser(deps: Deps, actor: Actor, input: AddUserInput): Promise<User> {
  const v = parseNewUser(actor, input);
  const passwordHash = v.password === undefined ? NO_PASSWORD_HASH : await deps.passwords.hash(v.password);
  return deps.store.transaction((tx) =>
    insertNewUser(deps, tx, actor, v, passwordHash, deps.clock.now().toISOString()),
  );
}
