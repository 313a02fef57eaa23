/**
 * Deadlines and the time phrases that are not deadlines.
 *
 * Deadlines: "within 16 weeks", "within the next 3 months", "within 8 weeks of starting treatment", "in 6 weeks",
 * "in 3 months' time", "over the next 12 weeks", "over a 12-week period", "during the first 8 weeks", "by week 8",
 * "by the end of week 8", "by the 8th week", "by session 12", "by the twelfth session", "by 12 weeks",
 * "at week 12", "at the 3-month review", "after 12 weeks of treatment", "12 weeks from now", "by <date>",
 * "before <date>", "no later than <date>", "by the end of March", "by the end of the year". Years become months.
 * Plan milestones ("by discharge", "by the end of treatment", "at the next review") are time-bound without a date.
 *
 * Not deadlines (returned as `duration` so their numbers are not read as targets): "for 30 minutes",
 * "for 4 consecutive weeks", "within 2 days of a trigger", "an 8-week course", "every 2 weeks".
 * "within 30 minutes" is not read here at all: minutes and hours are values ("fall asleep within 30 minutes").
 *
 * @example
 * readDeadline(tokenize('by the end of week 8'), 0, '2026-09-01'); // { kind: 'relative', amount: 8, unit: 'week', start: 0, end: 6 }
 */
import type { DeadlineUnit } from './goal-analysis.js';
import { readNumber } from './number-words.js';
import { lastDayOfMonth, readDate } from './read-date.js';
import type { Token } from './tokenize.js';

/** A time phrase read from the tokens, from `start` (the trigger word) to `end` (exclusive). */
export type DeadlineReading =
  | {
      readonly kind: 'relative';
      readonly amount: number;
      readonly unit: DeadlineUnit;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'date';
      readonly date: string;
      readonly valid: boolean;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'milestone'; readonly milestone: string; readonly start: number; readonly end: number }
  | { readonly kind: 'duration'; readonly start: number; readonly end: number };

/** Time units as written, with their deadline unit and multiplier (years are 12 months, a fortnight 2 weeks). */
const TIME_UNITS: ReadonlyMap<string, { readonly unit: DeadlineUnit | 'minute' | 'hour'; readonly factor: number }> =
  new Map([
    ['minute', { unit: 'minute', factor: 1 }],
    ['minutes', { unit: 'minute', factor: 1 }],
    ['min', { unit: 'minute', factor: 1 }],
    ['mins', { unit: 'minute', factor: 1 }],
    ['hour', { unit: 'hour', factor: 1 }],
    ['hours', { unit: 'hour', factor: 1 }],
    ['hr', { unit: 'hour', factor: 1 }],
    ['hrs', { unit: 'hour', factor: 1 }],
    ['day', { unit: 'day', factor: 1 }],
    ['days', { unit: 'day', factor: 1 }],
    ['week', { unit: 'week', factor: 1 }],
    ['weeks', { unit: 'week', factor: 1 }],
    ['wk', { unit: 'week', factor: 1 }],
    ['wks', { unit: 'week', factor: 1 }],
    ['fortnight', { unit: 'week', factor: 2 }],
    ['fortnights', { unit: 'week', factor: 2 }],
    ['month', { unit: 'month', factor: 1 }],
    ['months', { unit: 'month', factor: 1 }],
    ['mth', { unit: 'month', factor: 1 }],
    ['mths', { unit: 'month', factor: 1 }],
    ['mo', { unit: 'month', factor: 1 }],
    ['mos', { unit: 'month', factor: 1 }],
    ['year', { unit: 'month', factor: 12 }],
    ['years', { unit: 'month', factor: 12 }],
    ['yr', { unit: 'month', factor: 12 }],
    ['yrs', { unit: 'month', factor: 12 }],
    ['session', { unit: 'session', factor: 1 }],
    ['sessions', { unit: 'session', factor: 1 }],
    ['appointment', { unit: 'session', factor: 1 }],
    ['appointments', { unit: 'session', factor: 1 }],
  ]);

