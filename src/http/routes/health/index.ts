import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/shared/app-error.js';
import { ErrorCode } from '../../../domain/shared/error-codes.js';

/**
 * `/healthz` answers while the process runs and never touches the database; `/readyz` checks that the database answers
 * (503 with Retry-After when it does not).
 *
 * @example
 * GET /healthz → 200 {"status":"ok"}
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  deps: { readonly checkDatabase: () => Promise<void> },
): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    try {
      await deps.checkDatabase();
    } catch (error) {
      throw new AppError(ErrorCode.databaseUnavailable, 'The database is unavailable.', { cause: error });
    }
    return { status: 'ready' };
  });
}
