import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { ClientAssignment, Deps } from './ports.js';

const assignSchema = z.object({
  clientId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  role: z.enum(['primary', 'additional']),
});

export type AssignClinicianInput = z.input<typeof assignSchema>;

/**
 * Checks that the actor may manage the client's assignments: anyone with write access to the client, or an
 * administrator (staff lifecycle: reassigning a departing clinician's caseload), who learns only that the client
 * exists in the practice.
 *
 * @example
 * await assertMayAssign(deps, admin, clientId, 'assignment.create');
 */
export async function assertMayAssign(deps: Deps, actor: Actor, clientId: string, action: string): Promise<void> {
  if (actor.kind === 'user' && actor.roles.includes('admin')) {
    const client = clientId.length <= 100 ? await deps.store.findClientById(clientId) : null;
    if (client && client.practiceId === actor.practiceId) return;
  }
  await assertClientAccess(deps, actor, clientId, 'write', action);
}

/**
 * Assigns a clinician to a client (`POST /api/v1/clients/{clientId}/assignments`): `additional`, or `primary`, which
 * moves the primary role from the current primary clinician (who stays assigned as additional).
 *
 * @example
 * await assignClinician(deps, admin, { clientId, userId: newClinicianId, role: 'primary' });
 */
export async function assignClinician(
  deps: Deps,
  actor: Actor,
  input: AssignClinicianInput,
): Promise<ClientAssignment> {
  await assertMayAssign(deps, actor, clientIdOf(input), 'assignment.create');
  const v = parseInput(assignSchema, input);
  const user = await deps.store.findUserById(v.userId);
  const client = await deps.store.findClientById(v.clientId);
  if (!client) throw new AppError(ErrorCode.notFound, 'No such client.');
  if (!user || user.practiceId !== client.practiceId || !user.active) {
    throw new AppError(ErrorCode.invalidInput, 'userId: no such active user');
  }
  if (!user.roles.includes('clinician') && !user.roles.includes('supervisor')) {
    throw new AppError(ErrorCode.invalidInput, 'userId: the user is not a clinician');
  }
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    const current = await tx.listClientAssignments(client.id);
    const existing = current.find((a) => a.userId === user.id);
    if (existing && (existing.role === v.role || v.role === 'additional')) {
      throw new AppError(ErrorCode.duplicate, 'The user is already assigned to this client.');
    }
    if (v.role === 'primary') {
      const previous = current.find((a) => a.role === 'primary');
      if (previous) {
        await tx.removeClientAssignment(client.id, previous.userId);
        await tx.assignClient(client.id, previous.userId, 'additional', previous.createdAt);
      }
      if (existing) await tx.removeClientAssignment(client.id, user.id);
    }
    await tx.assignClient(client.id, user.id, v.role, now);
    await tx.appendAudit(
      [clientAuditEvent(actor, 'assignment.create', client.id, `assignment:${client.id}:${user.id}`)],
      now,
    );
  });
  return { clientId: client.id, userId: user.id, role: v.role, createdAt: now };
}

/**
 * The client's assignments, newest first (`GET /api/v1/clients/{clientId}/assignments`).
 *
 * @example
 * const assignments = await listAssignments(deps, clinician, { clientId });
 */
export async function listAssignments(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string },
): Promise<readonly ClientAssignment[]> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'assignment.list');
  const assignments = await deps.store.listClientAssignments(input.clientId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'assignment.list', input.clientId, `client:${input.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return assignments;
}

/**
 * Removes an additional clinician (`DELETE /api/v1/clients/{clientId}/assignments/{userId}`); the primary clinician
 * is replaced, never removed (`conflict`).
 *
 * @example
 * await unassignClinician(deps, admin, { clientId, userId });
 */
export async function unassignClinician(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string; readonly userId: string },
): Promise<void> {
  await assertMayAssign(deps, actor, clientIdOf(input), 'assignment.delete');
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    const current = await tx.listClientAssignments(input.clientId);
    const existing = current.find((a) => a.userId === input.userId);
    if (!existing) throw new AppError(ErrorCode.notFound, 'No such assignment.');
    if (existing.role === 'primary') {
      throw new AppError(ErrorCode.conflict, 'Assign another primary clinician instead of removing this one.');
    }
    await tx.removeClientAssignment(input.clientId, input.userId);
    await tx.appendAudit(
      [clientAuditEvent(actor, 'assignment.delete', input.clientId, `assignment:${input.clientId}:${input.userId}`)],
      now,
    );
  });
}