/** Words after "within N weeks of" that mean the start of treatment (so it is a deadline). */
const START_WORDS = new Set([
  'start',
  'starting',
  'beginning',
  'commencing',
  'commencement',
  'intake',
  'treatment',
  'therapy',
  'assessment',
  'admission',
  'enrolment',
  'enrollment',
  'referral',
  'today',
  'this',
  'plan',
  'signing',
  'now',
  'baseline',
]);

/** Plan milestones that make a goal time-bound without a date. Keys are matched after "by/at/before [the]". */
const MILESTONES: readonly (readonly string[])[] = [
  ['end', 'of', 'treatment'],
  ['end', 'of', 'therapy'],
  ['end', 'of', 'the', 'treatment', 'episode'],
  ['end', 'of', 'the', 'episode', 'of', 'care'],
  ['end', 'of', 'the', 'plan'],
  ['end', 'of', 'this', 'plan'],
  ['end', 'of', 'the', 'treatment', 'plan'],
  ['end', 'of', 'the', 'program'],
  ['end', 'of', 'the', 'programme'],
  ['end', 'of', 'the', 'course'],
  ['discharge'],
  ['termination'],
  ['next', 'review'],
  ['next', 'plan', 'review'],
  ['next', 'treatment', 'plan', 'review'],
  ['first', 'review'],
  ['review'],
  ['mid', 'treatment', 'review'],
  ['midpoint', 'review'],
  ['final', 'session'],
  ['last', 'session'],
  ['next', 'session'],
  ['next', 'appointment'],
  ['following', 'session'],
  ['course', 'of', 'treatment'],
  ['course', 'of', 'therapy'],
  ['course', 'of', 'the', 'treatment'],
  ['duration', 'of', 'treatment'],
  ['duration', 'of', 'therapy'],
  ['treatment', 'period'],
  ['treatment', 'episode'],
];

/** "over a 12-week period", "during the 8-week programme": the noun after an adjective time. */
const ADJECTIVE_PERIOD_NOUNS = new Set([
  'period',
  'window',
  'timeframe',
  'span',
  'timescale',
  'programme',
  'program',
  'course',
  'treatment',
  'block',
  'phase',
  'plan',
  'intervention',
  'trial',
  'episode',
]);

const LEADING_SKIP = new Set(['the', 'next', 'first', 'coming', 'following', 'upcoming', 'initial']);

function wordAt(tokens: readonly Token[], index: number): string {
  const token = tokens[index];
  return token !== undefined && token.kind === 'word' ? token.norm : '';
}

function normAt(tokens: readonly Token[], index: number): string {
  return tokens[index]?.norm ?? '';
}

interface AmountUnit {
  readonly amount: number;
  readonly unit: DeadlineUnit | 'minute' | 'hour';
  readonly end: number;
  /** Written as an adjective ("8-week"). */
  readonly adjective: boolean;
}

/**
 * Reads "N weeks", "a month", "6-8 weeks", "6 to 8 weeks", "three months' time", "8-week" at `index`.
 * Ranges take the upper bound.
 */
function readAmountUnit(tokens: readonly Token[], index: number): AmountUnit | null {
  let amount: number;
  let i: number;
  const word = wordAt(tokens, index);
  if (word === 'a' || word === 'an' || word === 'one') {
    const unit = TIME_UNITS.get(wordAt(tokens, index + 1));
    if (unit !== undefined) return finishUnit(tokens, unit.factor, unit.unit, index + 2, false);
  }
  const number = readNumber(tokens, index);
  if (number === null || number.ordinal || number.times) return null;
  amount = number.value;
  i = number.end;
  // Range: "6-8 weeks", "6 to 8 weeks", "6 or 8 weeks".
  const sep = normAt(tokens, i);
  if (sep === '-' || sep === 'to' || sep === 'or') {
    const upper = readNumber(tokens, i + 1);
    if (upper !== null && !upper.ordinal && TIME_UNITS.has(wordAt(tokens, upper.end))) {
      amount = upper.value;
      i = upper.end;
    }
  }
  let adjective = false;
  if (normAt(tokens, i) === '-' && tokens[i]?.spaceBefore === false) {
    i++;
    adjective = true;
  }
  const unit = TIME_UNITS.get(wordAt(tokens, i));
  if (unit === undefined) return null;
  return finishUnit(tokens, amount * unit.factor, unit.unit, i + 1, adjective);
}

