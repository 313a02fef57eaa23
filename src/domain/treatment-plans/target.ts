/**
 * A target binds a goal or objective to a measure (DESIGN 2.3): a validated instrument, a behaviour counted per
 * client, or a goal-attainment scale; with baseline, goal value or relative change, period and dates.
 *
 * @example
 * const phq9Target: Target = {
 *   id: 't1', measure: { kind: 'instrument', instrumentId: 'phq9' }, direction: 'decrease',
 *   baseline: 18, goal: { kind: 'absolute', value: 9, comparator: '<=' }, per: null,
 *   startDate: '2026-09-01', dueDate: '2026-12-22',
 * };
 */
import type { CalendarDate } from '../shared/calendar-date.js';

export const Comparator = { lte: '<=', lt: '<', gte: '>=', gt: '>', eq: '=' } as const;
export type Comparator = (typeof Comparator)[keyof typeof Comparator];

export const Direction = { decrease: 'decrease', increase: 'increase', maintain: 'maintain' } as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

export const Period = { day: 'day', week: 'week', month: 'month' } as const;
export type Period = (typeof Period)[keyof typeof Period];

export type TargetMeasure =
  | { readonly kind: 'instrument'; readonly instrumentId: string; readonly subscale?: string }
  | { readonly kind: 'behavior'; readonly behaviorId: string }
  | { readonly kind: 'gas' };

export type TargetGoal =
  | { readonly kind: 'absolute'; readonly value: number; readonly comparator: Comparator }
  /** Change in points from baseline, negative for a reduction ("≥ 10 points lower" is -10). */
  | { readonly kind: 'change'; readonly change: number }
  /** Change in percent of baseline, negative for a reduction ("≥ 50 % reduction" is -50). */
  | { readonly kind: 'change-percent'; readonly changePercent: number }
  /** A reliable improvement by the instrument's reliable-change threshold. */
  | { readonly kind: 'reliable-improvement' };

export interface Target {
  readonly id: string;
  readonly measure: TargetMeasure;
  readonly direction: Direction;
  /** Baseline value, in units of `per` for behaviours; null when not yet known. */
  readonly baseline: number | null;
  readonly goal: TargetGoal;
  /** For behaviour counts: the period the values are counted in. Null for instruments. */
  readonly per: Period | null;
  readonly startDate: CalendarDate;
  readonly dueDate: CalendarDate;
}
