import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { clientAuditEvent } from './client-audit-event.js';
import { parseInput } from './parse-input.js';
import type { Client, Deps } from './ports.js';
import { requireRole } from './require-role.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** An optional free-text detail: trimmed, empty means none. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((t) => (t ? t : null));

const inputSchema = z.object({
  recordNumber: z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters').optional(),
  givenName: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  familyName: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  dateOfBirth: z
    .string()
    .regex(isoDate, 'must be a date YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'must be a real date')
    .refine((d) => d >= '1900-01-01', 'must be after 1900')
    .nullable()
    .optional(),
  primaryClinicianId: z.string().min(1).max(100).optional(),
  preferredName: optionalText(100),
  pronouns: optionalText(50),
  externalId: optionalText(100),
  email: z.email('must be an e-mail address').max(254, 'must be at most 254 characters').nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()\-.]{5,30}$/, 'must be a phone number (digits, spaces, + ( ) - .)')
    .nullable()
    .optional(),
});

export type CreateClientInput = z.input<typeof inputSchema>;

/**
 * Registers a client (`POST /api/v1/clients`) with a primary clinician: the caller by default, or a clinician the
 * caller supervises (an administrator may register a client for any clinician, for intake, and does not reach it
 * afterwards). A record number is generated when none is given; a record number already used is `duplicate`.
 * The client and the assignment are written with their audit event in one transaction.
 *
 * @example
 * const client = await createClient(deps, clinician, { givenName: 'Jordan', familyName: 'Lee' });
 * client.recordNumber // 'C-4F2A9C1B'
 */
export async function createClient(deps: Deps, actor: Actor, input: CreateClientInput): Promise<Client> {
  requireRole(actor, ['clinician', 'supervisor', 'admin'], 'Your role cannot register clients.');
  const v = parseInput(inputSchema, input);
  const practice = await deps.store.findPractice();
  if (!practice || (actor.kind === 'user' && practice.id !== actor.practiceId)) {
    throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
  }
  const primaryId = v.primaryClinicianId ?? (actor.kind === 'user' ? actor.userId : null);
  if (!primaryId) throw new AppError(ErrorCode.invalidInput, 'primaryClinicianId: is required from the command line');
  const primary = await deps.store.findUserById(primaryId);
  if (!primary || primary.practiceId !== practice.id || !primary.active) {
    throw new AppError(ErrorCode.invalidInput, 'primaryClinicianId: no such active clinician');
  }
  if (!primary.roles.includes('clinician') && !primary.roles.includes('supervisor')) {
    throw new AppError(ErrorCode.invalidInput, 'primaryClinicianId: the user is not a clinician');
  }
  if (actor.kind === 'user' && primaryId !== actor.userId && !actor.roles.includes('admin')) {
    const supervises =
      actor.roles.includes('supervisor') &&
      (await deps.store.listSupervision(practice.id)).some(
        (s) => s.supervisorId === actor.userId && s.clinicianId === primaryId,
      );
    if (!supervises) {
      throw new AppError(ErrorCode.forbidden, 'You can register clients only for yourself or your supervisees.');
    }
  }
  const now = deps.clock.now().toISOString();
  const id = deps.ids.newId();
  const client: Client = {
    id,
    practiceId: practice.id,
    recordNumber: v.recordNumber ?? `C-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
    givenName: v.givenName,
    familyName: v.familyName,
    dateOfBirth: v.dateOfBirth ?? null,
    status: 'active',
    preferredName: v.preferredName ?? null,
    pronouns: v.pronouns ?? null,
    externalId: v.externalId ?? null,
    email: v.email ?? null,
    phone: v.phone ?? null,
  };
  await deps.store.transaction(async (tx) => {
    if (await tx.findClientByRecordNumber(practice.id, client.recordNumber)) {
      throw new AppError(ErrorCode.duplicate, 'That record number is already used.');
    }
    await tx.insertClient(client, now);
    await tx.assignClient(client.id, primaryId, 'primary', now);
    await tx.appendAudit([clientAuditEvent(actor, 'client.create', client.id, `client:${client.id}`)], now);
  });
  return client;
}
