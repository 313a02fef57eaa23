import { actorLabel } from '../../application/actor.js';
import type { Config } from '../../config/load-config.js';
import { type CliIo, UsageError } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { parseOptions } from '../parse-options.js';

export const DB_HELP = `Usage: cairn db migrate | encrypt | rekey --new-key-stdin

  migrate   applies pending migrations to the configured database (CAIRN_DATABASE_URL, else the SQLite file in
            CAIRN_DATA_DIR) and prints each one applied.
  encrypt   with the server stopped, encrypts the existing unencrypted SQLite database under CAIRN_SECRET_KEY, and
            re-seals the TOTP secrets and the audit chain (until now keyed by the data directory's key file) under
            it. Written to a temp file and renamed over the original: never half-encrypted, no plaintext copy.
  rekey     with every server stopped, rotates the key from CAIRN_SECRET_KEY (the current key) to the first line of
            stdin (--new-key-stdin, at least 32 characters): re-encrypts the SQLite file and re-seals the TOTP
            secrets and the audit chain (PostgreSQL: the secrets and chain only). Then set CAIRN_SECRET_KEY to the
            new key. Backups taken before keep needing the old key.

See docs/decisions/0003-key-rotation.md.`;

/** What `db encrypt` reports (the storage summary, as the CLI sees it). */
export interface DbEncryptResult {
  readonly file: string;
  readonly tables: number;
  readonly secrets: number;
  readonly auditEvents: number;
  readonly migrationsApplied: readonly string[];
  readonly oldKeyFile: string | null;
}

/** What `db rekey` reports. */
export interface DbRekeyResult {
  readonly dialect: string;
  readonly location: string;
  readonly fileReencrypted: boolean;
  readonly secrets: number;
  readonly auditEvents: number;
}

/** The storage capabilities main.ts (the composition root) hands this command; loaded only when used. */
export interface DbKeyTools {
  readonly encryptDatabase: (config: Config, options: { readonly auditActor: string }) => Promise<DbEncryptResult>;
  readonly rekeyDatabase: (
    config: Config,
    newSecretKey: string,
    options: { readonly auditActor: string },
  ) => Promise<DbRekeyResult>;
}

async function encrypt(io: CliIo, ctx: CommandContext, tools: DbKeyTools): Promise<number> {
  const config = ctx.loadConfig();
  const r = await tools.encryptDatabase(config, { auditActor: actorLabel(ctx.actor) });
  for (const name of r.migrationsApplied) io.out(`applied ${name}`);
  io.out(`encrypted ${r.file} under CAIRN_SECRET_KEY (${r.tables} tables copied)`);
  io.out(`re-sealed ${r.secrets} TOTP secret(s); re-chained ${r.auditEvents} audit event(s); recorded db.encrypt`);
  io.err(
    'note: the old unencrypted file was replaced, but its bytes may survive in free disk blocks, snapshots and earlier copies; treat those as plaintext PHI',
  );
  if (r.oldKeyFile) {
    io.err(
      `note: ${r.oldKeyFile} is no longer used; it still opens backups taken before now: move it off this machine (or shred it once no such backup is kept)`,
    );
  }
  return 0;
}

async function rekey(io: CliIo, ctx: CommandContext, tools: DbKeyTools): Promise<number> {
  const config = ctx.loadConfig();
  const firstLine = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  if (firstLine === '') throw new UsageError('--new-key-stdin: no key on the first line of stdin');
  if (firstLine.length < 32) throw new UsageError('--new-key-stdin: the new key must be at least 32 characters');
  if (!config.secretKey) throw new UsageError('CAIRN_SECRET_KEY is required: set it to the current key');
  if (firstLine === config.secretKey)
    throw new UsageError('--new-key-stdin: the new key is the same as the current one');
  const r = await tools.rekeyDatabase(config, firstLine, { auditActor: actorLabel(ctx.actor) });
  io.out(
    r.fileReencrypted
      ? `re-encrypted ${r.location} under the new key`
      : `${r.location}: PostgreSQL data is not file-encrypted by Cairn; re-sealed the field-level secrets only`,
  );
  io.out(`re-sealed ${r.secrets} TOTP secret(s); re-chained ${r.auditEvents} audit event(s); recorded db.rekey`);
  io.err('note: set CAIRN_SECRET_KEY to the new key before starting the server; backups taken before need the old key');
  return 0;
}

/**
 * `cairn db migrate | encrypt | rekey --new-key-stdin`.
 *
 * @example
 * await dbCommand(['migrate'], io, ctx, tools) // prints "applied 2026_11_26_2000_create_core_tables"
 * await dbCommand(['rekey', '--new-key-stdin'], io, ctx, tools) // new key on stdin's first line
 */
export async function dbCommand(
  args: readonly string[],
  io: CliIo,
  ctx: CommandContext,
  tools: DbKeyTools,
): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: 'boolean', short: 'h' }, 'new-key-stdin': { type: 'boolean' } },
    true,
  );
  if (values.help || positionals.length === 0) {
    io.out(DB_HELP);
    return values.help ? 0 : 2;
  }
  const [sub, ...extra] = positionals;
  if (extra.length > 0 || (sub !== 'migrate' && sub !== 'encrypt' && sub !== 'rekey')) {
    throw new UsageError(`unknown db command: ${positionals.join(' ')} (expected: migrate, encrypt or rekey)`);
  }
  if (values['new-key-stdin'] && sub !== 'rekey') throw new UsageError('--new-key-stdin goes with db rekey only');
  if (sub === 'encrypt') return encrypt(io, ctx, tools);
  if (sub === 'rekey') {
    if (!values['new-key-stdin']) throw new UsageError('db rekey needs --new-key-stdin (the new key on stdin)');
    return rekey(io, ctx, tools);
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
