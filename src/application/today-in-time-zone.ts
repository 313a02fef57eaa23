/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone: due dates and "week N" are in the practice's zone
 * (DESIGN 2.10).
 *
 * @example
 * todayInTimeZone(new Date('2026-11-27T02:00:00Z'), 'America/New_York') // '2026-11-26'
 */
export function todayInTimeZone(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
