import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { MIN_PASSWORD_LENGTH } from './add-user.js';
import type { AnonymousCaller, SignInDeps } from './auth-policy.js';
import { passwordLinkTokenHash } from './issue-password-link.js';
import { parseInput } from './parse-input.js';

const inputSchema = z.object({
  token: z.string().min(1, 'must not be empty').max(200, 'is too long'),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, 'must be at most 1024 characters'),
});

export type SetPasswordInput = z.input<typeof inputSchema>;

const INVALID_LINK = 'This link is not valid any more (used, expired or replaced); ask an administrator for a new one.';

/**
 * Sets a password through a one-time set-password link (`POST /api/v1/auth/set-password`, anonymous). The link must
 * be unused, unexpired, the user's newest, and its account active; otherwise `invalid-link` (400) — the same answer
 * whatever the reason — and nothing changes. On success, in one transaction: the link is used up, the argon2id hash
 * stored, any session of the user ended, and one `auth.password.set` audit event written. The user then signs in as
 * usual (and enrols TOTP when the policy says so).
 *
 * @example
 * await setPassword(deps, { kind: 'anonymous', origin: '127.0.0.1' }, { token, password: 'correct horse battery' });
 */
export async function setPassword(deps: SignInDeps, caller: AnonymousCaller, input: SetPasswordInput): Promise<void> {
  const v = parseInput(inputSchema, input);
  const now = deps.clock.now();
  const link = await deps.store.findPasswordLinkByTokenHash(passwordLinkTokenHash(deps, v.token));
  const user = link ? await deps.store.findUserById(link.userId) : null;
  if (!link || !user?.active || link.usedAt !== null || now.getTime() >= Date.parse(link.expiresAt)) {
    throw new AppError(ErrorCode.invalidLink, INVALID_LINK);
  }
  const passwordHash = await deps.passwords.hash(v.password);
  const at = now.toISOString();
  await deps.store.transaction(async (tx) => {
    // Only one request can use the link: the conditional update is the race's referee.
    if (!(await tx.consumePasswordLink(link.id, at))) throw new AppError(ErrorCode.invalidLink, INVALID_LINK);
    await tx.setUserPasswordHash(user.id, passwordHash, at);
    await tx.deleteUserSessions(user.id);
    await tx.appendAudit(
      [
        {
          actor: `user:${user.id}`,
          action: 'auth.password.set',
          resource: `user:${user.id}`,
          clientIds: [],
          outcome: 'success',
          origin: caller.origin,
        },
      ],
      at,
    );
  });
}
