import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import { loadKeys } from '../load-keys.js';
import {
  type DatabaseSettings,
  openPostgres,
  openSqlite,
  SQLITE_FILE_NAME,
  type SqlDialect,
} from '../open-database.js';
import { resealKeyedData } from './reseal-keyed-data.js';
import { rewriteSqliteFile } from './rewrite-sqlite-file.js';

export interface RekeyDatabaseOptions {
  /** Recorded as the actor of the `db.rekey` audit event, e.g. 'cli:ana'. */
  readonly auditActor: string;
  readonly now?: () => Date;
  /** Replaces the file (tests make it fail); default fs.renameSync. */
  readonly rename?: (from: string, to: string) => void;
}

/** What `cairn db rekey` did. */
export interface RekeyDatabaseSummary {
  readonly dialect: SqlDialect;
  /** File path or host:port/database. */
  readonly location: string;
  /** True when the SQLite file itself was re-encrypted (false on PostgreSQL). */
  readonly fileReencrypted: boolean;
  readonly secrets: number;
  readonly auditEvents: number;
}

/** The same rule as CAIRN_SECRET_KEY in load-config.ts. */
const MIN_SECRET_LENGTH = 32;

/**
 * Rotates the secret key from CAIRN_SECRET_KEY (`settings.secretKey`) to `newSecretKey`, with every server stopped:
 * on SQLite the file is re-encrypted into a temp copy and renamed over the original; on both dialects the TOTP seeds
 * are re-sealed and the audit chain re-chained under the new keys, with a `db.rekey` event, in one transaction
 * (docs/decisions/0003-key-rotation.md). Backups taken before keep needing the old key.
 *
 * @example
 * await rekeyDatabase(config, newKeyFromStdin, { auditActor: 'cli:ana' }); // then set CAIRN_SECRET_KEY to the new key
 */
export async function rekeyDatabase(
  settings: DatabaseSettings,
  newSecretKey: string,
  options: RekeyDatabaseOptions,
): Promise<RekeyDatabaseSummary> {
  const current = settings.secretKey;
  if (!current) {
    throw new AppError(ErrorCode.invalidConfig, 'CAIRN_SECRET_KEY is required: set it to the current key');
  }
  if (newSecretKey.length < MIN_SECRET_LENGTH) {
    throw new AppError(ErrorCode.invalidInput, `the new key must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (newSecretKey === current)
    throw new AppError(ErrorCode.invalidInput, 'the new key is the same as the current one');
  const from = loadKeys({ dataDir: settings.dataDir, secretKey: current });
  const to = loadKeys({ dataDir: settings.dataDir, secretKey: newSecretKey });
  const event = { actor: options.auditActor, action: 'db.rekey', at: (options.now?.() ?? new Date()).toISOString() };

  if (settings.databaseUrl) {
    const database = await openPostgres(settings.databaseUrl, { max: 1 });
    try {
      const report = await database.db
        .transaction()
        .execute((trx) => resealKeyedData(trx, 'postgres', from, to, event));
      return { dialect: 'postgres', location: database.location, fileReencrypted: false, ...report };
    } finally {
      await database.close();
    }
  }

  const file = path.join(settings.dataDir, SQLITE_FILE_NAME);
  if (!fs.existsSync(file)) throw new AppError(ErrorCode.invalidInput, `no database to rekey at ${file}`);
  const result = await rewriteSqliteFile({
    file,
    currentSecret: current,
    newSecret: newSecretKey,
    from,
    to,
    event: { ...event, action: 'db.rekey' },
    ...(options.rename ? { rename: options.rename } : {}),
  });
  if (result === 'not-readable') {
    // openSqlite words both cases (a plain file: run `cairn db encrypt`; else: wrong key).
    const probe = openSqlite(file, current, { readonly: true });
    await probe.close();
    throw new AppError(ErrorCode.invalidConfig, `CAIRN_SECRET_KEY does not open the database ${file} (wrong key?)`);
  }
  return {
    dialect: 'sqlite',
    location: file,
    fileReencrypted: true,
    secrets: result.secrets,
    auditEvents: result.auditEvents,
  };
}
