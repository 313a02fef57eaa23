import { describe, expect, it } from 'vitest';
import { normalizeSeries } from './series-point.js';

describe('normalizeSeries', () => {
  it('sorts by date, oldest first', () => {
    const sorted = normalizeSeries(
      [
        { date: '2026-10-08', value: 2 },
        { date: '2026-10-01', value: 1 },
      ],
      null,
    );
    expect(sorted.map((p) => p.date)).toEqual(['2026-10-01', '2026-10-08']);
  });

  it('keeps the input order of points on the same date, so the last given is that day’s latest', () => {
    const sorted = normalizeSeries(
      [
        { date: '2026-10-01', value: 5 },
        { date: '2026-09-30', value: 9 },
        { date: '2026-10-01', value: 6 },
      ],
      null,
    );
    expect(sorted.map((p) => p.value)).toEqual([9, 5, 6]);
  });

  it('converts behaviour values kept in another period into the target’s period', () => {
    const [daily, monthly, same] = normalizeSeries(
      [
        { date: '2026-10-01', value: 1, per: 'day' },
        { date: '2026-10-02', value: 30.4375, per: 'month' },
        { date: '2026-10-03', value: 4 },
      ],
      'week',
    );
    expect(daily).toMatchObject({ value: 7, per: 'week' });
    expect(monthly?.value).toBeCloseTo(7, 10);
    expect(same).toMatchObject({ value: 4, per: 'week' });
  });

  it('leaves values as they are when the target has no period', () => {
    expect(normalizeSeries([{ date: '2026-10-01', value: 14, per: 'week' }], null)).toEqual([
      { date: '2026-10-01', value: 14, per: 'week' },
    ]);
  });

  it('drops values that are not finite numbers', () => {
    expect(
      normalizeSeries(
        [
          { date: '2026-10-01', value: Number.NaN },
          { date: '2026-10-02', value: 3 },
        ],
        null,
      ),
    ).toHaveLength(1);
  });
});
