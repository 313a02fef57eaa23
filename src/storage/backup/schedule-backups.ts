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
  /** Called with each finished backup and the files pruned. */
  readonly onBackup?: (summary: BackupSummary, pruned: readonly string[]) => void;
  /** Called when a scheduled run fails (the schedule goes on). */
  readonly onError?: (error: unknown) => void;
}

export interface ScheduledBackups {
  /** Takes one backup now and prunes to the retention count. */
  readonly runOnce: () => Promise<{ readonly summary: BackupSummary; readonly pruned: readonly string[] }>;
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

/**
 * Takes a backup every `intervalHours` into `dir` and keeps the `keep` newest. The timer does not hold the process
 * open; runs never overlap (a run still going when the next is due is skipped). Not started by the server yet: see
 * docs/backup-restore.md, "Scheduled backups".
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
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const now = options.now ?? (() => new Date());
  let running = false;
  const runOnce = async () => {
    const at = now();
    const summary = await createBackup(options.settings, path.join(options.dir, scheduledBackupName(at)), {
      now: () => at,
      ...(options.auditActor ? { auditActor: options.auditActor } : {}),
    });
    const pruned = pruneBackups(options.dir, options.keep);
    options.onBackup?.(summary, pruned);
    return { summary, pruned };
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runOnce()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = false;
      });
  }, options.intervalHours * 3_600_000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
