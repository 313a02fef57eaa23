import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { type Actor, actorLabel } from './actor.js';
import { findPracticeUser } from './find-practice-user.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { requireRole } from './require-role.js';

const inputSchema = z.object({
  fromUserId: z.string().min(1).max(100),
  toUserId: z.string().min(1, 'must not be empty').max(100, 'is too long'),
});

export type ReassignCaseloadInput = z.input<typeof inputSchema>;

/**
 * Hands a (typically departing, deactivated) clinician's caseload to another clinician
 * (`POST /api/v1/users/{id}/reassign-caseload`, administrators): every client whose primary clinician is `fromUserId`
 * gets `toUserId` as primary clinician instead, all in one transaction with one audit event naming the clients moved.
 * Additional assignments of the old clinician stay (an admin removes them per client). The new clinician must be
 * another active clinician of the practice (`conflict` otherwise); either user unknown is `not-found`.
 *
 * @example
 * const { moved } = await reassignCaseload(deps, admin, { fromUserId: leaver.id, toUserId: colleague.id });
 */
export async function reassignCaseload(
  deps: Deps,
  actor: Actor,
  input: ReassignCaseloadInput,
): Promise<{ readonly moved: number }> {
  requireRole(actor, ['admin'], 'Only an administrator can reassign a caseload.');
  const from = await findPracticeUser(deps.store, actor, input?.fromUserId);
  const v = parseInput(inputSchema, input);
  const to = await findPracticeUser(deps.store, actor, v.toUserId);
  if (to.id === from.id) throw new AppError(ErrorCode.conflict, 'Choose another clinician to take the caseload.');
  if (!to.active || !to.roles.includes('clinician') || to.practiceId !== from.practiceId) {
    throw new AppError(ErrorCode.conflict, 'The caseload can only go to an active clinician of the practice.');
  }
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now().toISOString();
    const clientIds = await tx.reassignPrimaryAssignments(from.id, to.id, now);
    await tx.appendAudit(
      [
        {
          actor: actorLabel(actor),
          action: 'user.caseload.reassign',
          resource: `user:${from.id}`,
          clientIds,
          outcome: 'success',
          origin: actor.kind === 'cli' ? 'cli' : null,
        },
      ],
      now,
    );
    return { moved: clientIds.length };
  });
}
