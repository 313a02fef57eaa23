import { describe, expect, it } from 'vitest';
import { TEST_GAD7, TEST_PHQ9 } from '../goal-library/testing/test-instruments.js';
import { checkTargetAchievability } from './check-target-achievability.js';
import { buildTestTarget } from './testing/build-test-plan.js';

describe('checkTargetAchievability', () => {
  it('finds a PHQ-9 target of 9 or below from 18 in 16 weeks achievable', () => {
    expect(checkTargetAchievability(buildTestTarget(), TEST_PHQ9)).toEqual({ kind: 'achievable' });
  });

  it.each([
    ['an absolute value below the floor', { goal: { kind: 'absolute', value: -1, comparator: '<=' } }, -1],
    ['strictly below the floor', { goal: { kind: 'absolute', value: 0, comparator: '<' } }, 0],
    ['a change past the floor', { goal: { kind: 'change', change: -20 } }, -2],
    ['a reduction of more than 100%', { goal: { kind: 'change-percent', changePercent: -120 } }, 18 * -0.2],
    ['a reliable improvement past the floor', { baseline: 4, goal: { kind: 'reliable-improvement' } }, -2],
    [
      'a value above the ceiling',
      { direction: 'increase', goal: { kind: 'absolute', value: 30, comparator: '>=' } },
      30,
    ],
  ] as const)('says %s is beyond the scale', (_name, overrides, value) => {
    const verdict = checkTargetAchievability(buildTestTarget(overrides), TEST_PHQ9);
    expect(verdict).toMatchObject({ kind: 'not-achievable', reason: 'beyond-scale' });
    expect(verdict.kind === 'not-achievable' && verdict.targetValue).toBeCloseTo(value);
    expect(verdict.kind === 'not-achievable' && verdict.source).toContain('reference/measures.md §1');
  });

  it('says a count below zero is beyond the scale', () => {
    const target = buildTestTarget({
      measure: { kind: 'behavior', behaviorId: 'panic-attacks' },
      baseline: 4,
      goal: { kind: 'change', change: -6 },
      per: 'week',
    });
    expect(checkTargetAchievability(target, undefined)).toMatchObject({
      kind: 'not-achievable',
      reason: 'beyond-scale',
    });
  });

  it('compares with the sourced typical change per week, and only when there is one', () => {
    const sourced = { ...TEST_GAD7, typicalChangePerWeek: 0.5 };
    const target = buildTestTarget({
      measure: { kind: 'instrument', instrumentId: 'gad7' },
      baseline: 15,
      goal: { kind: 'absolute', value: 7, comparator: '<=' },
      dueDate: '2026-10-13',
    });
    expect(checkTargetAchievability(target, sourced)).toMatchObject({
      kind: 'not-achievable',
      reason: 'faster-than-typical-course',
      weeks: 6,
      weeksNeeded: 16,
    });
    expect(checkTargetAchievability(target, TEST_GAD7)).toEqual({ kind: 'achievable' });
  });

  it('says a target due no later than it starts has no time', () => {
    expect(checkTargetAchievability(buildTestTarget({ dueDate: '2026-08-31' }), TEST_PHQ9)).toMatchObject({
      kind: 'not-achievable',
      reason: 'no-time',
    });
  });

  it('says when the baseline already meets the target, except for maintain targets', () => {
    expect(checkTargetAchievability(buildTestTarget({ baseline: 7 }), TEST_PHQ9)).toEqual({
      kind: 'already-met',
      baseline: 7,
      targetValue: 9,
    });
    expect(checkTargetAchievability(buildTestTarget({ baseline: 7, direction: 'maintain' }), TEST_PHQ9)).toEqual({
      kind: 'achievable',
    });
  });

  it('cannot judge an instrument it has no definition for, or a relative target without a baseline', () => {
    expect(checkTargetAchievability(buildTestTarget(), undefined)).toEqual({ kind: 'unknown' });
    expect(
      checkTargetAchievability(buildTestTarget({ baseline: null, goal: { kind: 'change', change: -5 } }), TEST_PHQ9),
    ).toEqual({ kind: 'unknown' });
  });
});
