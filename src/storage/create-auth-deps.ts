import { randomBytes } from 'node:crypto';
import type { AuthDeps, Deps, TokenGenerator } from '../application/ports.js';
import { createAesGcmSecretBox } from './aes-gcm-secret-box.js';
import { otplibTotp } from './otplib-totp.js';

/** 32 symbols (no 0/o, 1/l) so each character carries 5 bits and a code reads aloud without confusion. */
const CODE_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * Random tokens from node:crypto.
 *
 * @example
 * randomTokens.newRecoveryCode() // 'k3vq-7hxa-pd2m-w9re'
 */
export const randomTokens: TokenGenerator = {
  newToken: (bytes) => randomBytes(bytes).toString('base64url'),
  newRecoveryCode: () => {
    const bytes = randomBytes(16);
    let code = '';
    for (let i = 0; i < 16; i += 1) {
      if (i > 0 && i % 4 === 0) code += '-';
      code += CODE_ALPHABET[(bytes[i] ?? 0) & 31];
    }
    return code;
  },
};

/**
 * The sign-in adapters on top of the usual deps: TOTP (otplib), secret sealing (AES-256-GCM under the secrets key)
 * and random tokens (node:crypto). Wired by the composition roots.
 *
 * @example
 * const authDeps = createAuthDeps(opened.deps, opened.keys.secretsKey);
 */
export function createAuthDeps(deps: Deps, secretsKey: Buffer): AuthDeps {
  return { ...deps, totp: otplibTotp, secrets: createAesGcmSecretBox(secretsKey), tokens: randomTokens };
}
