import type { ErrorCode } from './error-codes.js';
import type { Issue } from './issue.js';

/**
 * A refused operation. The only thing the application throws on purpose; anything else is a bug.
 * The message must never contain client data (names, dates of birth, answers, notes).
 *
 * @example
 * throw new AppError('not-found', 'No such client.');
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[] | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: readonly Issue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
    this.details = options.details;
  }
}

/** True when the value is an AppError (also across module copies). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError || (value instanceof Error && value.name === 'AppError' && 'code' in value);
}
