import { describe, expect, it } from 'vitest';
import { resolveBaseline } from './resolve-baseline.js';

const start = '2026-09-01';

describe('resolveBaseline', () => {
  it('uses the target’s own baseline when it has one', () => {
    expect(resolveBaseline({ baseline: 18, startDate: start }, [{ date: '2026-08-20', value: 20 }])).toEqual({
      value: 18,
      date: null,
      source: 'target',
    });
  });

  it('takes the last value on or before the start date when the target has none', () => {
    const series = [
      { date: '2026-08-20', value: 20 },
      { date: '2026-09-01', value: 19 },
      { date: '2026-09-08', value: 16 },
    ];
    expect(resolveBaseline({ baseline: null, startDate: start }, series)).toEqual({
      value: 19,
      date: '2026-09-01',
      source: 'series-before-start',
    });
  });

  it('takes the first value after the start when nothing was measured before', () => {
    expect(
      resolveBaseline({ baseline: null, startDate: start }, [
        { date: '2026-09-08', value: 16 },
        { date: '2026-09-15', value: 14 },
      ]),
    ).toEqual({ value: 16, date: '2026-09-08', source: 'series-first' });
  });

  it('is null when there is no baseline and no value', () => {
    expect(resolveBaseline({ baseline: null, startDate: start }, [])).toBeNull();
  });
});
