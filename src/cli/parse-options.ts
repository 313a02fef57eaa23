import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './cli-io.js';

/**
 * node:util parseArgs with strict checking, turning its errors into a one-line UsageError.
 *
 * @example
 * const { values } = parseOptions(['--port', '4000'], { port: { type: 'string' } });
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    const message =
      (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '') ?? 'bad arguments';
    throw new UsageError(message);
  }
}

/** Parses a whole number option; a UsageError naming the option otherwise. */
export function parseWholeNumber(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}
