import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { clientAuditEvent } from './client-audit-event.js';
import { parseInput } from './parse-input.js';
import type { BreakGlassGrant, Deps } from './ports.js';
import { requireRole } from './require-role.js';

/**
 * How long a break-glass grant lasts. A constant rather than a practice setting for now: practice settings are
 * stored as JSON without a defaults merge, so a new setting would need a data migration of existing practices plus
 * the settings contract and page; 60 minutes covers a crisis contact and its notes.
 *
 * @example
 * BREAK_GLASS_MINUTES // 60
 */
export const BREAK_GLASS_MINUTES = 60;

const inputSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  reason: z
    .string()
    .trim()
    .min(20, 'must be at least 20 characters: say why the access is needed')
    .max(1000, 'must be at most 1000 characters'),
});

export type RequestBreakGlassInput = z.input<typeof inputSchema>;

/**
 * Break-glass emergency access (DESIGN 2.8, reference/hipaa.md row 2): a clinician or supervisor opens a client of
 * the practice outside their reach, with a stated reason, for `BREAK_GLASS_MINUTES`. While the grant is active the
 * access check (`assertClientAccess`) lets them read and write the client, and every audit event of such a request
 * names the grant. Admins see unreviewed grants and review them (`listBreakGlassGrants`, `reviewBreakGlassGrant`).
 *
 * Checks in the API's order: `forbidden` without a clinical role → `not-found` for an unknown client (or one of
 * another practice) → `invalid-input` for a reason outside 20..1000 characters → `already-in-reach` when the caller
 * already reaches the client (assigned, supervising, or an active grant). The CLI operator reaches every client
 * already. The grant and its audit event (`break-glass.grant`) are written in one transaction.
 *
 * @example
 * const grant = await requestBreakGlass(deps, actor, { clientId, reason: 'Client called in crisis; primary clinician away.' });
 * grant.expiresAt // one hour from now
 */
export async function requestBreakGlass(
  deps: Deps,
  actor: Actor,
  input: RequestBreakGlassInput,
): Promise<BreakGlassGrant> {
  const user = await checkBreakGlassTarget(deps, actor, typeof input?.clientId === 'string' ? input.clientId : '');
  const v = parseInput(inputSchema, input);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.store.transaction(async (tx) => {
    // Asked again inside the transaction so two quick requests cannot both pass the in-reach check unseen.
    const current = await tx.findClientAccess(v.clientId, user.userId, at);
    if (!current) throw new AppError(ErrorCode.notFound, 'No such client.');
    const clinicalReach = current.assigned || (user.roles.includes('supervisor') && current.supervisesAssignee);
    if (clinicalReach || current.breakGlassGrantId !== null) {
      throw new AppError(ErrorCode.alreadyInReach, 'You already have access to this client.');
    }
    const grant: BreakGlassGrant = {
      id: deps.ids.newId(),
      practiceId: user.practiceId,
      userId: user.userId,
      clientId: current.clientId,
      reason: v.reason,
      createdAt: at,
      expiresAt: new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000).toISOString(),
      revokedAt: null,
      review: null,
    };
    await tx.insertBreakGlassGrant(grant);
    await tx.appendAudit(
      [
        {
          ...clientAuditEvent(user, 'break-glass.grant', grant.clientId, `break-glass:${grant.id}`),
          breakGlassGrantId: grant.id,
        },
      ],
      at,
    );
    return grant;
  });
}

/**
 * The first checks of a break-glass request, also run by the route before the body is judged (DESIGN 3.3: 404 before
 * 400): `forbidden` without a clinical role, `already-in-reach` for the CLI operator (who reaches every client), and
 * `not-found` for an unknown client or one of another practice. Returns the acting user.
 *
 * @example
 * const user = await checkBreakGlassTarget(deps, actor, clientId);
 */
export async function checkBreakGlassTarget(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  clientId: string,
): Promise<Actor & { readonly kind: 'user' }> {
  requireRole(actor, ['clinician', 'supervisor'], 'Only a clinician or supervisor can use emergency access.');
  if (actor.kind === 'cli') throw new AppError(ErrorCode.alreadyInReach, 'The CLI operator reaches every client.');
  const usable = clientId.length > 0 && clientId.length <= 100;
  const facts = usable
    ? await deps.store.findClientAccess(clientId, actor.userId, deps.clock.now().toISOString())
    : null;
  if (!facts || facts.practiceId !== actor.practiceId) throw new AppError(ErrorCode.notFound, 'No such client.');
  return actor;
}
