import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDatabaseUrl, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toEqual({
      dataDir: path.resolve('data'),
      databaseUrl: null,
      port: 3000,
      host: '127.0.0.1',
      publicUrl: null,
      secretKey: null,
      logLevel: 'info',
    });
  });

  it('lets command-line options override the environment', () => {
    const c = loadConfig({ PORT: '4000', HOST: '0.0.0.0' }, { port: '5000', dataDir: '/tmp/x' });
    expect(c.port).toBe(5000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.dataDir).toBe('/tmp/x');
  });

  it.each([
    [{ PORT: '70000' }, {}, 'PORT must be a whole number from 0 to 65535'],
    [{ PORT: '3.5' }, {}, 'PORT must be a whole number from 0 to 65535'],
    [{}, { port: 'x' }, '--port must be a whole number from 0 to 65535'],
    [{ CAIRN_SECRET_KEY: 'x'.repeat(31) }, {}, 'CAIRN_SECRET_KEY must be at least 32 characters'],
    [{ CAIRN_PUBLIC_URL: 'cairn.example.org' }, {}, 'CAIRN_PUBLIC_URL must be an absolute http:// or https:// URL'],
    [{ CAIRN_DATABASE_URL: 'sqlite://x' }, {}, 'CAIRN_DATABASE_URL must be a postgres:// or postgresql:// URL'],
  ])('refuses %j %j with a message naming the setting', (env, overrides, message) => {
    expect(() => loadConfig(env, overrides)).toThrow(message);
  });

  it('never echoes the secret key in its message', () => {
    try {
      loadConfig({ CAIRN_SECRET_KEY: 'hunter2-short' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('keeps a public URL without its trailing slash', () => {
    expect(loadConfig({ CAIRN_PUBLIC_URL: 'https://cairn.example.org/' }).publicUrl).toBe('https://cairn.example.org');
  });
});

describe('describeDatabaseUrl', () => {
  it('names host, port and database but never user or password', () => {
    expect(describeDatabaseUrl('postgres://u:secret@db.example:5432/cairn')).toBe('db.example:5432/cairn');
  });
});
