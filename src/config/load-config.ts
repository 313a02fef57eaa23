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
}

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
});

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
      first?.code === 'invalid_value' ? `must be one of ${Object.values(LogLevel).join(', ')}` : first?.message;
    throw new AppError(ErrorCode.invalidConfig, `${name} ${message ?? 'is invalid'}`, { details: { setting: name } });
  }
  const v = parsed.data;
  return {
    dataDir: path.resolve(v.CAIRN_DATA_DIR ?? 'data'),
    databaseUrl: v.CAIRN_DATABASE_URL ?? null,
    port: v.PORT ?? 3000,
    host: v.HOST ?? '127.0.0.1',
    publicUrl: v.CAIRN_PUBLIC_URL ? v.CAIRN_PUBLIC_URL.replace(/\/+$/, '') : null,
    secretKey: v.CAIRN_SECRET_KEY ?? null,
    logLevel: v.CAIRN_LOG_LEVEL ?? 'info',
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
