import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { API_TOKEN_PREFIX, apiTokenHash } from './api-token-hash.js';
import type { CurrentSession } from './auth-policy.js';
import { parseInput } from './parse-input.js';
import type { ApiToken, AuthDeps } from './ports.js';

/** Default lifetime of an API token, in days (at most MAX_API_TOKEN_DAYS). */
export const DEFAULT_API_TOKEN_DAYS = 90;
export const MAX_API_TOKEN_DAYS = 365;

const inputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  expiresInDays: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_API_TOKEN_DAYS, `must be at most ${MAX_API_TOKEN_DAYS}`)
    .optional(),
});

export type CreateApiTokenInput = z.input<typeof inputSchema>;

export interface CreatedApiToken {
  /** The secret, shown once: `cairn_` and 43 base64url characters. Only its hash is stored. */
  readonly token: string;
  readonly apiToken: ApiToken;
}

/**
 * Creates a named bearer token for scripts (`POST /api/v1/tokens`). It acts as the signed-in user with that user's
 * roles as they are at each request, needs no CSRF header, has no idle timeout but expires (default 90 days, 1–365),
 * and is revocable. Only a complete session may create one: an API token cannot mint tokens, and where the second
 * factor is required the session must have passed it (`forbidden` / `second-factor-required` otherwise).
 *
 * @example
 * const { token } = await createApiToken(deps, current, { name: 'nightly import', expiresInDays: 30 });
 * // curl -H "Authorization: Bearer $token" …/api/v1/caseload
 */
export async function createApiToken(
  deps: AuthDeps,
  caller: CurrentSession,
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  if (caller.session.stage !== 'complete') {
    throw new AppError(ErrorCode.secondFactorRequired, 'Complete the second factor before creating an API token.');
  }
  const v = parseInput(inputSchema, input);
  const now = deps.clock.now();
  const token = `${API_TOKEN_PREFIX}${deps.tokens.newToken(32)}`;
  const apiToken: ApiToken = {
    id: deps.ids.newId(),
    userId: caller.user.id,
    name: v.name,
    tokenHash: apiTokenHash(deps, token),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (v.expiresInDays ?? DEFAULT_API_TOKEN_DAYS) * 86_400_000).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.insertApiToken(apiToken);
    await tx.appendAudit(
      [
        {
          actor: `user:${caller.user.id}`,
          action: 'token.create',
          resource: `api-token:${apiToken.id}`,
          clientIds: [],
          outcome: 'success',
          origin: null,
        },
      ],
      apiToken.createdAt,
    );
  });
  return { token, apiToken };
}
