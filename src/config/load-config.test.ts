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
      backup: null,
      sqliteSynchronous: 'normal',
      smtp: null,
      sessionIdleMinutes: 15,
      sessionMaxHours: 12,
      trustProxy: false,
    });
  });

  it('reads the session timeouts and the trusted proxies, and names a bad value', () => {
    const c = loadConfig({ CAIRN_SESSION_IDLE_MINUTES: '10', CAIRN_SESSION_MAX_HOURS: '8', CAIRN_TRUST_PROXY: 'true' });
    expect(c).toMatchObject({ sessionIdleMinutes: 10, sessionMaxHours: 8, trustProxy: true });
    expect(loadConfig({ CAIRN_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toBe('10.0.0.1,10.1.0.0/16');
    expect(() => loadConfig({ CAIRN_SESSION_IDLE_MINUTES: '0' })).toThrow(/CAIRN_SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ CAIRN_SESSION_IDLE_MINUTES: '1000' })).toThrow(/CAIRN_SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ CAIRN_SESSION_MAX_HOURS: '48' })).toThrow(/CAIRN_SESSION_MAX_HOURS/);
    expect(() => loadConfig({ CAIRN_TRUST_PROXY: 'everyone' })).toThrow(/CAIRN_TRUST_PROXY/);
  });

  it('reads SMTP for client links only as a pair of a valid URL and a sender address', () => {
    expect(
      loadConfig({ CAIRN_SMTP_URL: 'smtp://u:p@mail.example.org:587', CAIRN_MAIL_FROM: 'Cairn <no-reply@example.org>' })
        .smtp,
    ).toEqual({
      url: 'smtp://u:p@mail.example.org:587',
      from: 'Cairn <no-reply@example.org>',
    });
    expect(() => loadConfig({ CAIRN_SMTP_URL: 'smtp://mail.example.org' })).toThrow(/CAIRN_MAIL_FROM/);
    expect(() => loadConfig({ CAIRN_MAIL_FROM: 'a@example.org' })).toThrow(/CAIRN_SMTP_URL/);
    expect(() => loadConfig({ CAIRN_SMTP_URL: 'http://mail.example.org', CAIRN_MAIL_FROM: 'a@example.org' })).toThrow(
      /CAIRN_SMTP_URL must be an smtp/,
    );
    expect(() => loadConfig({ CAIRN_SMTP_URL: 'smtp://mail.example.org', CAIRN_MAIL_FROM: 'not an address' })).toThrow(
      /CAIRN_MAIL_FROM/,
    );
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
    [
      { CAIRN_BACKUP_DIR: '/b', CAIRN_BACKUP_INTERVAL_HOURS: '0' },
      {},
      'CAIRN_BACKUP_INTERVAL_HOURS must be a number of hours more than 0 and at most 744',
    ],
    [
      { CAIRN_BACKUP_DIR: '/b', CAIRN_BACKUP_INTERVAL_HOURS: 'daily' },
      {},
      'CAIRN_BACKUP_INTERVAL_HOURS must be a number of hours more than 0 and at most 744',
    ],
    [
      { CAIRN_BACKUP_DIR: '/b', CAIRN_BACKUP_INTERVAL_HOURS: '745' },
      {},
      'CAIRN_BACKUP_INTERVAL_HOURS must be a number of hours more than 0 and at most 744',
    ],
    [
      { CAIRN_BACKUP_DIR: '/b', CAIRN_BACKUP_KEEP: '0' },
      {},
      'CAIRN_BACKUP_KEEP must be a whole number from 1 to 10000',
    ],
    [
      { CAIRN_BACKUP_DIR: '/b', CAIRN_BACKUP_KEEP: '2.5' },
      {},
      'CAIRN_BACKUP_KEEP must be a whole number from 1 to 10000',
    ],
    [{ CAIRN_BACKUP_KEEP: '7' }, {}, 'CAIRN_BACKUP_KEEP is set but CAIRN_BACKUP_DIR is not'],
    [{ CAIRN_BACKUP_INTERVAL_HOURS: '6' }, {}, 'CAIRN_BACKUP_INTERVAL_HOURS is set but CAIRN_BACKUP_DIR is not'],
    [{ CAIRN_SQLITE_SYNCHRONOUS: 'off' }, {}, 'CAIRN_SQLITE_SYNCHRONOUS must be one of normal, full'],
    [{ CAIRN_LOG_LEVEL: 'loud' }, {}, 'CAIRN_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
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

  it('turns scheduled backups on with a directory, every 24 hours keeping 14 unless told otherwise', () => {
    expect(loadConfig({ CAIRN_BACKUP_DIR: 'backups' }).backup).toEqual({
      dir: path.resolve('backups'),
      intervalHours: 24,
      keep: 14,
    });
    expect(
      loadConfig({ CAIRN_BACKUP_DIR: '/b', CAIRN_BACKUP_INTERVAL_HOURS: '0.5', CAIRN_BACKUP_KEEP: '48' }).backup,
    ).toEqual({ dir: path.resolve('/b'), intervalHours: 0.5, keep: 48 });
  });

  it('reads CAIRN_SQLITE_SYNCHRONOUS in any case', () => {
    expect(loadConfig({ CAIRN_SQLITE_SYNCHRONOUS: 'FULL' }).sqliteSynchronous).toBe('full');
    expect(loadConfig({ CAIRN_SQLITE_SYNCHRONOUS: '' }).sqliteSynchronous).toBe('normal');
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
