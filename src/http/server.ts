import type { FastifyInstance } from 'fastify';
import { DEFAULT_AUTH_POLICY } from '../application/auth-policy.js';
import type { Config } from '../config/load-config.js';
import { isAppError } from '../domain/shared/app-error.js';
import { removeBackupLeftovers, type ScheduledBackups, scheduleBackups } from '../storage/backup/schedule-backups.js';
import { createAuthDeps } from '../storage/create-auth-deps.js';
import { createOutcomesReader } from '../storage/create-outcomes-reader.js';
import { createSmtpMailer } from '../storage/create-smtp-mailer.js';
import { openStore } from '../storage/open-store.js';
import { buildApp } from './build-app.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  /** Stops accepting, drains requests in flight, closes the database. */
  readonly close: () => Promise<void>;
}

/** A backup's temporary files untouched for this long belong to a backup that died (not one running right now). */
const BACKUP_LEFTOVER_AGE_MS = 15 * 60_000;

/** The first line of an error's message and its code, for the log (never a stack, never client data). */
function describeFailure(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const code = isAppError(error) ? error.code : typeof e.code === 'string' ? e.code : 'error';
  const message = typeof e.message === 'string' ? (e.message.split('\n')[0] ?? '') : String(error);
  return `${code}: ${message}`;
}

/**
 * Starts the scheduled backups of CAIRN_BACKUP_DIR (consistent and encrypted, as `cairn backup` makes them), after
 * deleting what an interrupted backup left behind. Each run first clears such leftovers too.
 */
function startScheduledBackups(
  config: Config,
  log: { readonly warn: (line: string) => void },
): ScheduledBackups | null {
  const backup = config.backup;
  if (!backup) return null;
  const leftoverDirs = config.databaseUrl ? [backup.dir] : [config.dataDir, backup.dir];
  const clearLeftovers = () => {
    for (const file of removeBackupLeftovers(leftoverDirs, BACKUP_LEFTOVER_AGE_MS, new Date())) {
      log.warn(`removed the leftover of an interrupted backup: ${file}`);
    }
  };
  clearLeftovers();
  return scheduleBackups({
    dir: backup.dir,
    intervalHours: backup.intervalHours,
    keep: backup.keep,
    settings: config,
    catchUp: true,
    auditActor: 'system:backup-schedule',
    beforeRun: clearLeftovers,
    onBackup: (summary, pruned) => {
      log.warn(
        `backup written: ${summary.file} (${summary.bytes} bytes${pruned.length > 0 ? `; removed ${pruned.length} older` : ''})`,
      );
    },
    onError: (error) => {
      log.warn(`warning: scheduled backup failed (${describeFailure(error)}); retrying in ${backup.intervalHours} h`);
    },
  });
}

/**
 * The server's composition root: open the database (auto-migrating the embedded SQLite database, refusing a
 * PostgreSQL database with pending migrations), build the app, listen, and start the scheduled backups when
 * CAIRN_BACKUP_DIR is set.
 *
 * @example
 * const server = await startServer(loadConfig(process.env), { warn: console.error });
 * await server.close();
 */
export async function startServer(
  config: Config,
  log: { readonly warn: (line: string) => void },
): Promise<RunningServer> {
  const opened = await openStore(config, config.databaseUrl ? 'refuse-pending' : 'apply');
  if (opened.keys.warning) log.warn(`warning: ${opened.keys.warning}`);
  for (const name of opened.applied) log.warn(`migrated: ${name}`);
  // The practice outcomes report runs off the request path (a worker thread with its own connection on SQLite).
  const outcomes = createOutcomesReader(opened.database, config.secretKey);
  let app: FastifyInstance;
  let backups: ScheduledBackups | null = null;
  try {
    backups = startScheduledBackups(config, log);
    const schedule = backups;
    app = await buildApp({
      ...createAuthDeps(opened.deps, opened.keys.secretsKey),
      outcomes,
      checkDatabase: opened.checkDatabase,
      ...(schedule ? { backupStatus: () => schedule.status() } : {}),
      logLevel: config.logLevel,
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      authPolicy: {
        ...DEFAULT_AUTH_POLICY,
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionMaxHours,
      },
      mailer: config.smtp ? createSmtpMailer(config.smtp) : null,
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    backups?.stop();
    await outcomes.close();
    await opened.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    app,
    url: `http://${host}:${port}`,
    close: async () => {
      // The timer stops; a backup already running finishes on its own connection (or, if the process is killed,
      // leaves temporary files that the next start removes).
      backups?.stop();
      await app.close();
      await outcomes.close();
      await opened.close();
    },
  };
}
