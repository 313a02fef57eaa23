import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';

/**
 * Configuration, read once at start-up from the environment (and command-line overrides) and validated.
 * A bad value stops the program with one line naming the setting (never echoing a secret).
 *
 * @example
 * const config = loadConfig(process.env, { port: 4000 });
 * config.port // 4000
 */
export interface Config {
  readonly dataDir: string;
  /** PostgreSQL connection string; null means the embedded SQLite database in dataDir. */
  readonly databaseUrl: string | null;
  readonly port: number;
  readonly host: string;
  /** Absolute base URL used for links sent to clients; null means built from host and port. */
  readonly publicUrl: string | null;
  /** Secret key (≥ 32 characters) used, stretched per use, for encryption at rest. */
  readonly secretKey: string | null;
  readonly logLevel: LogLevel;
  /** Scheduled backups taken by the running server; null when CAIRN_BACKUP_DIR is not set. */
  readonly backup: BackupConfig | null;
  /**
   * SQLite `PRAGMA synchronous`: 'normal' (default; WAL survives a process crash, the last commits may be lost on
   * power loss) or 'full' (each commit is synced to disk before it is acknowledged; survives power loss).
   */
  readonly sqliteSynchronous: SqliteSynchronous;
  /** SMTP for e-mailing client links (CAIRN_SMTP_URL + CAIRN_MAIL_FROM); null when e-mail is off. */
  readonly smtp: SmtpConfig | null;
  /** Automatic logoff (hipaa.md): minutes without a request (CAIRN_SESSION_IDLE_MINUTES, default 15). */
  readonly sessionIdleMinutes: number;
  /** Absolute session lifetime in hours, whatever the activity (CAIRN_SESSION_MAX_HOURS, default 12). */
  readonly sessionMaxHours: number;
  /**
   * CAIRN_TRUST_PROXY: whether to take the client address and scheme from X-Forwarded-* headers (behind a reverse
   * proxy): false (default), true (any proxy), or a comma list of the proxies' addresses/CIDRs (safer).
   */
  readonly trustProxy: boolean | string;
}

/** CAIRN_SMTP_URL (smtp:// or smtps://, credentials in the URL) and CAIRN_MAIL_FROM (the sender address). */
export interface SmtpConfig {
  readonly url: string;
  readonly from: string;
}

/** CAIRN_BACKUP_DIR, CAIRN_BACKUP_INTERVAL_HOURS, CAIRN_BACKUP_KEEP. */
export interface BackupConfig {
  /** Absolute directory the scheduled backups are written to. */
  readonly dir: string;
  readonly intervalHours: number;
  /** How many of the newest scheduled backups are kept. */
  readonly keep: number;
}

export const SqliteSynchronous = { normal: 'normal', full: 'full' } as const;
export type SqliteSynchronous = (typeof SqliteSynchronous)[keyof typeof SqliteSynchronous];

/** Longest backup interval accepted (31 days), as scheduleBackups accepts. */
const MAX_BACKUP_INTERVAL_HOURS = 744;

export const LogLevel = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  info: 'info',
  debug: 'debug',
  trace: 'trace',
  silent: 'silent',
} as const;
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];

export interface ConfigOverrides {
  readonly port?: number | string;
  readonly host?: string;
  readonly dataDir?: string;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  CAIRN_DATA_DIR: z.preprocess(blankToUndefined, z.string().optional()),
  CAIRN_DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  PORT: z.preprocess(
    (v) => blankToUndefined(typeof v === 'number' ? String(v) : v),
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
      .transform(Number)
      .refine((n) => n <= 65535, 'must be a whole number from 0 to 65535')
      .optional(),
  ),
  HOST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or address')
      .optional(),
  ),
  CAIRN_PUBLIC_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), 'must be an absolute http:// or https:// URL')
      .optional(),
  ),
  CAIRN_SECRET_KEY: z.preprocess(blankToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  CAIRN_LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(Object.values(LogLevel)).optional()),
  CAIRN_BACKUP_DIR: z.preprocess(blankToUndefined, z.string().optional()),
  CAIRN_BACKUP_INTERVAL_HOURS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, `must be a number of hours more than 0 and at most ${MAX_BACKUP_INTERVAL_HOURS}`)
      .transform(Number)
      .refine(
        (n) => n > 0 && n <= MAX_BACKUP_INTERVAL_HOURS,
        `must be a number of hours more than 0 and at most ${MAX_BACKUP_INTERVAL_HOURS}`,
      )
      .optional(),
  ),
  CAIRN_BACKUP_KEEP: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a whole number from 1 to 10000')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 10_000, 'must be a whole number from 1 to 10000')
      .optional(),
  ),
  CAIRN_SESSION_IDLE_MINUTES: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,3}$/, 'must be a whole number of minutes from 1 to 240')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 240, 'must be a whole number of minutes from 1 to 240')
      .optional(),
  ),
  CAIRN_SESSION_MAX_HOURS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,2}$/, 'must be a whole number of hours from 1 to 24')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 24, 'must be a whole number of hours from 1 to 24')
      .optional(),
  ),
  CAIRN_TRUST_PROXY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(
        (v) => /^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/.test(v.trim()),
        'must be true, false, or a comma list of proxy addresses (10.0.0.1,10.0.0.0/8)',
      )
      .transform((v): boolean | string => {
        const t = v.trim();
        if (t === 'true') return true;
        if (t === 'false') return false;
        return t.replace(/\s+/g, '');
      })
      .optional(),
  ),
  CAIRN_SMTP_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(
        (v) => /^smtps?:\/\/[^\s/]+\/?$/.test(v),
        'must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)',
      )
      .optional(),
  ),
  CAIRN_MAIL_FROM: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(
        (v) => /^[^\s@<>]+@[^\s@<>]+$/.test(v) || /^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(v),
        'must be an e-mail address (or "Name <address>")',
      )
      .optional(),
  ),
  CAIRN_SQLITE_SYNCHRONOUS: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z.enum(Object.values(SqliteSynchronous)).optional(),
  ),
});

