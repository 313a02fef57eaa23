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

/** `POST /api/v1/users` (admin): a new staff account; the answer carries its one-time set-password link. */
export const CreateUserRequest = z.strictObject({
  email: z.string().max(320),
  name: z.string().max(200),
  password: z
    .string()
    .max(1024)
    .optional()
    .describe('Usually left out: the new user chooses a password through the one-time set-password link.'),
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

/** A one-time set-password link (shown once): the token is in the fragment, so it never reaches a server log. */
export const PasswordLinkView = z.object({
  setPasswordUrl: z.string().describe('Absolute URL, `…/set-password#token=…`; give it to the user in person.'),
  setPasswordExpiresAt: z.string(),
});

/** `POST /api/v1/users` → 201: the new account and its one-time set-password link. */
export const CreatedUserView = UserView.extend(PasswordLinkView.shape).meta({ id: 'CreatedUser' });

/** `POST /api/v1/users/{id}/reassign-caseload` (admin): the clinician who takes the primary assignments. */
export const ReassignCaseloadRequest = z.strictObject({ toUserId: Id });

export const ReassignCaseloadResponse = z.object({
  moved: z.number().int().describe('How many clients changed primary clinician.'),
});
