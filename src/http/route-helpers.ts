import type { FastifyRequest } from 'fastify';
import type { Actor } from '../application/actor.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { RequestAuth } from './plugins/request-context.js';

/**
 * Small helpers shared by the route files.
 *
 * @example
 * const actor = actorOf(request);
 * const page = paginate(items, request.query.limit, request.query.cursor);
 */
export function authOf(request: FastifyRequest): RequestAuth {
  // The authenticate plugin guarantees a session on every route that is not public.
  if (!request.auth) throw new AppError(ErrorCode.unauthenticated, 'Sign in first.');
  return request.auth;
}

/** The acting user of a signed-in request. */
export function actorOf(request: FastifyRequest): Actor {
  return authOf(request).actor;
}

/** One page of an already ordered (newest first) list; the cursor is the offset of the next page. */
export function paginate<T>(
  items: readonly T[],
  limit: number,
  cursor: string | undefined,
): { items: T[]; nextCursor: string | null } {
  const start = cursor && /^\d+$/.test(cursor) ? Number(cursor) : 0;
  const page = items.slice(start, start + limit);
  const next = start + page.length;
  return { items: page, nextCursor: next < items.length ? String(next) : null };
}
