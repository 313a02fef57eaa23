import { describe, expect, it } from 'vitest';
import { createAesGcmSecretBox } from './aes-gcm-secret-box.js';

describe('createAesGcmSecretBox', () => {
  const box = createAesGcmSecretBox(Buffer.alloc(32, 1));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(box.open(a, 'totp:u1')).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 'totp:u1')).not.toBe(a);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered text, another context, and another key', () => {
    const sealed = box.seal('secret', 'totp:u1');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], body.toString('base64url'), parts[3]].join('.');
    expect(() => box.open(tampered, 'totp:u1')).toThrow();
    expect(() => box.open(sealed, 'totp:u2')).toThrow();
    expect(() => createAesGcmSecretBox(Buffer.alloc(32, 2)).open(sealed, 'totp:u1')).toThrow();
    expect(() => createAesGcmSecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