function finishUnit(
  tokens: readonly Token[],
  amount: number,
  unit: DeadlineUnit | 'minute' | 'hour',
  index: number,
  adjective: boolean,
): AmountUnit {
  let end = index;
  // "weeks' time", "months time"
  if (normAt(tokens, end) === "'" && !tokens[end]?.spaceBefore) end++;
  if (wordAt(tokens, end) === 'time') end++;
  return { amount, unit, end, adjective };
}

function relative(amount: AmountUnit, start: number, end: number): DeadlineReading | null {
  if (amount.unit === 'minute' || amount.unit === 'hour') return null;
  if (!(amount.amount > 0)) return null;
  return { kind: 'relative', amount: amount.amount, unit: amount.unit, start, end };
}

function skipLeading(tokens: readonly Token[], index: number): number {
  let i = index;
  while (LEADING_SKIP.has(wordAt(tokens, i)) && i < index + 3) {
    // "first" is an ordinal in "by the first session": keep it then.
    if (wordAt(tokens, i) === 'first' && TIME_UNITS.has(wordAt(tokens, i + 1))) break;
    i++;
  }
  return i;
}

/** "within N weeks of X": a deadline only when X is the start of treatment. */
function ofStart(tokens: readonly Token[], index: number): { isDeadline: boolean; end: number } {
  if (wordAt(tokens, index) !== 'of' && wordAt(tokens, index) !== 'from') return { isDeadline: true, end: index };
  let i = index + 1;
  while (wordAt(tokens, i) === 'the' || wordAt(tokens, i) === 'this' || wordAt(tokens, i) === 'their') {
    if (wordAt(tokens, i) === 'this' && START_WORDS.has(wordAt(tokens, i + 1))) break;
    i++;
  }
  if (START_WORDS.has(wordAt(tokens, i))) {
    let end = i + 1;
    if (wordAt(tokens, end) === 'of' && START_WORDS.has(wordAt(tokens, end + 1))) end += 2;
    else if (START_WORDS.has(wordAt(tokens, end))) end++;
    return { isDeadline: true, end };
  }
  return { isDeadline: false, end: i };
}

/** "week 8", "session 12", "month 3", "day 30", "the 8th week", "the end of week 8", "the twelfth session". */
function readPoint(
  tokens: readonly Token[],
  index: number,
): { amount: number; unit: DeadlineUnit; end: number } | null {
  let i = index;
  if (wordAt(tokens, i) === 'the') i++;
  if (wordAt(tokens, i) === 'end' && wordAt(tokens, i + 1) === 'of') {
    i += 2;
    if (wordAt(tokens, i) === 'the') i++;
  }
  const unitWord = wordAt(tokens, i);
  const unit = TIME_UNITS.get(unitWord);
  if (unit !== undefined && unit.unit !== 'minute' && unit.unit !== 'hour' && unit.factor === 1) {
    // "week 8", "session twelve"
    const number = readNumber(tokens, i + 1);
    if (number !== null && !number.times && number.value > 0)
      return { amount: number.value, unit: unit.unit, end: number.end };
    return null;
  }
  // "the 8th week", "the twelfth session"
  const ordinal = readNumber(tokens, i);
  if (ordinal?.ordinal) {
    const after = TIME_UNITS.get(wordAt(tokens, ordinal.end));
    if (
      after !== undefined &&
      after.unit !== 'minute' &&
      after.unit !== 'hour' &&
      after.factor === 1 &&
      ordinal.value > 0
    ) {
      return { amount: ordinal.value, unit: after.unit, end: ordinal.end + 1 };
    }
  }
  return null;
}

