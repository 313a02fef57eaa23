/**
 * Calendar dates in the usual written forms: `2027-03-31`, `3/31/2027` (US month first, unless the first number is
 * over 12), `31.03.2027`, `March 31, 2027`, `31st of March 2027`, `Mar 31`, `March 2027`, `the end of March`.
 * A date without a year resolves forward from `today` (the next such date on or after today). A month without a day
 * is its first day, or its last day after "end of".
 *
 * @example
 * readDate(tokenize('March 31'), 0, { today: '2026-09-01' }); // { date: '2027-03-31', end: 2, valid: true }
 */
import { isCalendarDate } from '../shared/calendar-date.js';
import type { Token } from './tokenize.js';

/** A date read from the tokens. `valid` is false for dates that do not exist ("February 30"). */
export interface DateReading {
  readonly date: string;
  readonly end: number;
  readonly valid: boolean;
}

/** How to read a date. */
export interface ReadDateOptions {
  readonly today: string;
  /** Read month/day without a year ("3/31"); only safe right after "by", "before", "on", "until". */
  readonly allowShortNumeric?: boolean;
  /** The date is an "end of …" date: a month alone means its last day. */
  readonly endOfPeriod?: boolean;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/**
 * The month number of a month name token, or undefined. "May" and "Mar" count only when capitalised.
 *
 * @example
 * monthOf(tokenize('Sept')[0]); // 9
 */
export function monthOf(token: Token | undefined): number | undefined {
  if (token === undefined || token.kind !== 'word') return undefined;
  const month = MONTHS.get(token.norm);
  if (month === undefined) return undefined;
  if ((token.norm === 'may' || token.norm === 'mar') && token.text.charAt(0) !== token.text.charAt(0).toUpperCase()) {
    return undefined;
  }
  return month;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/**
 * The last day (28–31) of a month.
 *
 * @example
 * lastDayOfMonth(2028, 2); // 29
 */
export function lastDayOfMonth(year: number, month: number): number {
  for (let day = 31; day > 28; day--) if (isCalendarDate(iso(year, month, day))) return day;
  return 28;
}

function build(
  year: number | null,
  month: number,
  day: number | null,
  end: number,
  options: ReadDateOptions,
): DateReading {
  const todayYear = Number(options.today.slice(0, 4));
  const resolveDay = (y: number): number => day ?? (options.endOfPeriod ? lastDayOfMonth(y, month) : 1);
  if (year !== null) {
    const date = iso(year, month, resolveDay(year));
    return { date, end, valid: isCalendarDate(date) };
  }
  // No year: the next such date on or after today.
  let date = iso(todayYear, month, resolveDay(todayYear));
  if (date < options.today) date = iso(todayYear + 1, month, resolveDay(todayYear + 1));
  // "February 29" in a year without one: look for the next leap year within four years.
  for (let y = Number(date.slice(0, 4)), tries = 0; !isCalendarDate(date) && tries < 4; tries++) {
    y++;
    date = iso(y, month, resolveDay(y));
  }
  return { date, end, valid: isCalendarDate(date) };
}

function fullYear(token: Token | undefined, allowTwoDigits = false): number | null {
  if (token === undefined || token.kind !== 'number' || !Number.isInteger(token.value)) return null;
  if (token.text.length === 4 && token.value >= 1900 && token.value <= 2200) return token.value;
  if (allowTwoDigits && token.text.length === 2) return 2000 + token.value;
  return null;
}

function dayNumber(tokens: readonly Token[], index: number): { day: number; end: number } | null {
  const token = tokens[index];
  if (token === undefined || token.kind !== 'number' || !Number.isInteger(token.value)) return null;
  if (token.value < 1 || token.value > 31 || token.text.length > 2) return null;
  const next = tokens[index + 1];
  const end =
    next !== undefined && next.kind === 'word' && !next.spaceBefore && ORDINAL_SUFFIXES.has(next.norm)
      ? index + 2
      : index + 1;
  return { day: token.value, end };
}

/**
 * Reads a date starting at `index`, or returns null when none starts there.
 *
 * @example
 * readDate(tokenize('2027-03-31'), 0, { today: '2026-09-01' })?.date; // '2027-03-31'
 */
export function readDate(tokens: readonly Token[], index: number, options: ReadDateOptions): DateReading | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (token.kind === 'number') return readNumericDate(tokens, index, options) ?? readDayMonth(tokens, index, options);
  const month = monthOf(token);
  if (month === undefined) return null;
  // Month [.] day [st] [,] [year]  |  Month [,] year  |  Month
  let i = index + 1;
  if (tokens[i]?.norm === '.' && !tokens[i]?.spaceBefore) i++;
  const day = dayNumber(tokens, i);
  if (day !== null && fullYear(tokens[i]) === null) {
    let j = day.end;
    if (tokens[j]?.norm === ',') j++;
    const year = tokens[j]?.text.length === 4 ? fullYear(tokens[j]) : null;
    return year !== null ? build(year, month, day.day, j + 1, options) : build(null, month, day.day, day.end, options);
  }
  let j = i;
  if (tokens[j]?.norm === ',') j++;
  const year = tokens[j]?.text.length === 4 ? fullYear(tokens[j]) : null;
  if (year !== null) return build(year, month, null, j + 1, options);
  return build(null, month, null, index + 1, options);
}

/** 31 March 2027, 31st of March, 1 Jan. */
function readDayMonth(tokens: readonly Token[], index: number, options: ReadDateOptions): DateReading | null {
  const day = dayNumber(tokens, index);
  if (day === null) return null;
  let i = day.end;
  if (tokens[i]?.norm === 'of') i++;
  const month = monthOf(tokens[i]);
  if (month === undefined) return null;
  let j = i + 1;
  if (tokens[j]?.norm === '.' && !tokens[j]?.spaceBefore) j++;
  if (tokens[j]?.norm === ',') j++;
  const year = tokens[j]?.text.length === 4 ? fullYear(tokens[j]) : null;
  return year !== null ? build(year, month, day.day, j + 1, options) : build(null, month, day.day, i + 1, options);
}

/** 2027-03-31, 3/31/2027, 31/03/2027, 31.03.27, 3/31 (when allowed). */
function readNumericDate(tokens: readonly Token[], index: number, options: ReadDateOptions): DateReading | null {
  const a = tokens[index];
  const sep1 = tokens[index + 1];
  const b = tokens[index + 2];
  if (a === undefined || sep1 === undefined || b === undefined) return null;
  if (sep1.spaceBefore || b.spaceBefore || b.kind !== 'number') return null;
  const separator = sep1.norm;
  if (separator !== '-' && separator !== '/' && separator !== '.') return null;
  const sep2 = tokens[index + 3];
  const c = tokens[index + 4];
  const hasThird =
    sep2 !== undefined &&
    c !== undefined &&
    sep2.norm === separator &&
    !sep2.spaceBefore &&
    !c.spaceBefore &&
    c.kind === 'number';
  if (hasThird) {
    if (a.text.length === 4) {
      // ISO order: year-month-day.
      return build(a.value, b.value, c.value, index + 5, options);
    }
    const year = fullYear(c, true);
    if (year === null || a.text.length > 2 || b.text.length > 2) return null;
    return orderDayMonth(year, a.value, b.value, index + 5, options);
  }
  if (!options.allowShortNumeric || separator === '-' || a.text.length > 2 || b.text.length > 2) return null;
  return orderDayMonth(null, a.value, b.value, index + 3, options);
}

/** US order (month first) unless the first number cannot be a month. */
function orderDayMonth(
  year: number | null,
  first: number,
  second: number,
  end: number,
  options: ReadDateOptions,
): DateReading | null {
  if (first < 1 || second < 1) return null;
  if (first <= 12) {
    if (second > 31) return null;
    return build(year, first, second, end, options);
  }
  if (second > 12 || first > 31) return null;
  return build(year, second, first, end, options);
}
