import type { Actor } from './actor.js';
import type { AuthDeps, AuthSession, AuthThrottle, Practice, User } from './ports.js';

/**
 * Sign-in rules (DESIGN 2.8, reference/hipaa.md rows 3 and 7): idle logout, absolute session lifetime, lockout after
 * consecutive failures, the number of one-time recovery codes.
 *
 * @example
 * DEFAULT_AUTH_POLICY.idleMinutes // 15
 */
export interface AuthPolicy {
  /** Minutes without a request after which the session ends (default 15). */
  readonly idleMinutes: number;
  /** Hours after sign-in after which the session ends whatever the activity (default 12). */
  readonly absoluteHours: number;
  /** Consecutive failures (per e-mail address, or per user for the second factor) before a lockout. */
  readonly maxFailures: number;
  /** Length of a lockout. */
  readonly lockoutMinutes: number;
  /** Recovery codes handed out at TOTP enrolment. */
  readonly recoveryCodes: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  idleMinutes: 15,
  absoluteHours: 12,
  maxFailures: 5,
  lockoutMinutes: 15,
  recoveryCodes: 10,
};

/** Deps of the sign-in use cases, with an optional policy (the default otherwise). */
export interface SignInDeps extends AuthDeps {
  readonly authPolicy?: AuthPolicy;
}

/** Someone not signed in yet (set-up, sign-in), known only by where the request came from. */
export interface AnonymousCaller {
  readonly kind: 'anonymous';
  /** Client address, for the audit trail; null when unknown. */
  readonly origin: string | null;
}

/** A signed-in session with its user (the result of resumeSession). */
export interface CurrentSession {
  readonly session: AuthSession;
  readonly user: User;
}

/** The actor of a session, as use cases take it. */
export function sessionActor(current: CurrentSession): Actor & { readonly kind: 'user' } {
  return {
    kind: 'user',
    userId: current.user.id,
    practiceId: current.user.practiceId,
    roles: current.user.roles,
  };
}

/** The policy in force for these deps. */
export function authPolicyOf(deps: SignInDeps): AuthPolicy {
  return deps.authPolicy ?? DEFAULT_AUTH_POLICY;
}

/**
 * Whether this user must use a second factor: always once enrolled; otherwise when the practice requires it, and for
 * administrators always (DESIGN 2.8: an admin may relax it for non-admin roles only).
 */
export function secondFactorNeeded(user: User, practice: Practice | null, enrolled: boolean): boolean {
  if (enrolled) return true;
  if (user.roles.includes('admin')) return true;
  return practice?.settings.mfaRequired ?? true;
}

/** Seconds until the lock lifts (at least 1), or null when not locked at `now`. */
export function lockedForSeconds(throttle: AuthThrottle | null, now: Date): number | null {
  if (!throttle?.lockedUntil) return null;
  const ms = Date.parse(throttle.lockedUntil) - now.getTime();
  return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : null;
}

/** The counter after one more failure: a lock that has run out starts the count again. */
export function nextThrottle(key: string, previous: AuthThrottle | null, now: Date, policy: AuthPolicy): AuthThrottle {
  const expired = previous?.lockedUntil != null && Date.parse(previous.lockedUntil) <= now.getTime();
  const failures = (expired || !previous ? 0 : previous.failures) + 1;
  const lockedUntil =
    failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString() : null;
  return { key, failures, lastFailureAt: now.toISOString(), lockedUntil };
}
