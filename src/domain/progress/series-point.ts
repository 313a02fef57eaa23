/**
 * One value of a target's series: an instrument total, a behaviour rate or a GAS level on a calendar date.
 *
 * @example
 * const point: SeriesPoint = { date: '2026-10-13', value: 14, sourceId: 'adm-3' };
 * const count: SeriesPoint = { date: '2026-10-13', value: 12, per: 'month' }; // a behaviour kept per month
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Period } from '../treatment-plans/target.js';
import { convertRate } from './behavior-rate.js';

/**
 * A dated value of a series (see the file comment).
 *
 * @example
 * const point: SeriesPoint = { date: '2026-10-13', value: 3, per: 'week', sourceId: 'log-12' };
 */
export interface SeriesPoint {
  readonly date: CalendarDate;
  readonly value: number;
  /**
   * For behaviour rates kept in another period than the target's: that period, and the value is converted.
   * Omitted or null: the value is already in the target's period (or is an instrument score or GAS level).
   */
  readonly per?: Period | null;
  /** The administration or record the value comes from, when known (alerts and UI link to it). */
  readonly sourceId?: string;
}

/**
 * Puts a series into the target's period and date order (oldest first). Points on the same date keep their input
 * order, so the last one given for a day is that day's latest. Values of non-finite numbers are dropped.
 * When `per` is null (instruments, GAS) values are taken as they are.
 *
 * @example
 * normalizeSeries([{ date: '2026-10-02', value: 1, per: 'day' }, { date: '2026-10-01', value: 3 }], 'week')
 * // [{ date: '2026-10-01', value: 3, per: 'week' }, { date: '2026-10-02', value: 7, per: 'week' }]
 */
export function normalizeSeries(points: readonly SeriesPoint[], per: Period | null): SeriesPoint[] {
  return points
    .filter((point) => Number.isFinite(point.value))
    .map((point, index) => ({ point, index }))
    .sort((a, b) => (a.point.date < b.point.date ? -1 : a.point.date > b.point.date ? 1 : a.index - b.index))
    .map(({ point }) => {
      if (per === null) return point;
      const from = point.per ?? per;
      return { ...point, value: convertRate(point.value, from, per), per };
    });
}