function readMilestone(tokens: readonly Token[], index: number): { milestone: string; end: number } | null {
  let i = index;
  if (wordAt(tokens, i) === 'the' || wordAt(tokens, i) === 'their' || wordAt(tokens, i) === 'my') i++;
  for (const words of MILESTONES) {
    let ok = true;
    let j = i;
    for (let k = 0; k < words.length; k++) {
      if (k > 0 && normAt(tokens, j) === '-' && tokens[j]?.spaceBefore === false) j++;
      if (wordAt(tokens, j) !== words[k]) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) return { milestone: words.join(' '), end: j };
  }
  return null;
}

/** "the end of March", "the end of the year", "the end of the month", "end of 2027". */
function readEndOfDate(
  tokens: readonly Token[],
  index: number,
  today: string,
): { date: string; valid: boolean; end: number } | null {
  let i = index;
  if (wordAt(tokens, i) === 'the') i++;
  if (wordAt(tokens, i) !== 'end' || wordAt(tokens, i + 1) !== 'of') return null;
  i += 2;
  const yearNow = today.slice(0, 4);
  if (wordAt(tokens, i) === 'next') {
    // "the end of next month/week/year"
    const what = wordAt(tokens, i + 1);
    if (what === 'year') return { date: `${Number(yearNow) + 1}-12-31`, valid: true, end: i + 2 };
    if (what === 'month') {
      const month = Number(today.slice(5, 7)) === 12 ? 1 : Number(today.slice(5, 7)) + 1;
      const year = Number(today.slice(5, 7)) === 12 ? Number(yearNow) + 1 : Number(yearNow);
      const day = lastDayOfMonth(year, month);
      return {
        date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        valid: true,
        end: i + 2,
      };
    }
    return null;
  }
  if (wordAt(tokens, i) === 'the' || wordAt(tokens, i) === 'this') {
    const what = wordAt(tokens, i + 1);
    if (what === 'year') return { date: `${yearNow}-12-31`, valid: true, end: i + 2 };
    if (what === 'month') {
      const month = Number(today.slice(5, 7));
      const day = lastDayOfMonth(Number(yearNow), month);
      return { date: `${today.slice(0, 8)}${String(day).padStart(2, '0')}`, valid: true, end: i + 2 };
    }
    return null;
  }
  const token = tokens[i];
  if (token?.kind === 'number' && token.text.length === 4 && token.value >= 1900 && token.value <= 2200) {
    return { date: `${token.text}-12-31`, valid: true, end: i + 1 };
  }
  const date = readDate(tokens, i, { today, endOfPeriod: true });
  return date === null ? null : { date: date.date, valid: date.valid, end: date.end };
}

/** After "by", "before", "no later than", "on or before", "until": a point, a milestone or a date. */
function readByTarget(tokens: readonly Token[], start: number, index: number, today: string): DeadlineReading | null {
  const review = readReviewPoint(tokens, index, true);
  if (review !== null) return relative(review, start, review.end);
  const current = readCurrentPeriod(tokens, index, today);
  if (current !== null) return { ...current, start };
  const point = readPoint(tokens, index);
  if (point !== null) return { kind: 'relative', amount: point.amount, unit: point.unit, start, end: point.end };
  const milestone = readMilestone(tokens, index);
  if (milestone !== null) return { kind: 'milestone', milestone: milestone.milestone, start, end: milestone.end };
  const endOf = readEndOfDate(tokens, index, today);
  if (endOf !== null) return { kind: 'date', date: endOf.date, valid: endOf.valid, start, end: endOf.end };
  let i = index;
  if (wordAt(tokens, i) === 'the') i++;
  if (wordAt(tokens, i) === 'mid' && normAt(tokens, i + 1) === '-') {
    const date = readDate(tokens, i + 2, { today });
    if (date !== null)
      return { kind: 'date', date: `${date.date.slice(0, 8)}15`, valid: date.valid, start, end: date.end };
  }
  const date = readDate(tokens, i, { today, allowShortNumeric: true });
  if (date !== null) return { kind: 'date', date: date.date, valid: date.valid, start, end: date.end };
  // "by 12 weeks", "by three months"
  const amount = readAmountUnit(tokens, index);
  if (amount !== null && !amount.adjective) {
    // "by 2 days a week" is a change in a count, not a deadline.
    const after = wordAt(tokens, amount.end);
    if (after === 'a' || after === 'per' || after === 'each' || normAt(tokens, amount.end) === '/') return null;
    return relative(amount, start, amount.end);
  }
  return null;
}

