import { describe, expect, it } from 'vitest';
import { computeProgressTolerance, DEFAULT_PROGRESS_SETTINGS } from './progress-tolerance.js';

describe('computeProgressTolerance', () => {
  it('allows half the reliable-change threshold on an instrument that has one', () => {
    expect(computeProgressTolerance({ kind: 'instrument', instrumentId: 'phq9' }, -11, 6)).toEqual({
      value: 3,
      basis: 'fraction-of-reliable-change',
    });
    expect(computeProgressTolerance({ kind: 'instrument', instrumentId: 'gad7' }, -8, 4).value).toBe(2);
  });

  it('allows a quarter of the planned change on a behaviour', () => {
    expect(computeProgressTolerance({ kind: 'behavior', behaviorId: 'b1' }, -8, null)).toEqual({
      value: 2,
      basis: 'fraction-of-planned-change',
    });
  });

  it('falls back to the planned change on an instrument without a threshold', () => {
    expect(computeProgressTolerance({ kind: 'instrument', instrumentId: 'wsas' }, -12, null)).toEqual({
      value: 3,
      basis: 'fraction-of-planned-change',
    });
  });

  it('allows half a level on a goal-attainment scale', () => {
    expect(computeProgressTolerance({ kind: 'gas' }, 2, null)).toEqual({ value: 0.5, basis: 'gas-levels' });
  });

  it('follows the practice settings', () => {
    const settings = { ...DEFAULT_PROGRESS_SETTINGS, instrumentToleranceFraction: 1, behaviorToleranceFraction: 0.5 };
    expect(computeProgressTolerance({ kind: 'instrument', instrumentId: 'phq9' }, -11, 6, settings).value).toBe(6);
    expect(computeProgressTolerance({ kind: 'behavior', behaviorId: 'b1' }, 8, null, settings).value).toBe(4);
  });
});
