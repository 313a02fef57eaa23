import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Keys derived from the one secret: each use gets its own HKDF label, so no two uses share key material. */
export interface Keys {
  /** Key of the audit chain's HMAC. */
  readonly auditKey: Buffer;
  /** Key for encrypting secrets such as TOTP seeds. */
  readonly secretsKey: Buffer;
  /** Key for encrypting backups. */
  readonly backupKey: Buffer;
  /** Set when the key was read from (or written to) a key file beside the data: a warning for the operator. */
  readonly warning: string | null;
}

/** Name of the generated key file inside the data directory. */
export const KEY_FILE_NAME = 'secret.key';

function derive(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'cairn', label, 32));
}

/**
 * The secret from CAIRN_SECRET_KEY, or else from a key file in the data directory (created with mode 0600 when
 * missing), and the keys stretched from it.
 *
 * @example
 * const keys = loadKeys({ dataDir: './data', secretKey: null });
 * keys.warning // 'no CAIRN_SECRET_KEY: using the key file …'
 */
export function loadKeys(settings: { readonly dataDir: string; readonly secretKey: string | null }): Keys {
  let secret = settings.secretKey;
  let warning: string | null = null;
  if (!secret) {
    const file = path.join(settings.dataDir, KEY_FILE_NAME);
    fs.mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
    try {
      secret = fs.readFileSync(file, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      secret = randomBytes(32).toString('base64url');
      fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    }
    warning = `no CAIRN_SECRET_KEY: using the key file ${file}, which sits beside the data it protects; set CAIRN_SECRET_KEY and keep it elsewhere (see README)`;
  }
  return {
    auditKey: derive(secret, 'cairn audit chain key v1'),
    secretsKey: derive(secret, 'cairn secrets key v1'),
    backupKey: derive(secret, 'cairn backup key v1'),
    warning,
  };
}