/**
 * Reads a deadline or a non-deadline time phrase starting at `index` (the trigger word), or returns null.
 *
 * @example
 * readDeadline(tokenize('within 16 weeks'), 0, '2026-09-01'); // { kind: 'relative', amount: 16, unit: 'week', start: 0, end: 3 }
 */
export function readDeadline(tokens: readonly Token[], index: number, today: string): DeadlineReading | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (token.kind === 'number' || (token.kind === 'word' && readNumber(tokens, index) !== null)) {
    return readTrailingDeadline(tokens, index);
  }
  if (token.kind !== 'word') return null;
  switch (token.norm) {
    case 'within':
    case 'over':
    case 'during':
    case 'throughout':
    case 'in':
      return readWithin(tokens, index, token.norm, today);
    case 'by':
    case 'before':
    case 'until':
    case 'till':
      return readByTarget(tokens, index, index + 1, today);
    case 'no':
    case 'not':
      if (wordAt(tokens, index + 1) === 'later' && wordAt(tokens, index + 2) === 'than') {
        return readByTarget(tokens, index, index + 3, today);
      }
      return null;
    case 'on': {
      if (wordAt(tokens, index + 1) === 'or' && wordAt(tokens, index + 2) === 'before') {
        return readByTarget(tokens, index, index + 3, today);
      }
      // "on 5 June 2027", "on March 3"
      let i = index + 1;
      if (wordAt(tokens, i) === 'the') i++;
      const date = readDate(tokens, i, { today });
      const named = date !== null && (tokens.slice(i, date.end).some((t) => t.kind === 'word') || date.end - i >= 5);
      return date !== null && named
        ? { kind: 'date', date: date.date, valid: date.valid, start: index, end: date.end }
        : null;
    }
    case 'this':
    case 'next':
      return readCurrentPeriod(tokens, index, today);
    case 'at':
      return readAt(tokens, index, today);
    case 'after':
      return readAfter(tokens, index);
    case 'for':
      return readFor(tokens, index);
    case 'every':
    case 'each':
      return readEvery(tokens, index);
    default:
      return null;
  }
}

/** "within/over/during/in [the next] N weeks [of starting treatment]", "over a 12-week period". */
function readWithin(tokens: readonly Token[], index: number, trigger: string, today: string): DeadlineReading | null {
  if (trigger !== 'in') {
    // "over the course of treatment", "throughout treatment", "within the treatment period"
    const milestone = readMilestone(tokens, index + 1);
    if (milestone !== null && milestone.milestone !== 'review') {
      return { kind: 'milestone', milestone: milestone.milestone, start: index, end: milestone.end };
    }
  }
  if (trigger === 'in' || trigger === 'during') {
    // "in week 8", "in session 10", "in the first session"
    const point = readPoint(tokens, index + 1);
    if (point !== null)
      return { kind: 'relative', amount: point.amount, unit: point.unit, start: index, end: point.end };
  }
  if (trigger === 'in' || trigger === 'during' || trigger === 'within') {
    // "in June 2027", "during March"
    const date = readDate(tokens, index + 1, { today, endOfPeriod: true });
    if (date !== null && tokens[index + 1]?.kind === 'word')
      return { kind: 'date', date: date.date, valid: date.valid, start: index, end: date.end };
    const current = readCurrentPeriod(tokens, index + 1, today);
    if (current !== null) return { ...current, start: index };
  }
  let i = skipLeading(tokens, index + 1);
  // "over a 12-week period", "within a period of 12 weeks", "over a 3 month period"
  if ((wordAt(tokens, i) === 'a' || wordAt(tokens, i) === 'an') && readNumber(tokens, i + 1) !== null) i++;
  if (wordAt(tokens, i) === 'a' && wordAt(tokens, i + 1) === 'period' && wordAt(tokens, i + 2) === 'of') i += 3;
  if (wordAt(tokens, i) === 'period' && wordAt(tokens, i + 1) === 'of') i += 2;
  const amount = readAmountUnit(tokens, i);
  if (amount === null) {
    // "within the next month", "over the coming year"
    if (i > index + 1) {
      const unit = TIME_UNITS.get(wordAt(tokens, i));
      if (unit !== undefined && (wordAt(tokens, i - 1) === 'next' || wordAt(tokens, i - 1) === 'coming')) {
        return relative({ amount: unit.factor, unit: unit.unit, end: i + 1, adjective: false }, index, i + 1);
      }
    }
    return null;
  }
  let end = amount.end;
  if (amount.adjective) {
    // "over a 12-week period", "in a 6-month window"
    const noun = wordAt(tokens, end);
    if (ADJECTIVE_PERIOD_NOUNS.has(noun)) end++;
    else return { kind: 'duration', start: index, end };
  }
  if (amount.unit === 'minute' || amount.unit === 'hour') return null;
  if (trigger === 'in') {
    // "3 times in 2 weeks" is a frequency, not a deadline.
    const before = wordAt(tokens, index - 1);
    if (before === 'times' || before === 'x' || before === 'once' || before === 'twice')
      return { kind: 'duration', start: index, end };
  }
  // "within 12 sessions of CPT": sessions are always sessions of treatment.
  const start =
    amount.unit === 'session' && wordAt(tokens, end) === 'of'
      ? { isDeadline: true, end: end + 2 }
      : ofStart(tokens, end);
  if (!start.isDeadline) return { kind: 'duration', start: index, end };
  return relative(amount, index, start.end);
}

