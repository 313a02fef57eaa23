import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../application/ports.js';

const VERSION = 'v1';

/**
 * Seals small secrets (TOTP seeds) with AES-256-GCM under `key` (Keys.secretsKey, 32 bytes): a fresh 12-byte IV per
 * seal, the context (e.g. `totp:<user id>`) as associated data, so a sealed value moved to another row fails to open.
 * Output: `v1.<iv>.<ciphertext>.<tag>` in base64url.
 *
 * @example
 * const box = createAesGcmSecretBox(keys.secretsKey);
 * box.open(box.seal('JBSWY3DPEHPK3PXP', 'totp:u1'), 'totp:u1') // 'JBSWY3DPEHPK3PXP'
 */
export function createAesGcmSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secrets key must be 32 bytes');
  return {
    seal: (plain, context) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
    },
    open: (sealed, context) => {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || iv === undefined || body === undefined || tag === undefined) {
        throw new Error('not a sealed secret');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
