import fs from 'node:fs';
import path from 'node:path';
import { actorLabel } from '../../application/actor.js';
import type { Config } from '../../config/load-config.js';
import { type CliIo, UsageError } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';
import { terminalProgress } from './backup.js';

export const RESTORE_HELP = `Usage: cairn restore FILE

Restores a backup made by \`cairn backup\` into an EMPTY target: the data directory (CAIRN_DATA_DIR, no database
yet) or the PostgreSQL database named by CAIRN_DATABASE_URL (no tables in its schema). It needs the key the backup
was made with (CAIRN_SECRET_KEY, or the original key file copied into the data directory). The whole file is
decrypted and verified, and the restored audit chain checked, before anything is put in place; a wrong key, a
damaged or truncated file, a backup from a newer Cairn, or a target that holds data is refused and nothing changes.`;

/** What a restore reports back (the storage summary, as the CLI sees it). */
export interface RestoreResult {
  readonly header: { readonly dialect: string; readonly createdAt: string };
  readonly auditEvents: number;
  readonly pendingMigrations: readonly string[];
}

/** Progress events while a restore runs (never client data). */
export type RestoreProgressEvent =
  | { readonly kind: 'verify' }
  | { readonly kind: 'table'; readonly table: string; readonly rows: number }
  | { readonly kind: 'audit' };

/** The storage capability main.ts (the composition root) hands this command. */
export interface RestoreTools {
  readonly restoreBackup: (
    config: Config,
    file: string,
    options: { readonly onProgress?: (p: RestoreProgressEvent) => void; readonly auditActor?: string },
  ) => Promise<RestoreResult>;
}

/**
 * `cairn restore FILE`.
 *
 * @example
 * await restoreCommand(['cairn-2026-11-26.cairnbak'], io, ctx, { restoreBackup }) // exit 0
 */
export async function restoreCommand(
  args: readonly string[],
  io: CliIo,
  ctx: CommandContext,
  tools: RestoreTools,
): Promise<number> {
  const { values, positionals } = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.out(RESTORE_HELP);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('expected one backup FILE');
  const file = path.resolve(positionals[0]);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no backup file ${positionals[0]}`);
  const config = ctx.loadConfig();
  const progress = terminalProgress(io, 'restore');
  const result = await tools.restoreBackup(config, file, {
    auditActor: actorLabel(ctx.actor),
    ...(progress
      ? {
          onProgress: (p: RestoreProgressEvent) =>
            progress(
              p.kind === 'table'
                ? `${p.table} ${p.rows} rows`
                : p.kind === 'verify'
                  ? 'verifying'
                  : 'checking the audit chain',
            ),
        }
      : {}),
  });
  if (progress) process.stderr.write('\n');
  const where = config.databaseUrl ? 'the PostgreSQL database' : config.dataDir;
  io.out(
    `restored the ${result.header.dialect} backup taken ${result.header.createdAt} into ${where}: audit chain ok (${result.auditEvents} events)`,
  );
  if (result.pendingMigrations.length > 0) {
    io.err(
      `note: this version of Cairn has ${result.pendingMigrations.length} newer migration(s); \`cairn db migrate\` applies them`,
    );
  }
  return 0;
}
