import fs from 'node:fs';
import path from 'node:path';
import { actorLabel } from '../../application/actor.js';
import type { Config } from '../../config/load-config.js';
import { type CliIo, UsageError } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';

export const BACKUP_HELP = `Usage: cairn backup --out FILE

Takes a consistent backup of the configured database while the server may keep running (SQLite: VACUUM INTO under the
database's own key; PostgreSQL: one repeatable-read snapshot of every table) and writes it encrypted (AES-256-GCM
under a key stretched from CAIRN_SECRET_KEY, or from the data directory's key file) to FILE, mode 0600. FILE must not
exist. Restore with \`cairn restore FILE\`; keep the key apart from the backups (docs/backup-restore.md).`;

/** What a backup reports back (the storage summary, as the CLI sees it). */
export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly header: { readonly dialect: string; readonly migrations: readonly string[]; readonly createdAt: string };
}

/** Progress events while a backup runs (never client data). */
export type BackupProgressEvent =
  | { readonly kind: 'snapshot' }
  | { readonly kind: 'table'; readonly table: string; readonly rows: number }
  | { readonly kind: 'encrypt' };

/** The storage capability main.ts (the composition root) hands this command. */
export interface BackupTools {
  readonly createBackup: (
    config: Config,
    outFile: string,
    options: { readonly onProgress?: (p: BackupProgressEvent) => void; readonly auditActor?: string },
  ) => Promise<BackupResult>;
}

/**
 * Progress lines on a terminal (stderr, rewritten in place); nothing when output is not a terminal.
 *
 * @example
 * const progress = terminalProgress(io, 'backup'); progress?.('snapshot');
 */
export function terminalProgress(io: CliIo, label: string): ((text: string) => void) | undefined {
  if (!io.isTty || !process.stderr.isTTY) return undefined;
  return (text) => process.stderr.write(`\r\x1b[2K${label}: ${text}`);
}

/**
 * `cairn backup --out FILE`.
 *
 * @example
 * await backupCommand(['--out', 'cairn-2026-11-26.cairnbak'], io, ctx, { createBackup }) // exit 0
 */
export async function backupCommand(
  args: readonly string[],
  io: CliIo,
  ctx: CommandContext,
  tools: BackupTools,
): Promise<number> {
  const { values } = parseOptions(args, { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.out(BACKUP_HELP);
    return 0;
  }
  if (!values.out || values.out.trim() === '') throw new UsageError('--out FILE is required');
  const out = path.resolve(values.out);
  if (fs.existsSync(out)) throw new UsageError(`${values.out} already exists; choose a new file name`);
  if (!fs.existsSync(path.dirname(out))) throw new UsageError(`the directory of ${values.out} does not exist`);
  const config = ctx.loadConfig();
  const progress = terminalProgress(io, 'backup');
  const result = await tools.createBackup(config, out, {
    auditActor: actorLabel(ctx.actor),
    ...(progress
      ? {
          onProgress: (p: BackupProgressEvent) =>
            progress(
              p.kind === 'table' ? `${p.table} ${p.rows} rows` : p.kind === 'snapshot' ? 'snapshot' : 'encrypting',
            ),
        }
      : {}),
  });
  if (progress) process.stderr.write('\n');
  io.out(
    `backup written: ${result.file} (${result.bytes} bytes, ${result.header.dialect}, ${result.header.migrations.length} migrations, taken ${result.header.createdAt})`,
  );
  return 0;
}
