/**
 * Today's calendar date (YYYY-MM-DD) in a time zone — the practice's, so "week 6" and due dates match the server's
 * (DESIGN 2.10). Falls back to the browser's zone when none is given or the name is unknown.
 *
 * @example
 * todayInZone('Europe/London', new Date('2026-11-26T23:30:00Z')) // '2026-11-26'
 * todayInZone('Pacific/Auckland', new Date('2026-11-26T23:30:00Z')) // '2026-11-27'
 */
export function todayInZone(timeZone?: string | null, now: Date = new Date()): string {
  const format = (zone: string | undefined) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(timeZone ?? undefined);
  } catch {
    return format(undefined);
  }
}
