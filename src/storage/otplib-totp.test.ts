import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { randomTokens } from './create-auth-deps.js';
import { otplibTotp } from './otplib-totp.js';

describe('otplibTotp', () => {
  const secret = otplibTotp.newSecret();
  const at = new Date('2026-11-26T12:00:10.000Z');
  const code = (when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

  it('accepts the current code and its neighbours, and returns the time step', async () => {
    const step = Math.floor(at.getTime() / 30_000);
    expect(await otplibTotp.check(secret, await code(at), at, null)).toBe(step);
    expect(await otplibTotp.check(secret, await code(new Date(at.getTime() - 30_000)), at, null)).toBe(step - 1);
    expect(await otplibTotp.check(secret, await code(new Date(at.getTime() - 90_000)), at, null)).toBeNull();
  });

  it('never accepts a step at or before the last one used (no replay)', async () => {
    const step = Math.floor(at.getTime() / 30_000);
    expect(await otplibTotp.check(secret, await code(at), at, step)).toBeNull();
    expect(await otplibTotp.check(secret, await code(at), at, step - 1)).toBe(step);
  });

  it('refuses anything that is not six digits, and builds an otpauth URI', async () => {
    expect(await otplibTotp.check(secret, '12345', at, null)).toBeNull();
    expect(await otplibTotp.check(secret, 'abcdef', at, null)).toBeNull();
    expect(otplibTotp.uri(secret, 'ana@example.org', 'Cairn')).toMatch(/^otpauth:\/\/totp\/Cairn:ana%40example\.org\?/);
  });
});

describe('randomTokens', () => {
  it('makes recovery codes of four groups from an unambiguous alphabet', () => {
    const codes = new Set(Array.from({ length: 200 }, () => randomTokens.newRecoveryCode()));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
  });
});
