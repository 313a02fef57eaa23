/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone: due dates and "week N" are in the practice's zone
 * (DESIGN 2.10).
 *
 * @example
 * todayInTimeZone(new Date('2026-11-27T02:00:00Z'), 'America/New_York') // '2026-11-26'
 */
export function todayInTimeZone(now: Date, timeZone: string): string {
  // Building an Intl.DateTimeFormat costs far more than formatting with one (it was 5% of a progress request's CPU),
  // so one is kept per zone; a practice has one zone, so the map stays tiny.
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (formats.size >= 64) formats.clear();
    formats.set(timeZone, format);
  }
  return format.format(now);
}

const formats = new Map<string, Intl.DateTimeFormat>();
