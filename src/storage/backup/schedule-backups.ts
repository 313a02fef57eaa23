import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/shared/app-error.js';
import { ErrorCode } from '../../domain/shared/error-codes.js';
import type { DatabaseSettings } from '../open-database.js';
import { type BackupSummary, createBackup } from './create-backup.js';

/** Scheduled backups are named `cairn-backup-<UTC timestamp>.cairnbak`, so names sort by age. */
const SCHEDULED_NAME = /^cairn-backup-\d{8}T\d{6}(\d{3})?Z\.cairnbak$/;

export interface BackupSchedule {
  readonly intervalHours: number;
  /** How many scheduled backups to keep in `dir` (the newest); older ones are deleted after each new one. */
  readonly keep: number;
  readonly dir: string;
}

export interface ScheduleBackupsOptions extends BackupSchedule {
  readonly settings: DatabaseSettings;
  readonly now?: () => Date;
  /** Audit actor of each scheduled backup, e.g. 'system:backup-schedule'. */
  readonly auditActor?: string;
  /** Called before each run (timer or runOnce), e.g. to clear what an interrupted backup left behind. */
  readonly beforeRun?: () => void;
  /** Called with each finished backup and the files pruned. */
  readonly onBackup?: (summary: BackupSummary, pruned: readonly string[]) => void;
  /**
   * When true, the first run is due one interval after the newest scheduled backup already in `dir` (at once when
   * there is none), so a server restarted more often than the interval still takes its backups. Default: one
   * interval from now.
   */
  readonly catchUp?: boolean;
  /** Called when a scheduled run fails (the schedule goes on). */
  readonly onError?: (error: unknown) => void;
}

/** How the schedule is doing, for /readyz and the log (times only; never client data). */
export interface BackupStatus {
  /** When the last successful scheduled backup was taken (ISO), or null. */
  readonly lastSuccessAt: string | null;
  /** When the last failed run ended (ISO), or null. */
  readonly lastFailureAt: string | null;
  /** Failed runs since the last success (0 when the last run succeeded). */
  readonly consecutiveFailures: number;
  /** When the next run is due (ISO), or null once stopped. */
  readonly nextRunAt: string | null;
}

export interface ScheduledBackups {
  /** Takes one backup now and prunes to the retention count (waits for a run already going, then runs). */
  readonly runOnce: () => Promise<{ readonly summary: BackupSummary; readonly pruned: readonly string[] }>;
  /** The state of the schedule. */
  readonly status: () => BackupStatus;
  /** Stops the timer (a run in progress finishes). */
  readonly stop: () => void;
}

/**
 * File name of a scheduled backup taken at `at`.
 *
 * @example
 * scheduledBackupName(new Date('2026-11-26T21:00:00.123Z')) // 'cairn-backup-20261126T210000123Z.cairnbak'
 */
export function scheduledBackupName(at: Date): string {
  return `cairn-backup-${at.toISOString().replace(/[-:.]/g, '')}.cairnbak`;
}

/**
 * Deletes all but the `keep` newest scheduled backups in `dir` (only files named like scheduled backups; anything
 * else in the directory is left alone). Returns the names deleted.
 *
 * @example
 * pruneBackups('/backups', 14) // ['cairn-backup-20261101T030000000Z.cairnbak']
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = fs
    .readdirSync(dir)
    .filter((n) => SCHEDULED_NAME.test(n))
    .sort()
    .reverse();
  const doomed = names.slice(Math.max(keep, 1));
  for (const name of doomed) fs.rmSync(path.join(dir, name), { force: true });
  return doomed;
}

/** The longest delay setTimeout takes (2^31 - 1 ms). */
const MAX_TIMER_MS = 2_147_483_647;

/** Temporary files a backup leaves behind when its process dies: the `VACUUM INTO` snapshot and the half-written file. */
const SNAPSHOT_TEMP = /^\.backup-[0-9a-f]{12}\.db(-journal|-wal|-shm)?$/;
const SCHEDULED_TEMP = /^\.cairn-backup-\d{8}T\d{6}(\d{3})?Z\.cairnbak\.[0-9a-f]{12}\.tmp$/;

/**
 * Deletes what an interrupted backup left behind: `.backup-<hex>.db` snapshots in the data directory and
 * `.cairn-backup-….cairnbak.<hex>.tmp` files in the backup directory, when not modified for `olderThanMs` (a
 * `cairn backup` running right now next to the server keeps its files). Returns the paths deleted.
 *
 * @example
 * removeBackupLeftovers(['/srv/cairn/data', '/backups'], 15 * 60_000, new Date()) // ['/srv/cairn/data/.backup-0a1b2c3d4e5f.db']
 */
