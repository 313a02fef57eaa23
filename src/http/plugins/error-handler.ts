import type { FastifyError, FastifyInstance } from 'fastify';
import { isAppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';

/**
 * The only map from error codes to HTTP statuses (STYLE.md §3 Errors). A test keeps it total over the catalog.
 *
 * @example
 * STATUS_BY_CODE['not-found'] // 404
 */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  duplicate: 409,
  'stale-revision': 409,
  conflict: 409,
  'database-unavailable': 503,
  'schema-too-new': 503,
  'pending-migrations': 503,
  'invalid-config': 500,
  'data-dir-unwritable': 500,
  'unknown-instrument': 404,
  'unscorable-response': 400,
  'second-factor-required': 401,
  'too-many-attempts': 429,
  'backup-unreadable': 400,
  'backup-from-newer-schema': 409,
  'restore-target-not-empty': 409,
  'plan-incomplete': 409,
  'already-in-reach': 409,
  'invalid-link': 400,
  'consent-required': 409,
  'link-unavailable': 404,
  'email-unavailable': 409,
  'note-incomplete': 409,
};

/**
 * Replies `{ error: { code, message, issues? } }` for every error. Anything that is not an AppError or a validation
 * error is a bug: logged with the request id (never the body), answered with a generic 500.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      const status = STATUS_BY_CODE[error.code] ?? 500;
      if (status === 503) reply.header('Retry-After', '5');
      if (status === 429) {
        const seconds = Number(error.details?.retryAfterSeconds);
        reply.header('Retry-After', String(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60));
      }
      return reply.status(status).send({
        error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
      });
    }
    if (error.validation) {
      return reply.status(400).send({
        error: {
          code: ErrorCode.invalidInput,
          message: error.message,
          issues: error.validation.map((v) => ({
            code: 'invalid-field',
            severity: 'error',
            message: `${v.instancePath || error.validationContext || 'body'} ${v.message ?? 'is invalid'}`,
          })),
        },
      });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: ErrorCode.invalidInput, message: error.message.split('\n')[0] ?? 'Bad request' } });
    }
    request.log.error({ err: { message: error.message, stack: error.stack }, reportable: true }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: ErrorCode.notFound, message: 'No such route.' } }),
  );
}