/** The allowed values of an enum setting, for its message. */
const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  CAIRN_LOG_LEVEL: Object.values(LogLevel),
  CAIRN_SQLITE_SYNCHRONOUS: Object.values(SqliteSynchronous),
};

/**
 * Reads and validates the configuration. Throws AppError('invalid-config') whose message names the setting.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, overrides: ConfigOverrides = {}): Config {
  const input = {
    CAIRN_DATA_DIR: overrides.dataDir ?? env.CAIRN_DATA_DIR,
    CAIRN_DATABASE_URL: env.CAIRN_DATABASE_URL,
    PORT: overrides.port ?? env.PORT,
    HOST: overrides.host ?? env.HOST,
    CAIRN_PUBLIC_URL: env.CAIRN_PUBLIC_URL,
    CAIRN_SECRET_KEY: env.CAIRN_SECRET_KEY,
    CAIRN_LOG_LEVEL: env.CAIRN_LOG_LEVEL,
    CAIRN_BACKUP_DIR: env.CAIRN_BACKUP_DIR,
    CAIRN_BACKUP_INTERVAL_HOURS: env.CAIRN_BACKUP_INTERVAL_HOURS,
    CAIRN_BACKUP_KEEP: env.CAIRN_BACKUP_KEEP,
    CAIRN_SQLITE_SYNCHRONOUS: env.CAIRN_SQLITE_SYNCHRONOUS,
    CAIRN_SMTP_URL: env.CAIRN_SMTP_URL,
    CAIRN_MAIL_FROM: env.CAIRN_MAIL_FROM,
    CAIRN_SESSION_IDLE_MINUTES: env.CAIRN_SESSION_IDLE_MINUTES,
    CAIRN_SESSION_MAX_HOURS: env.CAIRN_SESSION_MAX_HOURS,
    CAIRN_TRUST_PROXY: env.CAIRN_TRUST_PROXY,
  };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const key = String(first?.path[0] ?? 'configuration');
    const name =
      key === 'PORT' && overrides.port !== undefined
        ? '--port'
        : key === 'HOST' && overrides.host !== undefined
          ? '--host'
          : key === 'CAIRN_DATA_DIR' && overrides.dataDir !== undefined
            ? '--data'
            : key;
    const message =
      first?.code === 'invalid_value' ? `must be one of ${(ENUM_VALUES[key] ?? []).join(', ')}` : first?.message;
    throw new AppError(ErrorCode.invalidConfig, `${name} ${message ?? 'is invalid'}`, { details: { setting: name } });
  }
  const v = parsed.data;
  if (!v.CAIRN_BACKUP_DIR) {
    for (const setting of ['CAIRN_BACKUP_INTERVAL_HOURS', 'CAIRN_BACKUP_KEEP'] as const) {
      if (v[setting] !== undefined) {
        throw new AppError(ErrorCode.invalidConfig, `${setting} is set but CAIRN_BACKUP_DIR is not`, {
          details: { setting },
        });
      }
    }
  }
  if (Boolean(v.CAIRN_SMTP_URL) !== Boolean(v.CAIRN_MAIL_FROM)) {
    const setting = v.CAIRN_SMTP_URL ? 'CAIRN_MAIL_FROM' : 'CAIRN_SMTP_URL';
    throw new AppError(
      ErrorCode.invalidConfig,
      `${setting} is needed with ${v.CAIRN_SMTP_URL ? 'CAIRN_SMTP_URL' : 'CAIRN_MAIL_FROM'}`,
      {
        details: { setting },
      },
    );
  }
  return {
    dataDir: path.resolve(v.CAIRN_DATA_DIR ?? 'data'),
    databaseUrl: v.CAIRN_DATABASE_URL ?? null,
    port: v.PORT ?? 3000,
    host: v.HOST ?? '127.0.0.1',
    publicUrl: v.CAIRN_PUBLIC_URL ? v.CAIRN_PUBLIC_URL.replace(/\/+$/, '') : null,
    secretKey: v.CAIRN_SECRET_KEY ?? null,
    logLevel: v.CAIRN_LOG_LEVEL ?? 'info',
    backup: v.CAIRN_BACKUP_DIR
      ? {
          dir: path.resolve(v.CAIRN_BACKUP_DIR),
          intervalHours: v.CAIRN_BACKUP_INTERVAL_HOURS ?? 24,
          keep: v.CAIRN_BACKUP_KEEP ?? 14,
        }
      : null,
    sqliteSynchronous: v.CAIRN_SQLITE_SYNCHRONOUS ?? 'normal',
    smtp: v.CAIRN_SMTP_URL && v.CAIRN_MAIL_FROM ? { url: v.CAIRN_SMTP_URL, from: v.CAIRN_MAIL_FROM } : null,
    sessionIdleMinutes: v.CAIRN_SESSION_IDLE_MINUTES ?? 15,
    sessionMaxHours: v.CAIRN_SESSION_MAX_HOURS ?? 12,
    trustProxy: v.CAIRN_TRUST_PROXY ?? false,
  };
}

/**
 * The database location for messages: host and database name of a PostgreSQL URL, never the password.
 *
 * @example
 * describeDatabaseUrl('postgres://u:secret@db.example:5432/cairn') // 'db.example:5432/cairn'
 */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const db = u.pathname.replace(/^\//, '') || '(default database)';
    return `${u.hostname}${u.port ? `:${u.port}` : ''}/${db}`;
  } catch {
    return '(unparseable URL)';
  }
}
