import { randomBytes } from 'node:crypto';

/**
 * A random 20-character password (about 120 bits) for accounts created without --password-stdin.
 *
 * @example
 * randomPassword().length // 20
 */
export function randomPassword(): string {
  return randomBytes(15).toString('base64url');
}
