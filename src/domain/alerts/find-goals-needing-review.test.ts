import { describe, expect, it } from 'vitest';
import type { Goal } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import type { ReliableChangeInstrument } from './compute-open-alerts.js';
import { findGoalsNeedingReview, targetMidpoint } from './find-goals-needing-review.js';

const instruments: Record<string, ReliableChangeInstrument> = {
  phq9: { reliableChangeThreshold: 6, direction: 'lower-is-better' },
  wsas: { reliableChangeThreshold: null, direction: 'lower-is-better' },
};
const context = (today: string) => ({ today, instruments: (id: string) => instruments[id] });

/** PHQ-9 from 18, 12 weeks from 2026-09-01: midpoint 2026-10-13. */
const phq9Target: Target = {
  id: 't1',
  measure: { kind: 'instrument', instrumentId: 'phq9' },
  direction: 'decrease',
  baseline: 18,
  goal: { kind: 'absolute', value: 9, comparator: '<=' },
  per: null,
  startDate: '2026-09-01',
  dueDate: '2026-11-24',
};
type GoalInput = Pick<Goal, 'id' | 'status' | 'targets' | 'objectives'>;
const goal = (targets: Target[], status: Goal['status'] = 'active'): GoalInput => ({
  id: 'g1',
  status,
  targets,
  objectives: [],
});

describe('targetMidpoint', () => {
  it.each([
    ['2026-09-01', '2026-11-24', '2026-10-13'],
    ['2026-09-01', '2026-09-04', '2026-09-02'],
    ['2026-09-01', '2026-09-01', '2026-09-01'],
  ])('from %s to %s is %s', (startDate, dueDate, midpoint) => {
    expect(targetMidpoint({ startDate, dueDate })).toBe(midpoint);
  });
});

describe('findGoalsNeedingReview', () => {
  it.each([
    ['the day before the midpoint, no improvement', '2026-10-12', [{ date: '2026-10-06', value: 17 }], []],
    [
      'on the midpoint, 5 points better (not reliable)',
      '2026-10-13',
      [{ date: '2026-10-13', value: 13 }],
      ['no-reliable-improvement-by-midpoint'],
    ],
    ['on the midpoint, 6 points better (reliable)', '2026-10-13', [{ date: '2026-10-13', value: 12 }], []],
    ['after the midpoint, nothing measured since the start', '2026-10-20', [], ['no-reliable-improvement-by-midpoint']],
    [
      'early on, 6 points worse (reliable deterioration)',
      '2026-09-15',
      [{ date: '2026-09-15', value: 24 }],
      ['reliable-deterioration'],
    ],
    [
      'after the midpoint, reliably worse',
      '2026-10-20',
      [{ date: '2026-10-20', value: 25 }],
      ['reliable-deterioration'],
    ],
    ['before the start', '2026-08-20', [], []],
  ])('%s', (_name, today, series, codes) => {
    const needs = findGoalsNeedingReview([goal([phq9Target])], { t1: series }, context(today));
    expect(needs.flatMap((n) => n.reasons.map((r) => r.code))).toEqual(codes);
  });

  it('links the task to the goal and gives the numbers behind it', () => {
    expect(
      findGoalsNeedingReview([goal([phq9Target])], { t1: [{ date: '2026-10-13', value: 14 }] }, context('2026-10-14')),
    ).toEqual([
      {
        goalId: 'g1',
        reasons: [
          {
            code: 'no-reliable-improvement-by-midpoint',
            targetId: 't1',
            objectiveId: null,
            data: { baseline: 18, latest: 14, latestDate: '2026-10-13', threshold: 6, midpoint: '2026-10-13' },
          },
        ],
      },
    ]);
  });

  it('looks only at active goals', () => {
    expect(findGoalsNeedingReview([goal([phq9Target], 'discontinued')], {}, context('2026-11-01'))).toEqual([]);
  });

  it('skips behaviour targets and instruments without a reliable-change threshold', () => {
    const behaviour: Target = { ...phq9Target, id: 't2', measure: { kind: 'behavior', behaviorId: 'b1' }, per: 'week' };
    const wsas: Target = { ...phq9Target, id: 't3', measure: { kind: 'instrument', instrumentId: 'wsas' } };
    expect(findGoalsNeedingReview([goal([behaviour, wsas])], {}, context('2026-11-01'))).toEqual([]);
  });

  it('includes the targets of objectives, naming the objective', () => {
    const withObjective: GoalInput = {
      id: 'g2',
      status: 'active',
      targets: [],
      objectives: [{ id: 'o1', position: 1, statement: '', targets: [phq9Target], dueDate: null, interventions: [] }],
    };
    const needs = findGoalsNeedingReview(
      [withObjective],
      { t1: [{ date: '2026-09-15', value: 25 }] },
      context('2026-09-16'),
    );
    expect(needs).toMatchObject([{ goalId: 'g2', reasons: [{ code: 'reliable-deterioration', objectiveId: 'o1' }] }]);
  });

  it('takes the baseline from the series when the target has none', () => {
    const noBaseline = { ...phq9Target, baseline: null };
    const needs = findGoalsNeedingReview(
      [goal([noBaseline])],
      {
        t1: [
          { date: '2026-08-25', value: 20 },
          { date: '2026-10-13', value: 14 },
        ],
      },
      context('2026-10-14'),
    );
    expect(needs).toEqual([]);
  });
});
