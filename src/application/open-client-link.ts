import { z } from 'zod';
import type { MeasureDefinition } from '../domain/scoring/measure-definition.js';
import { AppError } from '../domain/shared/app-error.js';
import { addDays, type CalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { getMeasure } from '../measures/registry.js';
import { clientLinkTokenHash } from './create-client-link.js';
import type { LinkActor } from './link-actor.js';
import { recordingAuditEvent } from './link-actor.js';
import { parseInput } from './parse-input.js';
import type { BehaviorDefinition, ClientLink, Deps, Practice } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

/** A client-link token as handed out: 32 random bytes, base64url. Anything else is not worth a database query. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** One instrument as the client sees it: its own wording and copyright line, item by item. */
export interface LinkInstrument {
  readonly id: string;
  readonly shortName: string;
  readonly name: string;
  readonly instructions: string | null;
  readonly copyright: string;
  readonly items: readonly {
    readonly number: number;
    readonly text: string;
    readonly options: readonly { readonly value: number; readonly label: string }[];
  }[];
  /** Answers at or above `minValue` on these items show the crisis-support text. */
  readonly criticalItems: readonly { readonly item: number; readonly minValue: number }[];
}

/** A behaviour to count on a log link, with the first day of the period the count is for. */
export interface LinkBehavior {
  readonly id: string;
  readonly name: string;
  readonly period: BehaviorDefinition['period'];
  readonly unit: string | null;
  readonly periodStart: CalendarDate;
}

/**
 * What the client page shows: the practice's name and the client's first name only, and what the link is for.
 *
 * @example
 * const context = await openClientLink(deps, token); // { purpose: 'measures', practiceName: 'Riverside CBT', … }
 */
export interface ClientLinkContext {
  readonly purpose: ClientLink['purpose'];
  readonly practiceName: string;
  readonly firstName: string;
  readonly expiresAt: string;
  /** The practice's crisis-support text, shown when a critical item is answered. */
  readonly crisisText: string;
  readonly today: CalendarDate;
  readonly instruments: readonly LinkInstrument[];
  /** Answers saved so far, by instrument id. */
  readonly answers: Readonly<Record<string, readonly (number | null)[]>>;
  readonly behaviors: readonly LinkBehavior[];
  /** The goals of the plan version to endorse, in plain language. */
  readonly goals: readonly { readonly id: string; readonly statement: string; readonly clientWords: string | null }[];
}

/** A usable link with what the client-side use cases need around it. */
export interface ResolvedClientLink {
  readonly link: ClientLink;
  readonly actor: LinkActor;
  readonly practice: Practice;
  readonly now: Date;
}

function unavailable(): AppError {
  return new AppError(ErrorCode.linkUnavailable, 'This link is not valid any more.');
}

/**
 * Finds the link a token opens, if it still works: known, unexpired, unused and unrevoked. Anything else is
 * `link-unavailable`, the same for every reason (a guess learns nothing); a known link's refusal is audited under
 * the link.
 *
 * @example
 * const { link, actor } = await resolveClientLink(deps, token, 'client-link.open');
 */
export async function resolveClientLink(deps: Deps, token: string, action: string): Promise<ResolvedClientLink> {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) throw unavailable();
  const link = await deps.store.findClientLinkByTokenHash(clientLinkTokenHash(deps, token));
  if (!link) throw unavailable();
  const now = deps.clock.now();
  const actor: LinkActor = { kind: 'link', linkId: link.id, clientId: link.clientId };
  if (link.revokedAt || link.usedAt || link.expiresAt <= now.toISOString()) {
    await deps.store.appendAudit(
      [recordingAuditEvent(actor, action, link.clientId, `client-link:${link.id}`, 'denied')],
      now.toISOString(),
    );
    throw unavailable();
  }
  const practice = await deps.store.findPractice();
  if (!practice) throw new Error('a link exists without a practice');
  return { link, actor, practice, now };
}

/**
 * The instrument as shown on a link (only instruments whose wording Cairn holds are ever put on one).
 *
 * @example
 * linkInstrument(getMeasure('phq9')!).items[8].text // 'Thoughts that you would be better off dead, …'
 */
export function linkInstrument(d: MeasureDefinition): LinkInstrument {
  return {
    id: d.id,
    shortName: d.shortName,
    name: d.name,
    instructions: d.instructions,
    copyright: d.copyright,
    items: d.items.map((item) => ({
      number: item.number,
      text: item.text ?? item.label ?? `Item ${item.number}`,
      options: item.options.map((o) => ({ value: o.value, label: o.label ?? String(o.value) })),
    })),
    criticalItems: d.criticalItems.map((c) => ({ item: c.item, minValue: c.minValue })),
  };
}

/**
 * The first day of the period a log link's count is for: today for a daily behaviour, the Monday of this week for a
 * weekly one, the first of the month for a monthly one.
 *
 * @example
 * logPeriodStart('week', '2026-11-26') // '2026-11-23'
 */
