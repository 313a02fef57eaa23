import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Period } from '../treatment-plans/target.js';
import {
  type BehaviorDefinition,
  checkBehaviorCount,
  checkBehaviorDefinition,
  compareRates,
  convertRate,
  countToRate,
  DAYS_PER_PERIOD,
} from './behavior-rate.js';

const period = fc.constantFrom<Period>('day', 'week', 'month');
const rateValue = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });

const panic: BehaviorDefinition = {
  id: 'b1',
  clientId: 'c1',
  name: 'panic attacks',
  per: 'week',
  direction: 'decrease',
  unit: null,
};

describe('DAYS_PER_PERIOD', () => {
  it('uses 7 days a week and the mean Gregorian month of 365.25 / 12 days', () => {
    expect(DAYS_PER_PERIOD).toEqual({ day: 1, week: 7, month: 30.4375 });
  });
});

describe('convertRate', () => {
  it.each([
    [1, 'day', 'week', 7],
    [14, 'week', 'day', 2],
    [1, 'week', 'month', 30.4375 / 7],
    [30.4375, 'month', 'day', 1],
    [12, 'month', 'month', 12],
    [0, 'week', 'month', 0],
  ] as const)('converts %d per %s to per %s', (value, from, to, expected) => {
    expect(convertRate(value, from, to)).toBeCloseTo(expected, 10);
  });

  it('returns to the original value after converting there and back', () => {
    fc.assert(
      fc.property(rateValue, period, period, (value, from, to) => {
        const back = convertRate(convertRate(value, from, to), to, from);
        expect(Math.abs(back - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, value));
      }),
    );
  });

  it('gives the same result directly or through a third period', () => {
    fc.assert(
      fc.property(rateValue, period, period, period, (value, from, via, to) => {
        const direct = convertRate(value, from, to);
        const indirect = convertRate(convertRate(value, from, via), via, to);
        expect(Math.abs(direct - indirect)).toBeLessThanOrEqual(1e-9 * Math.max(1, direct));
      }),
    );
  });
});

describe('countToRate', () => {
  it('turns a count over some days into a rate per period', () => {
    expect(countToRate(5, 10, 'week')).toBeCloseTo(3.5, 12);
    expect(countToRate(3, 7, 'week')).toBe(3);
  });

  it('refuses a non-positive number of days', () => {
    expect(() => countToRate(3, 0, 'week')).toThrow(RangeError);
  });
});

describe('compareRates', () => {
  it('says 3 per week is more than 1 per month', () => {
    expect(compareRates({ value: 3, per: 'week' }, { value: 1, per: 'month' })).toBe(1);
    expect(compareRates({ value: 1, per: 'month' }, { value: 3, per: 'week' })).toBe(-1);
  });

  it('treats the same rate in different periods as equal', () => {
    expect(compareRates({ value: 7, per: 'week' }, { value: 1, per: 'day' })).toBe(0);
    expect(compareRates({ value: 30.4375, per: 'month' }, { value: 1, per: 'day' })).toBe(0);
  });

  it('says 4 per month is less than 1 per week (a month is longer than four weeks)', () => {
    expect(compareRates({ value: 4, per: 'month' }, { value: 1, per: 'week' })).toBe(-1);
  });

  it('keeps the order of two rates whatever period either is expressed in', () => {
    fc.assert(
      fc.property(rateValue, period, rateValue, period, period, (a, perA, b, perB, to) => {
        const before = compareRates({ value: a, per: perA }, { value: b, per: perB });
        const after = compareRates({ value: convertRate(a, perA, to), per: to }, { value: b, per: perB });
        expect(after).toBe(before);
      }),
    );
  });

  it('finds a rate equal to itself converted to any period', () => {
    fc.assert(
      fc.property(rateValue, period, period, (value, from, to) => {
        expect(compareRates({ value, per: from }, { value: convertRate(value, from, to), per: to })).toBe(0);
      }),
    );
  });
});

describe('checkBehaviorDefinition', () => {
  it('accepts a complete definition', () => {
    expect(checkBehaviorDefinition(panic)).toEqual([]);
  });

  it('reports an empty name, an unknown period and an unknown direction', () => {
    const codes = checkBehaviorDefinition({
      ...panic,
      name: '  ',
      per: 'year' as Period,
      direction: 'sideways' as BehaviorDefinition['direction'],
    }).map((i) => i.code);
    expect(codes).toEqual(['behavior-name-empty', 'behavior-period-invalid', 'behavior-direction-invalid']);
  });
});

describe('checkBehaviorCount', () => {
  it.each([
    [3, 7, []],
    [0, 1, []],
    [-1, 7, ['behavior-count-invalid']],
    [Number.NaN, 7, ['behavior-count-invalid']],
    [2, 0, ['behavior-days-invalid']],
  ])('checks count %d over %d days', (count, days, codes) => {
    expect(checkBehaviorCount(count, days).map((i) => i.code)).toEqual(codes);
  });
});
