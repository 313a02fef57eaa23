import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import type { Deps } from './ports.js';
import { staffAuditEvent } from './staff-audit-event.js';

/**
 * Revokes one of the signed-in user's own API tokens (`DELETE /api/v1/tokens/{id}`): it is refused (401) from the
 * next request on. Another user's token, an unknown or an already revoked one is `not-found`.
 *
 * @example
 * await revokeApiToken(deps, actor, { tokenId });
 */
export async function revokeApiToken(
  deps: Deps,
  actor: Actor & { readonly kind: 'user' },
  input: { readonly tokenId: string },
): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const now = deps.clock.now().toISOString();
    if (!(await tx.revokeApiToken(actor.userId, input.tokenId, now))) {
      throw new AppError(ErrorCode.notFound, 'No such API token.');
    }
    await tx.appendAudit([staffAuditEvent(actor, 'token.revoke', `api-token:${input.tokenId}`)], now);
  });
}
