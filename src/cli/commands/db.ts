import { type CliIo, UsageError } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';

export const DB_HELP = `Usage: cairn db migrate

Applies pending migrations to the configured database (CAIRN_DATABASE_URL, else the SQLite file in CAIRN_DATA_DIR)
and prints each one applied.`;

/**
 * `cairn db migrate`.
 *
 * @example
 * await dbCommand(['migrate'], io, ctx) // prints "applied 2026_11_26_2000_create_core_tables"
 */
export async function dbCommand(args: readonly string[], io: CliIo, ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help || positionals.length === 0) {
    io.out(DB_HELP);
    return values.help ? 0 : 2;
  }
  if (positionals[0] !== 'migrate' || positionals.length > 1) {
    throw new UsageError(`unknown db command: ${positionals.join(' ')} (expected: migrate)`);
  }
  const opened = await ctx.openDeps(ctx.loadConfig());
  try {
    for (const name of opened.applied) io.out(`applied ${name}`);
    if (opened.applied.length === 0) io.out(`up to date: ${opened.location}`);
  } finally {
    await opened.close();
  }
  return 0;
}