/** "at week 12", "at session 10", "at 3 months", "at the 3-month review", "at the next review", "at discharge". */
function readAt(tokens: readonly Token[], index: number, today: string): DeadlineReading | null {
  const point = readPoint(tokens, index + 1);
  if (point !== null) return { kind: 'relative', amount: point.amount, unit: point.unit, start: index, end: point.end };
  const milestone = readMilestone(tokens, index + 1);
  if (milestone !== null)
    return { kind: 'milestone', milestone: milestone.milestone, start: index, end: milestone.end };
  const review = readReviewPoint(tokens, index + 1, false);
  if (review !== null) return relative(review, index, review.end);
  const endOf = readEndOfDate(tokens, index + 1, today);
  if (endOf !== null) return { kind: 'date', date: endOf.date, valid: endOf.valid, start: index, end: endOf.end };
  const date = readDate(tokens, index + 1, { today });
  return date === null ? null : { kind: 'date', date: date.date, valid: date.valid, start: index, end: date.end };
}

const REVIEW_NOUNS = new Set([
  'review',
  'follow',
  'mark',
  'point',
  'reassessment',
  'check',
  'assessment',
  'appointment',
]);

/**
 * "[the] 3-month review", "the 12-week mark", "6-month follow-up", and (unless `requireNoun`) "3 months", "week 12".
 * Minutes and hours are never review points.
 */
function readReviewPoint(tokens: readonly Token[], index: number, requireNoun: boolean): AmountUnit | null {
  let i = index;
  if (
    wordAt(tokens, i) === 'the' ||
    wordAt(tokens, i) === 'their' ||
    wordAt(tokens, i) === 'her' ||
    wordAt(tokens, i) === 'his'
  )
    i++;
  const amount = readAmountUnit(tokens, i);
  if (amount === null || amount.unit === 'minute' || amount.unit === 'hour') return null;
  let end = amount.end;
  const noun = wordAt(tokens, end);
  if (REVIEW_NOUNS.has(noun)) {
    end++;
    if (noun === 'follow' && normAt(tokens, end) === '-' && wordAt(tokens, end + 1) === 'up') end += 2;
    else if (noun === 'follow' && wordAt(tokens, end) === 'up') end++;
  } else if (amount.adjective || requireNoun) {
    return null;
  }
  return { ...amount, end };
}

