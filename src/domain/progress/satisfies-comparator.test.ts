import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comparator } from '../treatment-plans/target.js';
import { satisfiesComparator } from './satisfies-comparator.js';

describe('satisfiesComparator', () => {
  it.each([
    [9, '<=', 9, true],
    [10, '<=', 9, false],
    [9, '<', 9, false],
    [8, '<', 9, true],
    [10, '>=', 10, true],
    [9, '>=', 10, false],
    [10, '>', 10, false],
    [11, '>', 10, true],
    [0, '=', 0, true],
    [0.5, '=', 0, false],
  ] as const)('%d %s %d is %s', (value, comparator, bound, expected) => {
    expect(satisfiesComparator(value, comparator, bound)).toBe(expected);
  });

  it('agrees with the JavaScript operator for every comparator', () => {
    const operators: Record<Comparator, (a: number, b: number) => boolean> = {
      '<=': (a, b) => a <= b,
      '<': (a, b) => a < b,
      '>=': (a, b) => a >= b,
      '>': (a, b) => a > b,
      '=': (a, b) => a === b,
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.constantFrom<Comparator>('<=', '<', '>=', '>', '='),
        fc.integer({ min: -50, max: 50 }),
        (value, comparator, bound) => {
          expect(satisfiesComparator(value, comparator, bound)).toBe(operators[comparator](value, bound));
        },
      ),
    );
  });
});
