import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { issue } from '../domain/shared/issue.js';
import { clientIdOf } from './client-id-of.js';
import { assertRecordingAccess, type RecordingActor, recordingAuditEvent } from './link-actor.js';
import { parseInput } from './parse-input.js';
import type { BehaviorLogEntry, Deps } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const inputSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  behaviorId: z.string().min(1).max(100),
  /** First day of the counted period (the behaviour's day, week or month), YYYY-MM-DD. */
  periodStart: z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)'),
  count: z.number().min(0, 'must not be negative').max(1_000_000, 'must be at most 1000000'),
  source: z.enum(['session', 'link', 'import']).optional(),
});

export type RecordBehaviorLogInput = z.input<typeof inputSchema>;

/**
 * Records how often a client's defined behaviour happened in one period (a day, week or month, as the behaviour is
 * kept): "3 panic attacks in the week starting 2026-11-16". The behaviour must be one of the client's
 * (`not-found` otherwise); the period may not start after today in the practice time zone; a count is a finite
 * number ≥ 0 (hours may be fractional). Nothing is stored when anything is wrong.
 *
 * @example
 * const entry = await recordBehaviorLog(deps, actor, { clientId, behaviorId, periodStart: '2026-11-16', count: 3 });
 */
export async function recordBehaviorLog(
  deps: Deps,
  actor: RecordingActor,
  input: RecordBehaviorLogInput,
): Promise<BehaviorLogEntry> {
  const access = await assertRecordingAccess(deps, actor, clientIdOf(input), 'write', 'behavior-log.create');
  const v = parseInput(inputSchema, input);
  const behavior = (await deps.store.listBehaviors(access.clientId)).find((b) => b.id === v.behaviorId);
  if (!behavior) throw new AppError(ErrorCode.notFound, 'No such behaviour for this client.');
  const practice = await deps.store.findPractice();
  if (!practice) throw new Error('a client exists without a practice');
  const now = deps.clock.now();
  if (v.periodStart > todayInTimeZone(now, practice.timeZone)) {
    throw new AppError(ErrorCode.invalidInput, 'periodStart: must not be in the future', {
      issues: [issue('invalid-field', 'error', 'periodStart: must not be in the future', { path: ['periodStart'] })],
    });
  }
  const entry: BehaviorLogEntry = {
    id: deps.ids.newId(),
    behaviorId: behavior.id,
    clientId: access.clientId,
    periodStart: v.periodStart,
    count: v.count,
    source: v.source ?? 'session',
    recordedBy: actor.kind === 'user' ? actor.userId : null,
  };
  const at = now.toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.insertBehaviorLogs([entry], at);
    await tx.appendAudit(
      [recordingAuditEvent(actor, 'behavior-log.create', access.clientId, `behavior-log:${entry.id}`)],
      at,
    );
  });
  return entry;
}
