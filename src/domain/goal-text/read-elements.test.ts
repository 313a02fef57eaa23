import { describe, expect, it } from 'vitest';
import { labelVariants, readElements } from './read-elements.js';
import { TEST_GOAL_TEXT_INSTRUMENTS } from './testing/test-goal-text-instruments.js';
import { tokenize } from './tokenize.js';

const read = (text: string) =>
  readElements(tokenize(text), { today: '2026-09-01', instruments: TEST_GOAL_TEXT_INSTRUMENTS, allCaps: false });

describe('readElements', () => {
  it('reads an instrument, two values and a deadline', () => {
    expect(read('PHQ-9 from 18 to ≤9 within 16 weeks').map((e) => e.kind)).toEqual([
      'measure',
      'value',
      'value',
      'deadline',
    ]);
  });

  it('reads a count with its frequency and counted noun', () => {
    expect(read('at least 2 trips/week')[0]).toMatchObject({ kind: 'value', value: 2, comparator: '>=', per: 'week' });
    expect(read('14 units of alcohol per week')[0]).toMatchObject({ value: 14, per: 'week' });
  });

  it('reads suffix comparators before or after the unit', () => {
    expect(read('9 or below')[0]).toMatchObject({ value: 9, comparator: '<=' });
    expect(read('1 or fewer times per night')[0]).toMatchObject({
      value: 1,
      comparator: '<=',
      per: 'day',
      occasions: true,
    });
    expect(read('1 hour or less')[0]).toMatchObject({ value: 1, unit: 'hour', comparator: '<=' });
  });

  it('reads "within 30 minutes" as a value, not a deadline', () => {
    expect(read('within 30 minutes')[0]).toMatchObject({ kind: 'value', value: 30, unit: 'minute', comparator: '<=' });
  });

  it('reads "within 2 days of receipt" as a value in days', () => {
    expect(read('within 2 days of receipt')[0]).toMatchObject({
      kind: 'value',
      value: 2,
      unit: 'day',
      comparator: '<=',
    });
  });

  it('reads ranges, ratings and approximations', () => {
    expect(read('4-5 hours')[0]).toMatchObject({ low: 4, high: 5, unit: 'hour' });
    expect(read('4/10')[0]).toMatchObject({ value: 4, outOf: 10 });
    expect(read('~4 hours')[0]).toMatchObject({ value: 4, unit: 'hour' });
  });

  it('reads relative changes', () => {
    expect(read('by at least 10 points')[0]).toMatchObject({ kind: 'change', amount: 10, percent: false });
    expect(read('a 50% reduction')[0]).toMatchObject({ kind: 'change', amount: 50, percent: true, sense: 'decrease' });
    expect(read('a 5-point drop')[0]).toMatchObject({ kind: 'change', amount: 5, percent: false, sense: 'decrease' });
    expect(read('by half')[0]).toMatchObject({ kind: 'change', amount: 50, percent: true });
    expect(read('halve')[0]).toMatchObject({ kind: 'change', amount: 50, sense: 'decrease' });
  });

  it('reads zero forms', () => {
    expect(read('no panic attacks')[0]?.kind).toBe('zero');
    expect(read('abstinence')[0]?.kind).toBe('zero');
    expect(read('from zero to three')[0]).toMatchObject({ kind: 'value', value: 0 });
  });

  it('reads named bands only with a role word or a range noun', () => {
    expect(read('to the mild range')[0]).toMatchObject({ kind: 'band', label: 'mild' });
    expect(read('from moderately severe')[0]).toMatchObject({ kind: 'band', label: 'moderately severe' });
    expect(read('moderate exercise').some((e) => e.kind === 'band')).toBe(false);
  });

  it('reads caseness, remission and reliable improvement', () => {
    expect(read('below the clinical cut-off')[0]?.kind).toBe('caseness');
    expect(read('remission')[0]?.kind).toBe('remission');
    expect(read('reliable improvement')[0]?.kind).toBe('reliable');
  });

  it('does not read adjectives, times of day or years as values', () => {
    expect(read('a 10-item hierarchy').some((e) => e.kind === 'value')).toBe(false);
    expect(read('after 10pm').some((e) => e.kind === 'value')).toBe(false);
    expect(read('the wedding on 5 June 2027').some((e) => e.kind === 'value')).toBe(false);
  });

  it('reads a frequency on its own', () => {
    expect(read('every day')[0]).toMatchObject({ kind: 'frequency', per: 'day', count: 1 });
  });
});

describe('labelVariants', () => {
  it('splits labels with alternatives and zone names', () => {
    expect(labelVariants('zone II (hazardous)')).toContain('hazardous');
    expect(labelVariants('none/minimal')).toEqual(expect.arrayContaining(['none', 'minimal']));
  });
});
