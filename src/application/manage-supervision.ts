import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { parseInput } from './parse-input.js';
import type { Deps, Supervision } from './ports.js';
import { practiceIdOf, requireRole } from './require-role.js';
import { staffAuditEvent } from './staff-audit-event.js';

const pairSchema = z.object({
  supervisorId: z.string().min(1).max(100),
  clinicianId: z.string().min(1).max(100),
});

export type SupervisionInput = z.input<typeof pairSchema>;

/**
 * Supervision links (DESIGN 2.8: a supervisor reaches the clients of the clinicians they supervise), managed by
 * administrators: list (`GET /api/v1/supervision`, newest first), add (`POST`), remove (`DELETE`). Adding needs a
 * user with the supervisor role and one with the clinician role in the same practice; a user never supervises
 * themselves; an existing link is `duplicate`.
 *
 * @example
 * await addSupervision(deps, admin, { supervisorId, clinicianId });
 * (await listSupervision(deps, admin)).length // 1
 */
export async function listSupervision(deps: Deps, actor: Actor): Promise<readonly Supervision[]> {
  requireRole(actor, ['admin', 'auditor'], 'Only administrators and auditors can list supervision.');
  const practiceId = practiceIdOf(actor, await deps.store.findPractice());
  const links = practiceId ? await deps.store.listSupervision(practiceId) : [];
  await deps.store.appendAudit([staffAuditEvent(actor, 'supervision.list', null)], deps.clock.now().toISOString());
  return links;
}

/** Adds a supervision link (see listSupervision). */
export async function addSupervision(deps: Deps, actor: Actor, input: SupervisionInput): Promise<Supervision> {
  requireRole(actor, ['admin'], 'Only an administrator can change supervision.');
  const v = parseInput(pairSchema, input);
  const [supervisor, clinician] = await Promise.all([
    deps.store.findUserById(v.supervisorId),
    deps.store.findUserById(v.clinicianId),
  ]);
  const inPractice = (u: typeof supervisor) =>
    u !== null && (actor.kind === 'cli' || u.practiceId === actor.practiceId);
  if (!inPractice(supervisor) || !inPractice(clinician) || !supervisor || !clinician) {
    throw new AppError(ErrorCode.notFound, 'No such user.');
  }
  if (!supervisor.roles.includes('supervisor')) {
    throw new AppError(ErrorCode.invalidInput, 'supervisorId: the user does not have the supervisor role');
  }
  if (!clinician.roles.includes('clinician')) {
    throw new AppError(ErrorCode.invalidInput, 'clinicianId: the user does not have the clinician role');
  }
  if (supervisor.id === clinician.id) {
    throw new AppError(ErrorCode.invalidInput, 'clinicianId: a user cannot supervise themselves');
  }
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.addSupervision(supervisor.id, clinician.id, now);
    await tx.appendAudit(
      [staffAuditEvent(actor, 'supervision.create', `supervision:${supervisor.id}:${clinician.id}`)],
      now,
    );
  });
  return { supervisorId: supervisor.id, clinicianId: clinician.id, createdAt: now };
}

/** Removes a supervision link; `not-found` when there is none. */
export async function removeSupervision(deps: Deps, actor: Actor, input: SupervisionInput): Promise<void> {
  requireRole(actor, ['admin'], 'Only an administrator can change supervision.');
  const v = parseInput(pairSchema, input);
  const supervisor = await deps.store.findUserById(v.supervisorId);
  if (!supervisor || (actor.kind === 'user' && supervisor.practiceId !== actor.practiceId)) {
    throw new AppError(ErrorCode.notFound, 'No such supervision link.');
  }
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.removeSupervision(v.supervisorId, v.clinicianId))) {
      throw new AppError(ErrorCode.notFound, 'No such supervision link.');
    }
    await tx.appendAudit(
      [staffAuditEvent(actor, 'supervision.delete', `supervision:${v.supervisorId}:${v.clinicianId}`)],
      now,
    );
  });
}