/** "after 12 weeks [of treatment]". */
function readAfter(tokens: readonly Token[], index: number): DeadlineReading | null {
  const amount = readAmountUnit(tokens, index + 1);
  if (amount === null || amount.adjective) return null;
  return relative(amount, index, amount.end);
}

/**
 * "for 4 consecutive weeks", "for at least 2 weeks", "for 30 days": durations, never deadlines. "For the next 8 weeks"
 * is a time frame. Minutes and hours ("for 30 minutes") are left to the target reader: they are values.
 */
function readFor(tokens: readonly Token[], index: number): DeadlineReading | null {
  let i = index + 1;
  if (wordAt(tokens, i) === 'the' && (wordAt(tokens, i + 1) === 'next' || wordAt(tokens, i + 1) === 'coming')) {
    const amount = readAmountUnit(tokens, i + 2);
    if (amount !== null) return relative(amount, index, amount.end);
  }
  if (wordAt(tokens, i) === 'at' && (wordAt(tokens, i + 1) === 'least' || wordAt(tokens, i + 1) === 'most')) i += 2;
  if (wordAt(tokens, i) === 'a' && wordAt(tokens, i + 1) === 'minimum' && wordAt(tokens, i + 2) === 'of') i += 3;
  const number = readNumber(tokens, i);
  let end: number;
  let unit: AmountUnit['unit'] | undefined;
  if (number !== null && !number.ordinal) {
    let j = number.end;
    if (wordAt(tokens, j) === 'consecutive' || wordAt(tokens, j) === 'straight' || wordAt(tokens, j) === 'continuous')
      j++;
    unit = TIME_UNITS.get(wordAt(tokens, j))?.unit;
    end = j + 1;
  } else {
    const amount = readAmountUnit(tokens, i);
    unit = amount?.unit;
    end = amount?.end ?? i;
  }
  if (unit === undefined || unit === 'minute' || unit === 'hour') return null;
  return { kind: 'duration', start: index, end };
}

/** "every 2 weeks", "every other day": a rhythm, not a deadline. */
function readEvery(tokens: readonly Token[], index: number): DeadlineReading | null {
  const amount = readAmountUnit(tokens, index + 1);
  if (amount === null || amount.adjective) return null;
  return { kind: 'duration', start: index, end: amount.end };
}

/** "12 weeks from now", "8 weeks into treatment", "an 8-week course" (not a deadline). */
function readTrailingDeadline(tokens: readonly Token[], index: number): DeadlineReading | null {
  const amount = readAmountUnit(tokens, index);
  if (amount === null) return null;
  const next = wordAt(tokens, amount.end);
  if (amount.adjective)
    return amount.unit === 'minute' || amount.unit === 'hour'
      ? null
      : { kind: 'duration', start: index, end: amount.end };
  if (next === 'from') {
    const start = ofStart(tokens, amount.end);
    if (start.isDeadline && start.end > amount.end + 1) return relative(amount, index, start.end);
    return null;
  }
  if (next === 'into' && START_WORDS.has(wordAt(tokens, amount.end + 1)))
    return relative(amount, index, amount.end + 2);
  return null;
}

/** "this week" (1 week), "next week" (2 weeks), "this month" and "this year" (to their last day). */
function readCurrentPeriod(tokens: readonly Token[], index: number, today: string): DeadlineReading | null {
  const which = wordAt(tokens, index);
  const what = wordAt(tokens, index + 1);
  if (which !== 'this' && which !== 'next') return null;
  if (what === 'week')
    return { kind: 'relative', amount: which === 'this' ? 1 : 2, unit: 'week', start: index, end: index + 2 };
  if (which !== 'this') return null;
  const year = Number(today.slice(0, 4));
  if (what === 'month') {
    const day = lastDayOfMonth(year, Number(today.slice(5, 7)));
    return {
      kind: 'date',
      date: `${today.slice(0, 8)}${String(day).padStart(2, '0')}`,
      valid: true,
      start: index,
      end: index + 2,
    };
  }
  if (what === 'year') return { kind: 'date', date: `${year}-12-31`, valid: true, start: index, end: index + 2 };
  return null;
}
