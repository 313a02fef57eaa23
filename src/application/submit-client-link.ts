import { z } from 'zod';
import { scoreMeasureOrThrow } from '../domain/scoring/score-measure.js';
import { AppError } from '../domain/shared/app-error.js';
import { addDays, type CalendarDate, isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { getMeasure } from '../measures/registry.js';
import { recordingAuditEvent } from './link-actor.js';
import { checkLinkAnswers, isCriticalAnswered, logPeriodStart, resolveClientLink } from './open-client-link.js';
import { parseInput } from './parse-input.js';
import { planContentHash } from './plan-content-hash.js';
import type { Deps } from './ports.js';
import { recordAdministration } from './record-administration.js';
import { recordBehaviorLog } from './record-behavior-log.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const answers = z.array(z.number().int().nullable()).max(100);

const submitSchema = z.strictObject({
  /** Measures: final answers by instrument id (merged over those saved as the client went). */
  answers: z.record(z.string().max(100), answers).optional(),
  /** Log: counts of the client's behaviours for the current period. */
  counts: z
    .array(z.strictObject({ behaviorId: z.string().min(1).max(100), count: z.number().min(0).max(10_000) }))
    .max(50)
    .optional(),
  /** Endorse: each goal in the client's own words (optional), and the confirmation by typed name and date. */
  goals: z
    .array(z.strictObject({ goalId: z.string().min(1).max(100), words: z.string().trim().max(1000).optional() }))
    .max(50)
    .optional(),
  typedName: z.string().trim().min(2, 'must be your name').max(200).optional(),
  date: z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)').optional(),
});

export type SubmitClientLinkInput = z.input<typeof submitSchema>;

/** What the client page needs after a submission: whether to show the crisis-support text. */
export interface SubmitClientLinkResult {
  readonly purpose: 'measures' | 'log' | 'endorse';
  /** True when a critical item was answered at or above its threshold (the clinician's alert is raised). */
  readonly critical: boolean;
}

function invalid(message: string): AppError {
  return new AppError(ErrorCode.invalidInput, message);
}

/**
 * Completes a link, once (issue 7): the link is consumed in the same transaction as what it records, so a second
 * submission finds it used (`link-unavailable`) and nothing is recorded twice.
 * - measures: every instrument's answers (saved so far, overridden by the body) are scored at once through
 *   recordAdministration with source `link`; a critical item answered raises the clinician's alert there.
 * - log: each count through recordBehaviorLog (source `link`) for the behaviour's current period.
 * - endorse: every goal of the plan version the link shows gets an endorsement {date, method 'link', words}, and a
 *   record names the version's content hash, the typed name and the date.
 * Every write is audited as `link:<linkId>`.
 *
 * @example
 * await submitClientLink(deps, token, {}); // { purpose: 'measures', critical: false }
 */
export async function submitClientLink(
  deps: Deps,
  token: string,
  input: SubmitClientLinkInput,
): Promise<SubmitClientLinkResult> {
  const { link, actor, practice, now } = await resolveClientLink(deps, token, 'client-link.submit');
  const v = parseInput(submitSchema, input);
  const at = now.toISOString();
  const today = todayInTimeZone(now, practice.timeZone) as CalendarDate;
  const consume = async (tx: Deps['store']) => {
    if (!(await tx.consumeClientLink(link.id, at)))
      throw new AppError(ErrorCode.linkUnavailable, 'This link is not valid any more.');
    await tx.appendAudit(
      [recordingAuditEvent(actor, 'client-link.submit', link.clientId, `client-link:${link.id}`)],
      at,
    );
  };

  if (link.purpose === 'measures') {
    const saved = await deps.store.listClientLinkAnswers(link.id);
    const sets = link.instruments.map((id) => {
      const definition = getMeasure(id);
      if (!definition) throw new Error(`instrument ${id} on a link is not known`);
      const given = v.answers?.[id] ?? saved[id] ?? [];
      if (!checkLinkAnswers(definition, given)) throw invalid('answers: must be one of each item’s options');
      const full = definition.items.map((_, i) => given[i] ?? null);
      scoreMeasureOrThrow(definition, full); // unscorable answers fail here, before the link is used
      return { definition, answers: full };
    });
    await deps.store.transaction(async (tx) => {
      await consume(tx);
      for (const s of sets) {
        await recordAdministration({ ...deps, store: tx }, actor, {
          clientId: link.clientId,
          instrumentId: s.definition.id,
          answers: s.answers,
          source: 'link',
        });
      }
    });
    return { purpose: 'measures', critical: sets.some((s) => isCriticalAnswered(s.definition, s.answers)) };
  }

  if (link.purpose === 'log') {
    const behaviors = await deps.store.listBehaviors(link.clientId);
    const counts = v.counts ?? [];
    if (counts.length === 0) throw invalid('counts: enter at least one count');
    const entries = counts.map((c) => {
      const b = behaviors.find((x) => x.id === c.behaviorId);
      if (!b) throw invalid('counts: not a behaviour on this link');
      return { behaviorId: b.id, count: c.count, periodStart: logPeriodStart(b.period, today) };
    });
    await deps.store.transaction(async (tx) => {
      await consume(tx);
      for (const e of entries) {
        await recordBehaviorLog({ ...deps, store: tx }, actor, { clientId: link.clientId, ...e, source: 'link' });
      }
    });
    return { purpose: 'log', critical: false };
  }

  // Endorse the plan version the link shows.
  const plan = link.planId ? await deps.store.findPlanById(link.planId) : null;
  if (!plan?.contentHash) throw new AppError(ErrorCode.linkUnavailable, 'This link is not valid any more.');
  if (!v.typedName) throw invalid('typedName: type your name to confirm');
  if (!v.date || v.date < addDays(link.createdAt.slice(0, 10) as CalendarDate, -1) || v.date > addDays(today, 1)) {
    throw invalid('date: must be today’s date');
  }
  const words = new Map((v.goals ?? []).map((g) => [g.goalId, g.words?.trim() || null]));
  for (const id of words.keys()) {
    if (!plan.goals.some((g) => g.id === id)) throw invalid('goals: not a goal of this plan');
  }
  const hash = planContentHash(deps, plan);
  if (hash !== plan.contentHash) throw new Error('a signed plan version no longer matches its content hash');
  const date = v.date as CalendarDate;
  await deps.store.transaction(async (tx) => {
    await consume(tx);
    const set = await tx.setGoalEndorsements(
      plan.id,
      plan.contentHash ?? '',
      plan.goals.map((g) => ({ goalId: g.id, endorsement: { date, method: 'link', words: words.get(g.id) ?? null } })),
    );
    if (!set) throw new AppError(ErrorCode.linkUnavailable, 'This link is not valid any more.');
    const recordId = deps.ids.newId();
    await tx.insertPlanEndorsement({
      id: recordId,
      planId: plan.id,
      clientId: link.clientId,
      linkId: link.id,
      contentHash: hash,
      endorsedOn: date,
      typedName: v.typedName ?? '',
      method: 'link',
      recordedAt: at,
    });
    await tx.appendAudit([recordingAuditEvent(actor, 'plan.endorse', link.clientId, `plan:${plan.id}`)], at);
  });
  return { purpose: 'endorse', critical: false };
}
