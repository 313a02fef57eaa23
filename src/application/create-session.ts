import { z } from 'zod';
import { isClockTime, type SessionRecord, sessionMinutes } from '../domain/sessions/session-record.js';
import { AppError } from '../domain/shared/app-error.js';
import { isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps, Store } from './ports.js';

const date = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');
const time = z.string().refine(isClockTime, 'must be a time HH:MM (24-hour)');

/**
 * The fields of a session record, shared by create and update (strict: unknown fields are refused).
 *
 * @example
 * sessionFieldsSchema.parse({ date: '2026-11-20', startTime: '14:00', endTime: '14:50', serviceType: 'individual',
 *   modality: 'video', attendance: 'attended', billingCodes: ['90834'] });
 */
export const sessionFieldsSchema = z.strictObject({
  date,
  startTime: time,
  endTime: time,
  serviceType: z.enum(['individual', 'group', 'family']),
  modality: z.enum(['in-person', 'video', 'audio']),
  attendance: z.enum(['attended', 'cancelled', 'late-cancel', 'no-show']),
  billingCodes: z
    .array(z.string().trim().min(1, 'must not be empty').max(20, 'must be at most 20 characters'))
    .max(10, 'at most 10 codes')
    .default([]),
  clinicianId: z.string().min(1).max(100).optional(),
});

const createSchema = sessionFieldsSchema.extend({ clientId: z.string().min(1).max(100) });

export type CreateSessionInput = z.input<typeof createSchema>;

/**
 * Checks the session's times and finds its clinician: `clinicianId`; else the acting user when a clinician; else the
 * client's primary clinician (a supervisor recording a supervisee's session). It must be an active clinician of the
 * practice (the performing provider who will sign the note).
 *
 * @example
 * const clinicianId = await sessionClinician(store, actor, v, clientId, practiceId);
 */
export async function sessionClinician(
  store: Store,
  actor: Actor,
  v: { readonly startTime: string; readonly endTime: string; readonly clinicianId?: string | undefined },
  clientId: string,
  practiceId: string,
): Promise<string> {
  if (sessionMinutes(v.startTime, v.endTime) <= 0) {
    throw new AppError(ErrorCode.invalidInput, 'endTime: must be after startTime');
  }
  const primary = async () => (await store.listClientAssignments(clientId)).find((a) => a.role === 'primary')?.userId;
  const clinicianId =
    v.clinicianId ?? (actor.kind === 'user' && actor.roles.includes('clinician') ? actor.userId : await primary());
  if (!clinicianId) throw new AppError(ErrorCode.invalidInput, 'clinicianId: is required');
  const user = await store.findUserById(clinicianId);
  if (!user?.active || user.practiceId !== practiceId || !user.roles.includes('clinician')) {
    throw new AppError(ErrorCode.invalidInput, 'clinicianId: must be an active clinician of the practice');
  }
  return user.id;
}

/**
 * Records a session with the client (`POST /api/v1/clients/{clientId}/sessions`, DESIGN 2.9): date and start and
 * end times in the practice time zone, service type, modality, attendance, the clinician (default: the acting user)
 * and billing codes as free data. The note is opened separately. Write access; audited (`session.create`).
 *
 * @example
 * const session = await createSession(deps, clinician, { clientId, date: '2026-11-20', startTime: '14:00',
 *   endTime: '14:50', serviceType: 'individual', modality: 'video', attendance: 'attended' });
 * session.revision // 1
 */
export async function createSession(deps: Deps, actor: Actor, input: CreateSessionInput): Promise<SessionRecord> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'session.create');
  const v = parseInput(createSchema, input);
  const clinicianId = await sessionClinician(deps.store, actor, v, access.clientId, access.practiceId);
  const now = deps.clock.now().toISOString();
  const session: SessionRecord = {
    id: deps.ids.newId(),
    clientId: access.clientId,
    clinicianId,
    date: v.date,
    startTime: v.startTime,
    endTime: v.endTime,
    serviceType: v.serviceType,
    modality: v.modality,
    attendance: v.attendance,
    billingCodes: v.billingCodes,
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
  return deps.store.transaction(async (tx) => {
    await tx.insertSessionRecord(session, actor.kind === 'user' ? actor.userId : `cli:${actor.osUser}`);
    await tx.appendAudit([clientAuditEvent(actor, 'session.create', access.clientId, `session:${session.id}`)], now);
    return session;
  });
}
