import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../application/ports.js';

/**
 * argon2id password hashing (DESIGN 2.8) with the library defaults m=19456 KiB, t=2, p=1 (the OWASP minimum;
 * reference/deps.md §3: ~29 ms per hash here). Runs off the event loop.
 *
 * @example
 * const h = await argon2PasswordHasher.hash('correct horse battery');
 * await argon2PasswordHasher.verify(h, 'correct horse battery') // true
 */
export const argon2PasswordHasher: PasswordHasher = {
  hash: (password) => hash(password, { algorithm: 2 }),
  verify: async (hashed, password) => {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  },
};
