import { z } from 'zod';
import { reviewDueDate, reviewDueState } from '../domain/reviews/review-schedule.js';
import { type Actor, actorLabel } from './actor.js';
import { caseloadScope } from './list-caseload.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { practiceIdOf } from './require-role.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const inputSchema = z.strictObject({ withinDays: z.number().int().min(0).max(365) });

/**
 * One row of the review due list.
 *
 * @example
 * const row: ReviewDueEntry = { clientId: 'c1', recordNumber: 'DEMO-001', name: 'Alex Rivera', planId: 'p1',
 *   planVersion: 1, dueDate: '2026-11-30', state: 'due', days: 4, lastReviewDate: null, draftReviewId: null };
 */
export interface ReviewDueEntry {
  readonly clientId: string;
  readonly recordNumber: string;
  readonly name: string;
  readonly planId: string;
  readonly planVersion: number;
  readonly dueDate: string;
  readonly state: 'overdue' | 'due';
  /** Days past the due date when overdue, else days left. */
  readonly days: number;
  readonly lastReviewDate: string | null;
  /** An open draft review, to continue rather than start. */
  readonly draftReviewId: string | null;
}

/**
 * The review due list (`GET /api/v1/reviews/due?withinDays=30`, DESIGN 2.6): the clients in the caller's caseload
 * (the caseload rule: assigned, supervised, or the whole practice for an auditor; none for an admin without a
 * clinical role) whose signed plan's review is overdue or due within `withinDays`, most overdue first. One audit event
 * names every client listed.
 *
 * @example
 * const { today, items } = await listReviewsDue(deps, clinician, { withinDays: 30 });
 * items[0]?.state // 'overdue'
 */
export async function listReviewsDue(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof inputSchema>,
): Promise<{ readonly today: string; readonly items: readonly ReviewDueEntry[] }> {
  const v = parseInput(inputSchema, input);
  const scope = caseloadScope(actor);
  const practice = await deps.store.findPractice();
  const practiceId = practiceIdOf(actor, practice);
  const now = deps.clock.now();
  const today = todayInTimeZone(now, practice?.timeZone ?? 'UTC');
  const entries =
    scope && practiceId
      ? await deps.store.listReviewSchedule({ practiceId, userId: actor.kind === 'user' ? actor.userId : '', scope })
      : [];
  const items = entries
    .flatMap((e): ReviewDueEntry[] => {
      const dueDate = reviewDueDate(
        { establishedDate: e.establishedDate, nextReviewDate: e.planNextReviewDate },
        e.lastReview,
      );
      const { state, days } = reviewDueState(dueDate, today, v.withinDays);
      if (state === 'not-due') return [];
      return [
        {
          clientId: e.client.id,
          recordNumber: e.client.recordNumber,
          name: `${e.client.givenName} ${e.client.familyName}`,
          planId: e.planId,
          planVersion: e.planVersion,
          dueDate,
          state,
          days,
          lastReviewDate: e.lastReview?.reviewDate ?? null,
          draftReviewId: e.draftReviewId,
        },
      ];
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.clientId.localeCompare(b.clientId));
  await deps.store.appendAudit(
    [
      {
        actor: actorLabel(actor),
        action: 'reviews.due.read',
        resource: null,
        clientIds: items.map((i) => i.clientId),
        outcome: 'success',
        origin: actor.kind === 'cli' ? 'cli' : null,
      },
    ],
    now.toISOString(),
  );
  return { today, items };
}
