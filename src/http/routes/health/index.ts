import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/shared/app-error.js';
import { ErrorCode } from '../../../domain/shared/error-codes.js';

/** The state of the scheduled backups as /readyz shows it (times only; never client data). */
export interface BackupStatusView {
  /** When the last successful scheduled backup was taken (ISO), or null. */
  readonly lastSuccessAt: string | null;
  /** When the last failed run ended (ISO), or null. */
  readonly lastFailureAt: string | null;
  /** Failed runs since the last success. */
  readonly consecutiveFailures: number;
  /** When the next run is due (ISO), or null. */
  readonly nextRunAt: string | null;
}

/**
 * `/healthz` answers while the process runs and never touches the database; `/readyz` checks that the database answers
 * (503 with Retry-After when it does not) and, when scheduled backups are on, says how they are doing. A failed
 * backup does not make the server unready: it still serves, and the next run retries.
 *
 * @example
 * GET /healthz → 200 {"status":"ok"}
 * GET /readyz → 200 {"status":"ready","backup":{"lastSuccessAt":"2026-11-26T03:00:00.000Z","lastFailureAt":null,"consecutiveFailures":0,"nextRunAt":"2026-11-27T03:00:00.000Z"}}
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  deps: { readonly checkDatabase: () => Promise<void>; readonly backupStatus?: () => BackupStatusView },
): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    try {
      await deps.checkDatabase();
    } catch (error) {
      throw new AppError(ErrorCode.databaseUnavailable, 'The database is unavailable.', { cause: error });
    }
    return deps.backupStatus ? { status: 'ready', backup: deps.backupStatus() } : { status: 'ready' };
  });
}
