import type { CurrentSession, SignInDeps } from './auth-policy.js';

/**
 * Ends every session of the signed-in user, this one included (`POST /api/v1/auth/logout-everywhere`), e.g. after
 * signing in on a shared computer. API tokens are not touched: they are listed and revoked one by one.
 *
 * @example
 * await signOutEverywhere(deps, current);
 */
export async function signOutEverywhere(deps: SignInDeps, current: CurrentSession): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.deleteUserSessions(current.user.id);
    await tx.appendAudit(
      [
        {
          actor: `user:${current.user.id}`,
          action: 'auth.logout-everywhere',
          resource: `user:${current.user.id}`,
          clientIds: [],
          outcome: 'success',
          origin: null,
        },
      ],
      at,
    );
  });
}
