import { z } from 'zod';
import { Id } from './common.js';

/**
 * Staff accounts as the API shows them (never a password hash or a TOTP seed).
 *
 * @example
 * const u: z.infer<typeof UserView> = { id: '…', email: 'ana@example.org', name: 'Ana Ruiz', credentials: 'PhD',
 *   roles: ['admin', 'clinician'], active: true, createdAt: '2026-11-26T12:00:00.000Z' };
 */
export const RoleName = z.enum(['admin', 'clinician', 'supervisor', 'auditor']);

export const UserView = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    credentials: z.string(),
    roles: z.array(RoleName),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

/** `POST /api/v1/users` (admin): a new staff account. */
export const CreateUserRequest = z.strictObject({
  email: z.string().max(320),
  name: z.string().max(200),
  password: z.string().max(1024),
  roles: z.array(RoleName).min(1),
  credentials: z.string().max(100).optional(),
});

/** `PATCH /api/v1/users/{id}` (admin): any subset; a deactivation or role change ends the user's sessions. */
export const UpdateUserRequest = z.strictObject({
  name: z.string().max(200).optional(),
  credentials: z.string().max(100).optional(),
  roles: z.array(RoleName).min(1).optional(),
  active: z.boolean().optional(),
});

/** `GET /api/v1/roles`: the roles a user may hold (a set per user). */
export const RoleView = z.object({ name: RoleName, description: z.string() });
