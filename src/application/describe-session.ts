import { authPolicyOf, type CurrentSession, type SignInDeps } from './auth-policy.js';
import type { SessionStage, User } from './ports.js';

export interface SessionDescription {
  readonly user: User;
  readonly stage: SessionStage;
  /** When the session ends if idle from now, and at the latest. */
  readonly idleExpiresAt: string;
  /** Minutes without a request after which the session ends (the web app warns a minute before). */
  readonly idleMinutes: number;
  readonly expiresAt: string;
  readonly practice: { readonly name: string; readonly timeZone: string; readonly mfaRequired: boolean } | null;
  /** Whether the account has an authenticator enrolled. */
  readonly totpEnrolled: boolean;
}

/**
 * Who is signed in (`GET /api/v1/me`), what the session still needs, when it ends, and the practice's
 * second-factor policy (the web app shows a notice when it is relaxed, as in the demo practice).
 *
 * @example
 * (await describeSession(deps, current)).stage // 'complete'
 */
export async function describeSession(deps: SignInDeps, current: CurrentSession): Promise<SessionDescription> {
  const { session, user } = current;
  const policy = authPolicyOf(deps);
  const practice = await deps.store.findPractice();
  const secrets = await deps.store.findUserSecrets(user.id);
  const at = deps.clock.now().toISOString();
  await deps.store.appendAudit(
    [
      {
        actor: `user:${user.id}`,
        action: 'auth.me',
        resource: `session:${session.id}`,
        clientIds: [],
        outcome: 'success',
        origin: null,
      },
    ],
    at,
  );
  return {
    user,
    stage: session.stage,
    idleExpiresAt: new Date(Date.parse(session.lastSeenAt) + policy.idleMinutes * 60_000).toISOString(),
    idleMinutes: policy.idleMinutes,
    expiresAt: session.expiresAt,
    practice: practice
      ? { name: practice.name, timeZone: practice.timeZone, mfaRequired: practice.settings.mfaRequired }
      : null,
    totpEnrolled: Boolean(secrets?.totp.confirmedAt),
  };
}