export function removeBackupLeftovers(dirs: readonly string[], olderThanMs: number, now: Date): string[] {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!SNAPSHOT_TEMP.test(name) && !SCHEDULED_TEMP.test(name)) continue;
      const file = path.join(dir, name);
      try {
        if (now.getTime() - fs.statSync(file).mtimeMs < olderThanMs) continue;
        fs.rmSync(file, { force: true });
        removed.push(file);
      } catch {
        // Gone meanwhile, or not ours to delete: leave it.
      }
    }
  }
  return removed;
}

/**
 * Milliseconds until the next scheduled backup is due: the interval after the newest scheduled backup in `dir`, or 0
 * when there is none or it is older than the interval (so a server restarted every night still takes its backups).
 *
 * @example
 * firstBackupDelayMs('/backups', 24, new Date()) // 0 when the newest backup is more than a day old
 */
export function firstBackupDelayMs(dir: string, intervalHours: number, now: Date): number {
  const newest = fs
    .readdirSync(dir)
    .filter((n) => SCHEDULED_NAME.test(n))
    .sort()
    .pop();
  const stamp = newest?.match(/^cairn-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z/);
  if (!stamp) return 0;
  const [, y, mo, d, h, mi, se, ms] = stamp.map(Number) as number[];
  const takenAt = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, se ?? 0, Number.isNaN(ms) ? 0 : (ms ?? 0));
  const due = takenAt + intervalHours * 3_600_000 - now.getTime();
  return Math.min(Math.max(due, 0), intervalHours * 3_600_000);
}

/**
 * Takes a backup every `intervalHours` into `dir` and keeps the `keep` newest. The first run is due one interval
 * from now, or with `catchUp` one interval after the newest backup already in `dir`. A failed run is reported to `onError` and
 * the next one comes an interval later. The timer does not hold the process open; runs never overlap.
 *
 * @example
 * const schedule = scheduleBackups({ intervalHours: 24, keep: 14, dir: '/backups', settings: config });
 * // … on shutdown:
 * schedule.stop();
 */
export function scheduleBackups(options: ScheduleBackupsOptions): ScheduledBackups {
  if (!(options.intervalHours > 0 && options.intervalHours <= 24 * 31)) {
    throw new AppError(ErrorCode.invalidConfig, 'the backup interval must be more than 0 and at most 744 hours');
  }
  if (!Number.isInteger(options.keep) || options.keep < 1 || options.keep > 10_000) {
    throw new AppError(ErrorCode.invalidConfig, 'the number of backups to keep must be a whole number from 1 to 10000');
  }
  try {
    fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    fs.accessSync(options.dir, fs.constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError(ErrorCode.invalidConfig, `cannot write the backup directory ${options.dir} (${reason})`);
  }
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalHours * 3_600_000;
  let lastSuccessAt: string | null = null;
  let lastFailureAt: string | null = null;
  let consecutiveFailures = 0;
  let nextRunAt: Date | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();

  const runOnce = () => {
    const run = current.then(async () => {
      const at = now();
      try {
        options.beforeRun?.();
        const summary = await createBackup(options.settings, path.join(options.dir, scheduledBackupName(at)), {
          now: () => at,
          ...(options.auditActor ? { auditActor: options.auditActor } : {}),
        });
        const pruned = pruneBackups(options.dir, options.keep);
        lastSuccessAt = at.toISOString();
        consecutiveFailures = 0;
        options.onBackup?.(summary, pruned);
        return { summary, pruned };
      } catch (error) {
        lastFailureAt = now().toISOString();
        consecutiveFailures += 1;
        throw error;
      }
    });
    current = run.catch(() => undefined);
    return run;
  };
  const arm = (delayMs: number) => {
    if (stopped) return;
    const due = new Date(now().getTime() + delayMs);
    nextRunAt = due;
    const wait = () => {
      // setTimeout holds at most about 24.8 days; a longer interval waits in steps.
      const remaining = due.getTime() - now().getTime();
      timer = setTimeout(
        () => {
          if (stopped) return;
          if (due.getTime() - now().getTime() > 1000) return wait();
          runOnce()
            .catch((error: unknown) => options.onError?.(error))
            .finally(() => arm(intervalMs));
        },
        Math.min(Math.max(remaining, 0), MAX_TIMER_MS),
      );
      timer.unref();
    };
    wait();
  };
  arm(options.catchUp ? firstBackupDelayMs(options.dir, options.intervalHours, now()) : intervalMs);
  return {
    runOnce,
    status: () => ({
      lastSuccessAt,
      lastFailureAt,
      consecutiveFailures,
      nextRunAt: stopped || !nextRunAt ? null : nextRunAt.toISOString(),
    }),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
