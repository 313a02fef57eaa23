import { describe, expect, it } from 'vitest';
import { readForTest } from '../testing/read-for-test.js';
import { TEST_GOAL_TEXT_INSTRUMENTS } from '../testing/test-goal-text-instruments.js';
import { checkTargetValues, rangeOf, satisfies } from './check-target-values.js';

const codes = (text: string) => checkTargetValues(readForTest(text), text, undefined).map((f) => f.code);

describe('checkTargetValues', () => {
  it('finds nothing wrong in a sound goal', () => {
    expect(codes('Lower GAD-7 from 15 to ≤7 within 12 weeks.')).toEqual([]);
  });

  it('flags a value outside the instrument range', () => {
    expect(codes('Reduce PHQ-9 from 35 to 9.')).toContain('goal-value-out-of-range');
  });

  it('flags a target the baseline already meets', () => {
    expect(codes('Reduce PHQ-9 from 8 to 9 or below.')).toContain('goal-target-already-met');
  });

  it('flags a change smaller than the reliable-change threshold', () => {
    expect(codes('Reduce PHQ-9 from 12 to 9.')).toContain('goal-change-below-reliable-change');
  });

  it('flags a target that goes against the verb', () => {
    expect(codes('Reduce panic attacks from 2 to 5 per week.')).toContain('goal-direction-conflict');
  });

  it('flags a band the instrument does not have', () => {
    expect(codes('Reduce PCL-5 to the mild range.')).toContain('goal-unknown-band');
  });

  it('notes a scale Cairn does not know and a missing baseline', () => {
    expect(codes('Decrease BDI-II to 13.')).toEqual(['goal-missing-baseline', 'goal-unknown-instrument']);
  });
});

describe('satisfies', () => {
  it('compares with each comparator', () => {
    expect([
      satisfies(9, '<=', 9),
      satisfies(9, '<', 9),
      satisfies(5, '>=', 5),
      satisfies(5, '>', 5),
      satisfies(3, '=', 3),
    ]).toEqual([true, false, true, false, true]);
  });
});

describe('rangeOf', () => {
  it('uses the subscale range when one is named', () => {
    const dass = TEST_GOAL_TEXT_INSTRUMENTS.find((i) => i.id === 'dass21');
    expect(dass && rangeOf(dass, 'depression')).toEqual({ min: 0, max: 42 });
  });
});
