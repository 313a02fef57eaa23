import { generateSecret, generateURI, verify } from 'otplib';
import type { Totp } from '../application/ports.js';

const PERIOD_SECONDS = 30;

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with otplib 13 (reference/deps.md §3). A code is accepted one step either
 * side of now, and never for a step at or before `afterStep` (the last step accepted), so a code cannot be replayed.
 *
 * @example
 * const secret = otplibTotp.newSecret();
 * const step = await otplibTotp.check(secret, '123456', new Date(), null); // the accepted time step, or null
 */
export const otplibTotp: Totp = {
  newSecret: () => generateSecret({ length: 20 }),
  uri: (secret, accountName, issuer) => generateURI({ issuer, label: accountName, secret }),
  check: async (secret, code, at, afterStep) => {
    if (!/^\d{6}$/.test(code)) return null;
    const epoch = Math.floor(at.getTime() / 1000);
    const maxStep = Math.floor((epoch + PERIOD_SECONDS) / PERIOD_SECONDS);
    if (afterStep !== null && afterStep >= maxStep) return null;
    const result = await verify({
      secret,
      token: code,
      epoch,
      epochTolerance: PERIOD_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  },
};
