/**
 * Small formatting helpers shared by the pages: numbers without noise, calendar dates in words, comparator symbols.
 *
 * @example
 * formatNumber(3.5) // '3.5'
 * formatNumber(3.04) // '3'
 * formatDate('2026-10-13') // '13 Oct 2026'
 * comparatorSymbol('<=') // '≤'
 */

/**
 * A number rounded to at most one decimal, without a trailing ".0".
 *
 * @example
 * formatNumber(12.5) // '12.5'
 */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A calendar date (YYYY-MM-DD) as "13 Oct 2026"; anything else is returned as is.
 *
 * @example
 * formatDate('2026-10-13') // '13 Oct 2026'
 */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : date;
}

/**
 * A calendar date as "13 Oct" (for chart ticks).
 *
 * @example
 * formatShortDate('2026-10-13') // '13 Oct'
 */
export function formatShortDate(date: string): string {
  const full = formatDate(date);
  return full.replace(/ \d{4}$/, '');
}

/**
 * An ISO timestamp as "13 Oct 2026, 15:04" in the browser's time zone.
 *
 * @example
 * formatDateTime('2026-10-13T15:04:00.000Z') // '13 Oct 2026, 15:04' (in UTC)
 */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(date)}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const SYMBOLS: Readonly<Record<string, string>> = { '<=': '≤', '>=': '≥', '<': '<', '>': '>', '=': '=' };

/**
 * The typographic symbol of a comparator.
 *
 * @example
 * comparatorSymbol('>=') // '≥'
 */
export function comparatorSymbol(comparator: string): string {
  return SYMBOLS[comparator] ?? comparator;
}

/**
 * "1 point", "3.5 points": a count with its noun, plural unless it is exactly one.
 *
 * @example
 * plural(1, 'point') // '1 point'
 */
export function plural(value: number, noun: string, pluralNoun = `${noun}s`): string {
  const text = formatNumber(value);
  return `${text} ${text === '1' ? noun : pluralNoun}`;
}
