import { describe, expect, it } from 'vitest';
import type { Target } from '../treatment-plans/target.js';
import { betterSideOf, resolveTargetGoal } from './resolve-target-goal.js';

type GoalInput = Pick<Target, 'goal' | 'direction'>;

describe('resolveTargetGoal', () => {
  it.each<[string, GoalInput, number | null, number | null, unknown]>([
    [
      'an absolute goal as written',
      { direction: 'decrease', goal: { kind: 'absolute', value: 9, comparator: '<=' } },
      18,
      6,
      { value: 9, comparator: '<=', better: 'lower' },
    ],
    [
      'an absolute goal without a baseline',
      { direction: 'increase', goal: { kind: 'absolute', value: 3, comparator: '>=' } },
      null,
      null,
      { value: 3, comparator: '>=', better: 'higher' },
    ],
    [
      '"≥ 10 points lower" from 22',
      { direction: 'decrease', goal: { kind: 'change', change: -10 } },
      22,
      6,
      { value: 12, comparator: '<=', better: 'lower' },
    ],
    [
      '"at least 3 more a week" from 1',
      { direction: 'increase', goal: { kind: 'change', change: 3 } },
      1,
      null,
      { value: 4, comparator: '>=', better: 'higher' },
    ],
    [
      '"≥ 50 % reduction" from 18',
      { direction: 'decrease', goal: { kind: 'change-percent', changePercent: -50 } },
      18,
      6,
      { value: 9, comparator: '<=', better: 'lower' },
    ],
    [
      'a zero change to maintain',
      { direction: 'maintain', goal: { kind: 'change', change: 0 } },
      5,
      null,
      { value: 5, comparator: '=', better: 'nearer' },
    ],
    [
      'a zero change to decrease (no worse than baseline)',
      { direction: 'decrease', goal: { kind: 'change', change: 0 } },
      5,
      null,
      { value: 5, comparator: '<=', better: 'lower' },
    ],
    [
      'reliable improvement on PHQ-9 from 18 (threshold 6)',
      { direction: 'decrease', goal: { kind: 'reliable-improvement' } },
      18,
      6,
      { value: 12, comparator: '<=', better: 'lower' },
    ],
    [
      'reliable improvement upwards',
      { direction: 'increase', goal: { kind: 'reliable-improvement' } },
      10,
      4,
      { value: 14, comparator: '>=', better: 'higher' },
    ],
  ])('resolves %s', (_name, target, baseline, threshold, expected) => {
    expect(resolveTargetGoal(target, baseline, threshold)).toEqual({ kind: 'resolved', goal: expected });
  });

  it.each<[string, GoalInput, number | null, number | null, string]>([
    [
      'a change without a baseline',
      { direction: 'decrease', goal: { kind: 'change', change: -5 } },
      null,
      6,
      'no-baseline',
    ],
    [
      'a percent change without a baseline',
      { direction: 'decrease', goal: { kind: 'change-percent', changePercent: -50 } },
      null,
      6,
      'no-baseline',
    ],
    [
      'reliable improvement without a threshold',
      { direction: 'decrease', goal: { kind: 'reliable-improvement' } },
      18,
      null,
      'reliable-change-threshold-unknown',
    ],
    [
      'reliable improvement with direction maintain',
      { direction: 'maintain', goal: { kind: 'reliable-improvement' } },
      18,
      6,
      'improvement-direction-unknown',
    ],
  ])('cannot resolve %s', (_name, target, baseline, threshold, reason) => {
    expect(resolveTargetGoal(target, baseline, threshold)).toEqual({ kind: 'unresolved', reason });
  });
});

describe('betterSideOf', () => {
  it.each([
    ['<=', 'lower'],
    ['<', 'lower'],
    ['>=', 'higher'],
    ['>', 'higher'],
    ['=', 'nearer'],
  ] as const)('says %s prefers %s values', (comparator, better) => {
    expect(betterSideOf(comparator)).toBe(better);
  });
});
