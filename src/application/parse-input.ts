import type { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';

/**
 * Parses a use case's input with its zod schema; on failure throws AppError('invalid-input') naming the first bad
 * field, with one issue per problem. Messages name fields, never echo values (they may be client data).
 *
 * @example
 * const v = parseInput(z.object({ name: z.string().min(1) }), { name: '' }); // throws 'name must not be empty'
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const field = first?.path.join('.') || 'input';
  throw new AppError(ErrorCode.invalidInput, `${field}: ${first?.message ?? 'is invalid'}`, {
    issues: parsed.error.issues.map((i) => ({
      code: 'invalid-field',
      severity: 'error' as const,
      message: `${i.path.join('.') || 'input'}: ${i.message}`,
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    })),
  });
}
