import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import { KEY_FILE_NAME, loadKeys } from '../load-keys.js';
import { type DatabaseSettings, openSqlite, SQLITE_FILE_NAME } from '../open-database.js';
import { rewriteSqliteFile } from './rewrite-sqlite-file.js';

export interface EncryptDatabaseOptions {
  /** Recorded as the actor of the `db.encrypt` audit event, e.g. 'cli:ana'. */
  readonly auditActor: string;
  readonly now?: () => Date;
  /** Replaces the file (tests make it fail); default fs.renameSync. */
  readonly rename?: (from: string, to: string) => void;
}

/** What `cairn db encrypt` did. */
export interface EncryptDatabaseSummary {
  readonly file: string;
  readonly tables: number;
  readonly secrets: number;
  readonly auditEvents: number;
  readonly migrationsApplied: readonly string[];
  /** The generated key file the database's secrets were sealed under until now; null when there was none. */
  readonly oldKeyFile: string | null;
}

/** PostgreSQL is never encrypted by Cairn: the message says where that is done instead. */
export const POSTGRES_ENCRYPTION_MESSAGE =
  'the configured database is PostgreSQL, which Cairn does not encrypt itself: encryption at rest is the database ' +
  "server's (disk or volume encryption) and in transit is TLS (sslmode=verify-full); see README, Encryption";

/**
 * Encrypts the existing, unencrypted embedded database under CAIRN_SECRET_KEY, with the server stopped. Until now the
 * TOTP seeds and the audit chain were keyed by the generated key file in the data directory; they are re-sealed and
 * re-chained under keys stretched from the new secret in the same rewrite (docs/decisions/0003-key-rotation.md). The
 * file is replaced atomically: a failure leaves the original as it was. No plaintext copy is written.
 *
 * @example
 * const summary = await encryptDatabase({ dataDir: './data', databaseUrl: null, secretKey: process.env.CAIRN_SECRET_KEY ?? null }, { auditActor: 'cli:ana' });
 */
export async function encryptDatabase(
  settings: DatabaseSettings,
  options: EncryptDatabaseOptions,
): Promise<EncryptDatabaseSummary> {
  if (settings.databaseUrl) throw new AppError(ErrorCode.invalidInput, POSTGRES_ENCRYPTION_MESSAGE);
  const secret = settings.secretKey;
  if (!secret) {
    throw new AppError(
      ErrorCode.invalidConfig,
      'CAIRN_SECRET_KEY is required: set it to the key to encrypt with (at least 32 characters)',
    );
  }
  const file = path.join(settings.dataDir, SQLITE_FILE_NAME);
  if (!fs.existsSync(file)) throw new AppError(ErrorCode.invalidInput, `no database to encrypt at ${file}`);
  const keyFile = path.join(settings.dataDir, KEY_FILE_NAME);
  let fileSecret: string | null = null;
  try {
    fileSecret = fs.readFileSync(keyFile, 'utf8').trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const to = loadKeys({ dataDir: settings.dataDir, secretKey: secret });
  // Without a key file nothing can have been sealed before; an audit chain that then fails to verify is refused.
  const from = fileSecret ? loadKeys({ dataDir: settings.dataDir, secretKey: fileSecret }) : to;
  const result = await rewriteSqliteFile({
    file,
    currentSecret: null,
    newSecret: secret,
    from,
    to,
    event: { actor: options.auditActor, action: 'db.encrypt', at: (options.now?.() ?? new Date()).toISOString() },
    ...(options.rename ? { rename: options.rename } : {}),
  });
  if (result === 'not-readable') {
    let withKey = false;
    try {
      await openSqlite(file, secret, { readonly: true }).close();
      withKey = true;
    } catch {
      withKey = false;
    }
    throw new AppError(
      ErrorCode.conflict,
      withKey
        ? `the database ${file} is already encrypted; nothing was changed`
        : `the database ${file} is already encrypted under another key, or damaged; nothing was changed`,
    );
  }
  return { file, ...result, oldKeyFile: fileSecret ? keyFile : null };
}
