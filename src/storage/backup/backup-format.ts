import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import type { SqlDialect } from '../open-database.js';

/**
 * A Cairn backup file:
 *
 *   magic "CAIRNBAK" (8 bytes) | header length (uint32 BE) | header (UTF-8 JSON) | IV (12 bytes) |
 *   payload encrypted with AES-256-GCM | tag (16 bytes)
 *
 * Everything before the ciphertext (magic, length, header, IV) is the GCM additional authenticated data, so the
 * header cannot be edited or swapped onto another payload. The payload is one GCM message, streamed through the
 * cipher (memory stays flat however large the database). Readers never act on plaintext before the tag verifies:
 * they decrypt into a private temporary file and use it only after `final()` succeeds, so a chunked format (one tag
 * per chunk) would buy nothing here but code. GCM's limit for one message (~64 GiB) is far above a practice's data.
 */
export const BACKUP_MAGIC = Buffer.from('CAIRNBAK', 'ascii');

/** Version of the file layout above; a reader refuses any other. */
export const BACKUP_FORMAT_VERSION = 1;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 1024 * 1024;

/** What the payload is: the SQLite database file as VACUUM INTO wrote it, or PostgreSQL rows as JSON lines. */
export const BackupPayload = { sqliteFile: 'sqlite-file', jsonLines: 'json-lines' } as const;
export type BackupPayload = (typeof BackupPayload)[keyof typeof BackupPayload];

/** The readable, authenticated header of a backup file. */
export interface BackupHeader {
  readonly formatVersion: number;
  readonly dialect: SqlDialect;
  readonly payload: BackupPayload;
  /** Names of the migrations applied to the database the backup was taken from, in order. */
  readonly migrations: readonly string[];
  /** ISO timestamp of the snapshot. */
  readonly createdAt: string;
  /** SQLite only: the database file inside is itself encrypted (CAIRN_SECRET_KEY was set). */
  readonly databaseEncrypted: boolean;
}

/**
 * Flushes a directory entry (after a rename) so the new name survives a power loss; a no-op where directories
 * cannot be opened.
 *
 * @example
 * fs.renameSync(temp, file); syncDirectory(path.dirname(file));
 */
export function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported on this platform or file system: the rename itself is still atomic.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function unreadable(): AppError {
  return new AppError(ErrorCode.backupUnreadable, 'the backup cannot be read: wrong key or damaged file');
}

function encodePrefix(header: BackupHeader, iv: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json, iv]);
}

function isHeader(value: unknown): value is BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    typeof h.formatVersion === 'number' &&
    (h.dialect === 'sqlite' || h.dialect === 'postgres') &&
    (h.payload === 'sqlite-file' || h.payload === 'json-lines') &&
    Array.isArray(h.migrations) &&
    h.migrations.every((m) => typeof m === 'string') &&
    typeof h.createdAt === 'string' &&
    typeof h.databaseEncrypted === 'boolean'
  );
}

/**
 * Encrypts a plaintext stream (a file's read stream, or an async iterable of chunks) into a backup file, written with
 * mode 0600 to a temporary name beside `outFile`, synced, then renamed into place: `outFile` is either absent (or its
 * old self) or a complete backup. Returns the size written.
 *
 * @example
 * await encryptBackup(fs.createReadStream('/data/.snap.db'), '/backups/cairn.cairnbak', header, keys.backupKey);
 */
export async function encryptBackup(
  source: NodeJS.ReadableStream | AsyncIterable<Buffer | string>,
  outFile: string,
  header: BackupHeader,
  key: Buffer,
): Promise<number> {
  const iv = randomBytes(IV_BYTES);
  const prefix = encodePrefix(header, iv);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(prefix);
  const temp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const out = fs.createWriteStream(temp, { mode: 0o600, flags: 'wx' });
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer | string>) {
        yield prefix;
        for await (const chunk of chunks) yield cipher.update(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        yield cipher.final();
        yield cipher.getAuthTag();
      },
      out,
    );
    const fd = fs.openSync(temp, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, outFile);
    syncDirectory(path.dirname(outFile));
    return fs.statSync(outFile).size;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Reads and parses the header of a backup file without decrypting (unauthenticated until `decryptBackupFile`).
 * Not a backup, an unknown format version or a cut-off header → AppError('backup-unreadable').
 *
 * @example
 * (await readBackupHeader('cairn.cairnbak')).header.dialect // 'sqlite'
 */
