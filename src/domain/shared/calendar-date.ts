/**
 * Calendar dates as ISO strings (YYYY-MM-DD), with pure arithmetic in UTC so the domain never reads a clock.
 *
 * @example
 * addDays('2026-11-26', 7) // '2026-12-03'
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a real calendar date in YYYY-MM-DD form. */
export function isCalendarDate(text: string): text is CalendarDate {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Days since 1970-01-01 for a calendar date. */
export function toEpochDay(date: CalendarDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** The calendar date for a day number since 1970-01-01. */
export function fromEpochDay(day: number): CalendarDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Adds whole days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + months;
  const targetYear = y + Math.floor(mo / 12);
  const targetMonth = ((mo % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return new Date(Date.UTC(targetYear, targetMonth, day)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toEpochDay(b) - toEpochDay(a);
}
