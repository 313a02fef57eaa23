/**
 * The baseline a target's progress is measured from: the target's own baseline, or else taken from the series.
 * docs/progress-rules.md §2.
 *
 * @example
 * resolveBaseline({ baseline: null, startDate: '2026-09-01' }, [{ date: '2026-08-28', value: 17 }])
 * // { value: 17, date: '2026-08-28', source: 'series-before-start' }
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Target } from '../treatment-plans/target.js';
import type { SeriesPoint } from './series-point.js';

/**
 * Where a baseline came from.
 *
 * @example
 * const source: BaselineSource = BaselineSource.target;
 */
export const BaselineSource = {
  /** The baseline written on the target. */
  target: 'target',
  /** The last value on or before the start date (the target had none). */
  seriesBeforeStart: 'series-before-start',
  /** The first value after the start date (the target had none and nothing was measured before the start). */
  seriesFirst: 'series-first',
} as const;
export type BaselineSource = (typeof BaselineSource)[keyof typeof BaselineSource];

/**
 * A resolved baseline; `date` is null when it came from the target itself.
 *
 * @example
 * const baseline: Baseline = { value: 18, date: null, source: 'target' };
 */
export interface Baseline {
  readonly value: number;
  readonly date: CalendarDate | null;
  readonly source: BaselineSource;
}

/**
 * Resolves the baseline from a series already normalised, in date order and cut at today: the target's baseline
 * when set; else the last value on or before the start date; else the first value after it; else null.
 *
 * @example
 * resolveBaseline({ baseline: 18, startDate: '2026-09-01' }, []) // { value: 18, date: null, source: 'target' }
 */
export function resolveBaseline(
  target: Pick<Target, 'baseline' | 'startDate'>,
  series: readonly SeriesPoint[],
): Baseline | null {
  if (target.baseline !== null && Number.isFinite(target.baseline)) {
    return { value: target.baseline, date: null, source: BaselineSource.target };
  }
  const beforeStart = series.filter((point) => point.date <= target.startDate).at(-1);
  if (beforeStart)
    return { value: beforeStart.value, date: beforeStart.date, source: BaselineSource.seriesBeforeStart };
  const first = series[0];
  if (first) return { value: first.value, date: first.date, source: BaselineSource.seriesFirst };
  return null;
}