export function logPeriodStart(period: BehaviorDefinition['period'], today: CalendarDate): CalendarDate {
  if (period === 'day') return today;
  if (period === 'month') return `${today.slice(0, 8)}01` as CalendarDate;
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(today, -((weekday + 6) % 7));
}

/**
 * Opens a link for the client page: what it is for, with the minimum around it (the practice's name and the
 * client's first name), the instruments' wording, answers saved so far, the behaviours to count or the goals to
 * endorse. Audited under the link (`client-link.open`).
 *
 * @example
 * const context = await openClientLink(deps, token);
 */
export async function openClientLink(deps: Deps, token: string): Promise<ClientLinkContext> {
  const { link, actor, practice, now } = await resolveClientLink(deps, token, 'client-link.open');
  const client = await deps.store.findClientById(link.clientId);
  if (!client) throw unavailable();
  const today = todayInTimeZone(now, practice.timeZone) as CalendarDate;
  const instruments = link.instruments.flatMap((id) => {
    const d = getMeasure(id);
    return d ? [linkInstrument(d)] : [];
  });
  const answers = link.purpose === 'measures' ? await deps.store.listClientLinkAnswers(link.id) : {};
  const behaviors =
    link.purpose === 'log'
      ? (await deps.store.listBehaviors(link.clientId)).map((b) => ({
          id: b.id,
          name: b.name,
          period: b.period,
          unit: b.unit,
          periodStart: logPeriodStart(b.period, today),
        }))
      : [];
  const plan = link.purpose === 'endorse' && link.planId ? await deps.store.findPlanById(link.planId) : null;
  const goals = (plan?.goals ?? []).map((g) => ({ id: g.id, statement: g.statement, clientWords: g.clientWords }));
  const at = now.toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.markClientLink(link.id, { openedAt: at });
    await tx.appendAudit([recordingAuditEvent(actor, 'client-link.open', link.clientId, `client-link:${link.id}`)], at);
  });
  return {
    purpose: link.purpose,
    practiceName: practice.name,
    firstName: client.preferredName || client.givenName,
    expiresAt: link.expiresAt,
    crisisText: practice.settings.crisisText,
    today,
    instruments,
    answers,
    behaviors,
    goals,
  };
}

const saveSchema = z.strictObject({
  instrument: z.string().min(1).max(100),
  answers: z.array(z.number().int().nullable()).max(100),
});

export type SaveClientLinkAnswersInput = z.input<typeof saveSchema>;

/**
 * Checks answers against an instrument's items: at most one answer per item, each null or one of the item's options.
 *
 * @example
 * checkLinkAnswers(getMeasure('phq9')!, [0, 1, null]) // true
 */
export function checkLinkAnswers(d: MeasureDefinition, answers: readonly (number | null)[]): boolean {
  if (answers.length > d.items.length) return false;
  return answers.every((a, i) => a === null || (d.items[i]?.options.some((o) => o.value === a) ?? false));
}

/**
 * Saves a measures link's answers so far for one of its instruments (replacing what was saved): a dropped
 * connection loses nothing. Returns whether a critical item is answered at or above its threshold, for the page to
 * show the crisis-support text.
 *
 * @example
 * await saveClientLinkAnswers(deps, token, { instrument: 'phq9', answers: [1, 2, null] }); // { critical: false }
 */
export async function saveClientLinkAnswers(
  deps: Deps,
  token: string,
  input: SaveClientLinkAnswersInput,
): Promise<{ readonly critical: boolean }> {
  const { link, actor, now } = await resolveClientLink(deps, token, 'client-link.answers.save');
  const v = parseInput(saveSchema, input);
  const definition =
    link.purpose === 'measures' && link.instruments.includes(v.instrument) ? getMeasure(v.instrument) : undefined;
  if (!definition) throw new AppError(ErrorCode.invalidInput, 'instrument: is not on this link');
  if (!checkLinkAnswers(definition, v.answers)) {
    throw new AppError(ErrorCode.invalidInput, 'answers: must be one of each item’s options');
  }
  const at = now.toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.saveClientLinkAnswers(link.id, definition.id, v.answers, at);
    await tx.appendAudit(
      [recordingAuditEvent(actor, 'client-link.answers.save', link.clientId, `client-link:${link.id}`)],
      at,
    );
  });
  return { critical: isCriticalAnswered(definition, v.answers) };
}

/**
 * True when a critical item is answered at or above its threshold (PHQ-9 item 9 > 0).
 *
 * @example
 * isCriticalAnswered(getMeasure('phq9')!, [0, 0, 0, 0, 0, 0, 0, 0, 1]) // true
 */
export function isCriticalAnswered(d: MeasureDefinition, answers: readonly (number | null)[]): boolean {
  return d.criticalItems.some((c) => {
    const a = answers[c.item - 1];
    return a !== null && a !== undefined && a >= c.minValue;
  });
}
