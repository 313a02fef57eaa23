import { type CliIo, UsageError } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';

export const AUDIT_HELP = `Usage: cairn audit verify

Recomputes the audit trail's keyed hash chain. Exit 0 when every event verifies, 1 when the chain is broken
(it prints the first event that fails).`;

/**
 * `cairn audit verify`.
 *
 * @example
 * await auditCommand(['verify'], io, ctx) // "audit chain ok: 42 events", exit 0
 */
export async function auditCommand(args: readonly string[], io: CliIo, ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.out(AUDIT_HELP);
    return 0;
  }
  if (positionals[0] !== 'verify' || positionals.length > 1) {
    throw new UsageError(`unknown audit command: ${positionals.join(' ') || '(none)'} (expected: verify)`);
  }
  const opened = await ctx.openDeps(ctx.loadConfig());
  try {
    const report = await opened.deps.store.verifyAudit();
    if (report.ok) {
      io.out(`audit chain ok: ${report.events} events`);
      return 0;
    }
    io.out(`audit chain BROKEN at event ${report.brokenAt} (${report.events} events verified before it)`);
    return 1;
  } finally {
    await opened.close();
  }
}