export function readBackupHeader(file: string): { readonly header: BackupHeader; readonly prefixBytes: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError(ErrorCode.invalidInput, `cannot open the backup file ${file} (${code})`);
  }
  try {
    const fixed = Buffer.alloc(BACKUP_MAGIC.length + 4);
    if (fs.readSync(fd, fixed, 0, fixed.length, 0) !== fixed.length) throw unreadable();
    if (!fixed.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
      throw new AppError(ErrorCode.backupUnreadable, 'the file is not a Cairn backup');
    }
    const length = fixed.readUInt32BE(BACKUP_MAGIC.length);
    if (length > MAX_HEADER_BYTES) throw unreadable();
    const json = Buffer.alloc(length);
    if (fs.readSync(fd, json, 0, length, fixed.length) !== length) throw unreadable();
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw unreadable();
    }
    if (!isHeader(parsed)) throw unreadable();
    if (parsed.formatVersion !== BACKUP_FORMAT_VERSION) {
      throw new AppError(
        ErrorCode.backupUnreadable,
        `the backup has format version ${parsed.formatVersion}; this version of Cairn reads version ${BACKUP_FORMAT_VERSION}`,
      );
    }
    return { header: parsed, prefixBytes: fixed.length + length };
  } finally {
    fs.closeSync(fd);
  }
}

function isAuthFailure(error: unknown): boolean {
  return error instanceof Error && /authenticate/i.test(error.message);
}

/**
 * Decrypts a backup, yielding plaintext chunks; throws AppError('backup-unreadable') ("wrong key or damaged file",
 * never which) when the tag does not verify — which it can only tell at the end, so callers must not act on the chunks
 * before the generator has finished (write to a private temporary file, or verify in a first pass).
 *
 * @example
 * for await (const chunk of decryptBackup('cairn.cairnbak', keys.backupKey)) hash.update(chunk);
 */
export async function* decryptBackup(file: string, key: Buffer): AsyncGenerator<Buffer, BackupHeader> {
  const { header, prefixBytes } = readBackupHeader(file);
  const size = fs.statSync(file).size;
  const ivEnd = prefixBytes + IV_BYTES;
  if (size < ivEnd + TAG_BYTES) throw unreadable();
  const fd = fs.openSync(file, 'r');
  const prefix = Buffer.alloc(ivEnd);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    fs.readSync(fd, prefix, 0, ivEnd, 0);
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, prefix.subarray(prefixBytes));
  decipher.setAAD(prefix);
  decipher.setAuthTag(tag);
  const end = size - TAG_BYTES - 1;
  try {
    if (end >= ivEnd) {
      for await (const chunk of fs.createReadStream(file, { start: ivEnd, end })) {
        const plain = decipher.update(chunk as Buffer);
        if (plain.length > 0) yield plain;
      }
    }
    const last = decipher.final();
    if (last.length > 0) yield last;
  } catch (error) {
    if (isAuthFailure(error)) throw unreadable();
    throw error;
  }
  return header;
}

/**
 * Decrypts a backup into `plainFile` (created new, mode 0600) and verifies the tag; on failure removes the file and
 * throws AppError('backup-unreadable'). Returns the authenticated header.
 *
 * @example
 * const header = await decryptBackupToFile('cairn.cairnbak', keys.backupKey, '/data/.restore.db');
 */
export async function decryptBackupToFile(file: string, key: Buffer, plainFile: string): Promise<BackupHeader> {
  const chunks = decryptBackup(file, key);
  let header: BackupHeader | undefined;
  try {
    await pipeline(
      (async function* () {
        for (;;) {
          const next = await chunks.next();
          if (next.done) {
            header = next.value;
            return;
          }
          yield next.value;
        }
      })(),
      fs.createWriteStream(plainFile, { mode: 0o600, flags: 'wx' }),
    );
  } catch (error) {
    fs.rmSync(plainFile, { force: true });
    throw error;
  }
  if (!header) throw unreadable();
  return header;
}

/**
 * Reads a backup through once, only to verify its tag (nothing is written). Returns the authenticated header.
 *
 * @example
 * const header = await verifyBackup('cairn.cairnbak', keys.backupKey); // or throws 'backup-unreadable'
 */
export async function verifyBackup(file: string, key: Buffer): Promise<BackupHeader> {
  const chunks = decryptBackup(file, key);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
  }
}
