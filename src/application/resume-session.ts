import { authPolicyOf, type CurrentSession, type SignInDeps } from './auth-policy.js';
import { sessionTokenHash } from './sign-in.js';

/** What a session token is worth at this moment. */
export type ResumedSession =
  | ({ readonly kind: 'active' } & CurrentSession)
  /** No such session (never issued, signed out, or revoked). */
  | { readonly kind: 'unknown' }
  /** The session ran past its idle timeout or its absolute lifetime, or its user was deactivated; now deleted. */
  | { readonly kind: 'expired' };

/**
 * Activity is written back at most this often (a quarter of the idle timeout, at most a minute), so a burst of
 * requests costs one write and a session in use never idles out: the lag is always well inside the timeout.
 */
const TOUCH_EVERY_MAX_MS = 60_000;

/**
 * Authenticates a request's session token (the HTTP layer's cookie): finds the session by the token's hash, ends it
 * when idle for `idleMinutes` or older than its absolute lifetime (hipaa.md row 3), and records activity. This is
 * the authentication step itself, so there is no actor yet; the HTTP audit hook records the request's event.
 *
 * @example
 * const r = await resumeSession(deps, cookieToken);
 * if (r.kind === 'active') r.user.id;
 */
export async function resumeSession(deps: SignInDeps, token: string): Promise<ResumedSession> {
  if (token.length === 0 || token.length > 200) return { kind: 'unknown' };
  const session = await deps.store.findSessionByTokenHash(sessionTokenHash(deps, token));
  if (!session) return { kind: 'unknown' };
  const policy = authPolicyOf(deps);
  const now = deps.clock.now();
  const idleFor = now.getTime() - Date.parse(session.lastSeenAt);
  const expired = now.getTime() >= Date.parse(session.expiresAt) || idleFor >= policy.idleMinutes * 60_000;
  const user = expired ? null : await deps.store.findUserById(session.userId);
  if (!user?.active) {
    await deps.store.deleteSession(session.id);
    return { kind: 'expired' };
  }
  if (idleFor >= Math.min(TOUCH_EVERY_MAX_MS, (policy.idleMinutes * 60_000) / 4)) {
    const touched = { ...session, lastSeenAt: now.toISOString() };
    await deps.store.updateSession(touched);
    return { kind: 'active', session: touched, user };
  }
  return { kind: 'active', session, user };
}
