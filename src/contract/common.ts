import { z } from 'zod';

/**
 * Shapes shared by every resource of the HTTP API (DESIGN 3.3): opaque ids, the error body, pagination.
 *
 * @example
 * const params = IdParams; // { id: uuid }
 * const body: z.infer<typeof ErrorBody> = { error: { code: 'not-found', message: 'No such client.' } };
 */
export const Id = z.guid().describe('An opaque random id (never a name or a date of birth).');

export const IdParams = z.strictObject({ id: Id });

export const IssueView = z.looseObject({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
});

/** Every error: `{"error":{"code","message","issues?"}}`; `code` is from docs/errors.md. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(IssueView).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The error statuses every API route may answer (the body is always ErrorBody). */
export const ERROR_RESPONSES = {
  400: ErrorBody.describe('Invalid input (invalid-input).'),
  401: ErrorBody.describe('Not signed in, session expired, or second factor needed.'),
  403: ErrorBody.describe('Missing CSRF token, foreign origin, or a role the caller lacks.'),
  404: ErrorBody.describe('Not found, or outside the caller’s reach.'),
  409: ErrorBody.describe('Conflict with the current state (duplicate, stale revision …).'),
  429: ErrorBody.describe('Too many attempts; see Retry-After.'),
  503: ErrorBody.describe('The database is unavailable; see Retry-After.'),
} as const;

/** Query of a paginated list: at most `limit` items after the opaque `cursor` of the previous page. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** A page of a list, newest first; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** An empty answer (204). */
export const NoContent = z.null().describe('No content.');
