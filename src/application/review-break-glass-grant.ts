import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { clientAuditEvent } from './client-audit-event.js';
import { parseInput } from './parse-input.js';
import type { BreakGlassGrantEntry, Deps } from './ports.js';
import { requireRole } from './require-role.js';

const inputSchema = z.strictObject({
  grantId: z.string().min(1).max(100),
  note: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
});

export type ReviewBreakGlassGrantInput = z.input<typeof inputSchema>;

/**
 * An administrator's review of a break-glass grant (DESIGN 2.8: reviewed afterwards), with a note on what was found.
 * `not-found` for an unknown grant (or another practice's), `conflict` when it is already reviewed. A grant may be
 * reviewed while still active; the review does not end it. Audited (`break-glass.review`). Returns the reviewed
 * grant with the requesting user's name.
 *
 * @example
 * await reviewBreakGlassGrant(deps, admin, { grantId, note: 'Crisis call confirmed with the on-call log.' });
 */
export async function reviewBreakGlassGrant(
  deps: Deps,
  actor: Actor,
  input: ReviewBreakGlassGrantInput,
): Promise<BreakGlassGrantEntry> {
  requireRole(actor, ['admin'], 'Only an administrator can review emergency access.');
  // The reviewer is a staff account (reviewed_by refers to one); the CLI operator is not.
  if (actor.kind === 'cli') throw new AppError(ErrorCode.forbidden, 'Review emergency access as an administrator.');
  const grantId = typeof input?.grantId === 'string' && input.grantId.length <= 100 ? input.grantId : '';
  const found = grantId ? await deps.store.findBreakGlassGrant(grantId) : null;
  if (!found || (actor.kind === 'user' && found.practiceId !== actor.practiceId)) {
    throw new AppError(ErrorCode.notFound, 'No such emergency access grant.');
  }
  const v = parseInput(inputSchema, input);
  const at = deps.clock.now().toISOString();
  const review = { reviewedAt: at, reviewedBy: actor.userId, note: v.note };
  return deps.store.transaction(async (tx) => {
    if (!(await tx.recordBreakGlassReview(found.id, review))) {
      throw new AppError(ErrorCode.conflict, 'This emergency access was already reviewed.');
    }
    await tx.appendAudit(
      [clientAuditEvent(actor, 'break-glass.review', found.clientId, `break-glass:${found.id}`)],
      at,
    );
    const user = await tx.findUserById(found.userId);
    return { ...found, review, userName: user?.name ?? '' };
  });
}
