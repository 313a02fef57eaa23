/**
 * Behavioural measures defined per client (DESIGN 2.3, issue 3 part 4): what is counted, the period it is counted
 * in, and which way is better; and the conversion of counts between periods so that values kept in different
 * periods compare correctly (3 per week is more than 1 per month).
 *
 * Conversion is a **product convention**, not a clinical fact: a rate is converted through its daily rate with
 * 1 day = 1 day, 1 week = 7 days and 1 month = 365.25 / 12 = 30.4375 days (the mean Gregorian month, leap years
 * included). docs/progress-rules.md §1 shows worked examples.
 *
 * @example
 * convertRate(3, 'week', 'month') // ≈ 13.04 (3 a week is about 13 a month)
 * compareRates({ value: 3, per: 'week' }, { value: 1, per: 'month' }) // 1 (the first is more)
 */
import { type Issue, issue } from '../shared/issue.js';
import type { Direction, Period } from '../treatment-plans/target.js';

/**
 * Days in each period, the product convention used for every conversion.
 *
 * @example
 * DAYS_PER_PERIOD.month // 30.4375
 */
export const DAYS_PER_PERIOD: Readonly<Record<Period, number>> = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
};

/**
 * Relative tolerance under which two converted rates count as equal (floating-point noise of a conversion, not a
 * clinical margin).
 *
 * @example
 * RATE_EQUALITY_TOLERANCE // 1e-9
 */
export const RATE_EQUALITY_TOLERANCE = 1e-9;

/**
 * A behaviour the client counts (self-monitoring), defined per client: "panic attacks", per week, decrease.
 *
 * @example
 * const panic: BehaviorDefinition = { id: 'b1', clientId: 'c1', name: 'panic attacks', per: 'week', direction: 'decrease', unit: null };
 */
export interface BehaviorDefinition {
  readonly id: string;
  readonly clientId: string;
  /** What is counted, in the clinician's or client's words ("panic attacks", "minutes walked"). */
  readonly name: string;
  /** The period the count is kept in. */
  readonly per: Period;
  /** Which way is better for this client. */
  readonly direction: Direction;
  /** What one unit of the count is, when it is not "times" ("minute", "hour"); null for plain occurrences. */
  readonly unit: string | null;
}

/**
 * A rate: an amount per period.
 *
 * @example
 * const rate: BehaviorRate = { value: 3, per: 'week' };
 */
export interface BehaviorRate {
  readonly value: number;
  readonly per: Period;
}

/**
 * Finding codes for behaviour definitions and counts. Stable kebab-case: never rename, add instead.
 *
 * @example
 * checkBehaviorDefinition({ ...panic, name: ' ' })[0]?.code // 'behavior-name-empty'
 */
export const BehaviorIssueCode = {
  /** The behaviour has no name (what is counted is unknown). */
  nameEmpty: 'behavior-name-empty',
  /** The period is not day, week or month. */
  periodInvalid: 'behavior-period-invalid',
  /** The direction is not decrease, increase or maintain. */
  directionInvalid: 'behavior-direction-invalid',
  /** A count is negative, not a number or infinite. */
  countInvalid: 'behavior-count-invalid',
  /** The number of days a count covers is not a positive number. */
  daysInvalid: 'behavior-days-invalid',
} as const;
export type BehaviorIssueCode = (typeof BehaviorIssueCode)[keyof typeof BehaviorIssueCode];

const PERIODS: readonly string[] = ['day', 'week', 'month'];
const DIRECTIONS: readonly string[] = ['decrease', 'increase', 'maintain'];

/**
 * Checks a behaviour definition; returns findings, never throws.
 *
 * @example
 * checkBehaviorDefinition({ id: 'b1', clientId: 'c1', name: 'panic attacks', per: 'week', direction: 'decrease', unit: null }) // []
 */
export function checkBehaviorDefinition(definition: BehaviorDefinition): Issue[] {
  const issues: Issue[] = [];
  if (definition.name.trim() === '') {
    issues.push(issue(BehaviorIssueCode.nameEmpty, 'error', 'Say what is counted.', { path: ['name'] }));
  }
  if (!PERIODS.includes(definition.per)) {
    issues.push(
      issue(BehaviorIssueCode.periodInvalid, 'error', 'The period must be day, week or month.', { path: ['per'] }),
    );
  }
  if (!DIRECTIONS.includes(definition.direction)) {
    issues.push(
      issue(BehaviorIssueCode.directionInvalid, 'error', 'The direction must be decrease, increase or maintain.', {
        path: ['direction'],
      }),
    );
  }
  return issues;
}

/**
 * Converts an amount per `from` period into the same rate per `to` period (through the daily rate).
 *
 * @example
 * convertRate(1, 'day', 'week') // 7
 * convertRate(14, 'week', 'day') // 2
 */
export function convertRate(value: number, from: Period, to: Period): number {
  if (from === to) return value;
  return (value / DAYS_PER_PERIOD[from]) * DAYS_PER_PERIOD[to];
}

/**
 * The rate per `per` of a count observed over a number of days (a diary that covered 10 days with 5 attacks is
 * 3.5 per week).
 *
 * @example
 * countToRate(5, 10, 'week') // 3.5
 */
export function countToRate(count: number, days: number, per: Period): number {
  if (!(days > 0) || !Number.isFinite(days)) throw new RangeError(`days must be a positive number: ${days}`);
  return (count / days) * DAYS_PER_PERIOD[per];
}

/**
 * Checks a raw count and the days it covers; returns findings, never throws.
 *
 * @example
 * checkBehaviorCount(-1, 7)[0]?.code // 'behavior-count-invalid'
 */
export function checkBehaviorCount(count: number, days: number): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isFinite(count) || count < 0) {
    issues.push(issue(BehaviorIssueCode.countInvalid, 'error', 'A count must be zero or more.', { path: ['count'] }));
  }
  if (!Number.isFinite(days) || days <= 0) {
    issues.push(
      issue(BehaviorIssueCode.daysInvalid, 'error', 'The days counted must be more than zero.', { path: ['days'] }),
    );
  }
  return issues;
}

/**
 * Compares two rates kept in any periods: -1 when `a` is less often than `b`, 1 when more often, 0 when equal
 * (within {@link RATE_EQUALITY_TOLERANCE}, relative).
 *
 * @example
 * compareRates({ value: 3, per: 'week' }, { value: 1, per: 'month' }) // 1
 * compareRates({ value: 7, per: 'week' }, { value: 1, per: 'day' }) // 0
 */
export function compareRates(a: BehaviorRate, b: BehaviorRate): -1 | 0 | 1 {
  const perDayA = convertRate(a.value, a.per, 'day');
  const perDayB = convertRate(b.value, b.per, 'day');
  const scale = Math.max(Math.abs(perDayA), Math.abs(perDayB));
  if (Math.abs(perDayA - perDayB) <= RATE_EQUALITY_TOLERANCE * scale) return 0;
  return perDayA < perDayB ? -1 : 1;
}
