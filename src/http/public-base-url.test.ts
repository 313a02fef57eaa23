import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { publicBaseUrl, setPasswordUrl } from './public-base-url.js';

describe('publicBaseUrl', () => {
  const app = Fastify();
  afterEach(async () => {
    await app.close();
  });

  it('uses CAIRN_PUBLIC_URL when configured (without a trailing slash)', () => {
    expect(publicBaseUrl(app, 'https://cairn.example.org/')).toBe('https://cairn.example.org');
    expect(publicBaseUrl(app, 'https://example.org/cairn')).toBe('https://example.org/cairn');
  });

  it('uses the listen address otherwise, never a Host header', async () => {
    expect(publicBaseUrl(app, null)).toBe('http://127.0.0.1:3000');
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(publicBaseUrl(app, null)).toBe(`http://127.0.0.1:${port}`);
  });
});

describe('setPasswordUrl', () => {
  it('puts the token in the fragment', () => {
    expect(setPasswordUrl('https://cairn.example.org', 'a-b_c')).toBe(
      'https://cairn.example.org/set-password#token=a-b_c',
    );
  });
});
