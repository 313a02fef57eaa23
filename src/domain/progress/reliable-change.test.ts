import { describe, expect, it } from 'vitest';
import {
  classifyReliableChange,
  computeReliableChangeIndex,
  computeReliableChangeThreshold,
} from './reliable-change.js';

const lowerBetter = (threshold: number | null) => ({
  reliableChangeThreshold: threshold,
  direction: 'lower-is-better' as const,
});

describe('classifyReliableChange', () => {
  it('counts a change of exactly the threshold as reliable, one less as not', () => {
    expect(classifyReliableChange(lowerBetter(6), 18, 12)).toBe('improvement');
    expect(classifyReliableChange(lowerBetter(6), 18, 13)).toBe('none');
    expect(classifyReliableChange(lowerBetter(6), 12, 18)).toBe('deterioration');
    expect(classifyReliableChange(lowerBetter(6), 13, 18)).toBe('none');
  });

  it('reads the direction: on a higher-is-better scale a rise is improvement', () => {
    const higherBetter = { reliableChangeThreshold: 4, direction: 'higher-is-better' as const };
    expect(classifyReliableChange(higherBetter, 10, 14)).toBe('improvement');
    expect(classifyReliableChange(higherBetter, 14, 10)).toBe('deterioration');
  });

  it('returns null without a threshold', () => {
    expect(classifyReliableChange(lowerBetter(null), 30, 0)).toBeNull();
  });
});

describe('computeReliableChangeIndex', () => {
  it('divides the change by SD × √2 × √(1 − r)', () => {
    // Sdiff = 5 × √2 × √0.16 = 5 × 1.41421 × 0.4 = 2.82843
    expect(computeReliableChangeIndex(20, 10, 5, 0.84)).toBeCloseTo(-10 / 2.828427, 5);
  });

  it('refuses a reliability of 1 or a non-positive SD', () => {
    expect(() => computeReliableChangeIndex(1, 2, 5, 1)).toThrow(RangeError);
    expect(() => computeReliableChangeIndex(1, 2, 0, 0.8)).toThrow(RangeError);
  });
});

describe('computeReliableChangeThreshold', () => {
  it('is 1.96 × SD × √(2(1 − r))', () => {
    expect(computeReliableChangeThreshold(5, 0.84)).toBeCloseTo(1.96 * 5 * Math.sqrt(0.32), 10);
    expect(computeReliableChangeThreshold(10, 0.5)).toBeCloseTo(19.6, 10);
  });
});
