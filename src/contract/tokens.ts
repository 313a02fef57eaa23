import { z } from 'zod';
import { Id } from './common.js';

/**
 * API tokens for scripts: `Authorization: Bearer cairn_…` acts as the user who created the token, with that user's
 * current roles; no CSRF header, no idle timeout; it expires and can be revoked. The secret is shown once.
 *
 * @example
 * const body: z.infer<typeof CreateTokenRequest> = { name: 'nightly import', expiresInDays: 30 };
 */
export const CreateTokenRequest = z.strictObject({
  name: z.string().max(100).describe('What the token is for, e.g. the script using it.'),
  expiresInDays: z.number().int().min(1).max(365).optional().describe('Lifetime in days (default 90).'),
});

/** A token as listed (no secret: only its hash is stored). */
export const TokenView = z
  .object({
    id: Id,
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

/** `POST /api/v1/tokens` → 201: the token with its secret, shown this once. */
export const CreatedTokenView = z
  .object({
    id: Id,
    name: z.string(),
    token: z.string().describe('The bearer token (`cairn_…`), shown once.'),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'CreatedApiToken' });
