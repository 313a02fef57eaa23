import { describe, expect, it } from 'vitest';
import type { GoalContext, GoalTextInstrument } from '../goal-analysis.js';
import { readElements } from '../read-elements.js';
import { readTargets } from '../read-targets.js';
import { readForTest } from '../testing/read-for-test.js';
import { TEST_GOAL_TEXT_INSTRUMENTS } from '../testing/test-goal-text-instruments.js';
import { tokenize } from '../tokenize.js';
import { judgeAchievable } from './judge-achievable.js';
import { judgeTimeBound } from './judge-time-bound.js';

const today = '2026-09-01';
const judge = (text: string, context?: GoalContext) => {
  const reading = readForTest(text);
  const { deadline } = judgeTimeBound(reading, text, { today });
  return judgeAchievable(reading, deadline, context === undefined ? { today } : { today, context });
};

describe('judgeAchievable', () => {
  it('is not judged without a context', () => {
    expect(judge('Lower GAD-7 from 15 to 7 within 12 weeks.').verdict.met).toBeNull();
  });

  it('is met for a target within the range from the stated baseline', () => {
    expect(judge('Lower GAD-7 from 15 to 7 within 12 weeks.', {}).verdict.met).toBe(true);
  });

  it('takes the latest score as the baseline when the text has none', () => {
    const { verdict } = judge('Reduce PHQ-9 by 10 points within 12 weeks.', { latestScores: { phq9: 18 } });
    expect(verdict.met).toBe(true);
    expect(verdict.reason).toContain('latest PHQ-9 18');
  });

  it('is not met when the change goes past the floor of the scale', () => {
    const { verdict, findings } = judge('Reduce PHQ-9 by 10 points within 12 weeks.', { latestScores: { phq9: 8 } });
    expect(verdict.met).toBe(false);
    expect(findings[0]).toMatchObject({ code: 'goal-target-past-floor', severity: 'error' });
  });

  it('is not met for a target outside the range', () => {
    expect(judge('Reduce PHQ-9 to 30 within 12 weeks.', {}).verdict.met).toBe(false);
  });

  it('needs a baseline for an instrument target', () => {
    expect(judge('Reduce PHQ-9 to 9 within 12 weeks.', {}).verdict).toMatchObject({ met: null });
  });

  it('is not met when the deadline has passed', () => {
    expect(judge('Stop smoking by 1 March 2026.', {}).verdict.met).toBe(false);
  });

  it('is not met when the change per week exceeds the usual rate, when the instrument has one', () => {
    const fast: GoalTextInstrument = {
      ...(TEST_GOAL_TEXT_INSTRUMENTS[0] as GoalTextInstrument),
      typicalChangePerWeek: 0.5,
    };
    const instruments = [fast];
    const text = 'Reduce PHQ-9 from 20 to 5 within 4 weeks.';
    const tokens = tokenize(text);
    const reading = readTargets(
      text,
      tokens,
      readElements(tokens, { today, instruments, allCaps: false }),
      instruments,
    );
    const { deadline } = judgeTimeBound(reading, text, { today });
    const { verdict, findings } = judgeAchievable(reading, deadline, { today, context: {} });
    expect(verdict.met).toBe(false);
    expect(findings[0]?.code).toBe('goal-change-too-fast');
  });

  it('has nothing to judge in a vague goal', () => {
    expect(judge('Reduce anxiety.', {}).verdict.met).toBeNull();
  });
});
