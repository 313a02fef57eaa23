import type { CurrentSession, SignInDeps } from './auth-policy.js';

/**
 * Ends the session (`POST /api/v1/auth/logout`): the session row is deleted, so its token is worthless at once.
 *
 * @example
 * await signOut(deps, current);
 */
export async function signOut(deps: SignInDeps, current: CurrentSession): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.deleteSession(current.session.id);
    await tx.appendAudit(
      [
        {
          actor: `user:${current.user.id}`,
          action: 'auth.logout',
          resource: `session:${current.session.id}`,
          clientIds: [],
          outcome: 'success',
          origin: null,
        },
      ],
      at,
    );
  });
}
