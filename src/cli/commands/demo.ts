import { loadDemo } from '../../application/load-demo.js';
import type { CliIo } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions, parseWholeNumber } from '../parse-options.js';

export const DEMO_HELP = `Usage: cairn demo [--clients N] [--weeks W] [--seed S]

Loads the demo practice (idempotent): demo accounts and the three cases of the SMART-goals guide with plans and
weeks of history ending today. --clients N adds N synthetic clients (up to 500 per synthetic clinician, whose
accounts are printed too) with W weeks of history (default 12), the same for the same --seed (default 1).
Prints the demo accounts on stdout, one per line: email password role.`;

/**
 * `cairn demo`.
 *
 * @example
 * await demoCommand(['--clients', '200', '--seed', '7'], io, ctx) // prints the accounts, exit 0
 */
export async function demoCommand(args: readonly string[], io: CliIo, ctx: CommandContext): Promise<number> {
  const { values } = parseOptions(args, {
    clients: { type: 'string' },
    weeks: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(DEMO_HELP);
    return 0;
  }
  const clients = values.clients === undefined ? 0 : parseWholeNumber('--clients', values.clients, 0, 100_000);
  const weeks = values.weeks === undefined ? 12 : parseWholeNumber('--weeks', values.weeks, 1, 520);
  const seed = values.seed === undefined ? 1 : parseWholeNumber('--seed', values.seed, 0, 2_147_483_647);
  const opened = await ctx.openDeps(ctx.loadConfig());
  const started = Date.now();
  try {
    const progress = (done: number, total: number) => {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} clients`);
      if (done === total) process.stderr.write('\n');
    };
    const result = await loadDemo(opened.deps, ctx.actor, {
      clients,
      weeks,
      seed,
      ...(io.isTty && process.stderr.isTTY ? { onProgress: progress } : {}),
    });
    for (const a of result.accounts) io.out(`${a.email} ${a.password} ${a.role}`);
    io.err(
      `These are demo credentials for a demo practice (second factor relaxed): never use them for real client data. Added ${result.clientsAdded} clients and ${result.administrationsAdded} administrations in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await opened.close();
  }
  return 0;
}
