import { describe, expect, it } from 'vitest';
import { readForTest } from '../testing/read-for-test.js';
import { describeGoal, judgeMeasurable } from './judge-measurable.js';

const judge = (text: string) => judgeMeasurable(readForTest(text), text);

describe('judgeMeasurable', () => {
  it.each([
    'Lower GAD-7 from 15 to ≤7.',
    'Attend work five days a week.',
    'Eliminate safety behaviours.',
    'Resume driving on highways.',
    'Reduce PCL-5 by at least 10 points.',
    'Fall asleep within 30 minutes.',
  ])('finds "%s" measurable', (text) => {
    expect(judge(text).verdict.met).toBe(true);
  });

  it('asks for the value when a measure is named without one', () => {
    const { verdict, findings } = judge('Reduce panic attacks.');
    expect(verdict.met).toBe(false);
    expect(findings[0]).toMatchObject({ code: 'goal-no-target-value' });
  });

  it('names the instrument in the suggestion', () => {
    expect(judge('Improve GAD-7 score.').findings[0]?.suggestion).toContain('GAD-7');
  });

  it('reports no measure for a vague goal', () => {
    expect(judge('Reduce anxiety.').findings.map((f) => f.code)).toEqual(['goal-no-measure']);
  });

  it('does not take a vague frequency or a comparative for a number', () => {
    expect(judge('Exercise regularly.').verdict.met).toBe(false);
    expect(judge('Exercise more.').verdict.met).toBe(false);
  });

  it('describes the target in the reason', () => {
    expect(judge('Lower GAD-7 from 15 to ≤7.').verdict.reason).toBe('Target: GAD-7 ≤ 7');
  });
});

describe('describeGoal', () => {
  it('writes each kind of goal in words', () => {
    expect(describeGoal({ kind: 'absolute', value: 5, comparator: '>=', per: 'week' })).toBe('≥ 5 per week');
    expect(describeGoal({ kind: 'absolute', value: 30, comparator: '<=', per: null }, 'minute')).toBe('≤ 30 minutes');
    expect(describeGoal({ kind: 'change', change: -10 })).toBe('a change of -10 points');
    expect(describeGoal({ kind: 'change-percent', changePercent: -50 })).toBe('a 50% reduction');
    expect(describeGoal({ kind: 'reliable-improvement', change: -6 })).toBe('a reliable improvement (-6 points)');
  });
});
