import { describe, expect, it } from 'vitest';
import { summarizePlanProgress } from '../progress/summarize-plan-progress.js';
import type { Goal } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import { draftReview, measureKeyOf } from './draft-review.js';
import { findLackOfProgress, midpointOf } from './find-lack-of-progress.js';
import { goalStatusAfterReview } from './goal-status-after-review.js';
import type { ReviewGoal } from './review.js';
import { nextReviewDateAfter, reviewDueDate, reviewDueState } from './review-schedule.js';

// PHQ-9 reliable change 6, GAD-7 4 (reference/measures.md Methods A/B, NHS Talking Therapies [S11][S12]).
const instruments = (id: string) =>
  ({ phq9: { reliableChangeThreshold: 6 }, gad7: { reliableChangeThreshold: 4 } })[id];

const phq9: Target = {
  id: 't-phq9',
  measure: { kind: 'instrument', instrumentId: 'phq9' },
  direction: 'decrease',
  baseline: 18,
  goal: { kind: 'absolute', value: 9, comparator: '<=' },
  per: null,
  startDate: '2026-09-01',
  dueDate: '2026-12-01',
};
const gad7: Target = { ...phq9, id: 't-gad7', measure: { kind: 'instrument', instrumentId: 'gad7' }, baseline: 12 };
const counted: Target = {
  ...phq9,
  id: 't-count',
  measure: { kind: 'behavior', behaviorId: 'b1' },
  baseline: 5,
  goal: { kind: 'absolute', value: 1, comparator: '<=' },
  per: 'week',
};

function goal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'g1',
    lineageId: 'g1',
    position: 1,
    statement: 'Reduce PHQ-9 to 9 or less by December',
    clientWords: null,
    formulationElementIds: [],
    targets: [phq9],
    startDate: '2026-09-01',
    dueDate: '2026-12-01',
    status: 'active',
    endorsement: null,
    objectives: [
      {
        id: 'o1',
        position: 1,
        statement: 'Schedule three valued activities a week',
        dueDate: '2026-10-15',
        targets: [counted],
        interventions: [
          { id: 'i1', libraryId: 'ba', name: 'Behavioural activation', deliveredBy: 'clinician', frequency: 'weekly' },
          { id: 'i2', libraryId: null, name: 'Activity diary', deliveredBy: '', frequency: '' },
        ],
      },
    ],
    ...overrides,
  };
}

function progressOf(goals: readonly Goal[], series: Record<string, { date: string; value: number }[]>, today: string) {
  return summarizePlanProgress(goals, series, { today, instruments });
}

describe('goalStatusAfterReview', () => {
  it.each([
    ['met', 'continue', 'met'],
    ['partially-met', 'continue', 'active'],
    ['not-met', 'continue', 'active'],
    ['met', 'revise', 'revised'],
    ['not-met', 'revise', 'revised'],
    ['met', 'discontinue', 'discontinued'],
    ['partially-met', 'discontinue', 'discontinued'],
  ] as const)('turns outcome %s with decision %s into lifecycle status %s', (outcome, decision, status) => {
    expect(goalStatusAfterReview(outcome, decision)).toBe(status);
  });
});

describe('reviewDueDate', () => {
  const plan = { establishedDate: '2026-09-01', nextReviewDate: '2026-11-30' };
  it('is the plan’s next review date before any review', () => {
    expect(reviewDueDate(plan, null)).toBe('2026-11-30');
  });
  it('moves to the next date a signed review set', () => {
    expect(reviewDueDate(plan, { reviewDate: '2026-11-28', nextReviewDate: '2027-02-26' })).toBe('2027-02-26');
  });
  it('keeps the later of the plan’s date and the review’s', () => {
    expect(
      reviewDueDate(
        { ...plan, nextReviewDate: '2027-03-15' },
        { reviewDate: '2026-11-28', nextReviewDate: '2027-02-26' },
      ),
    ).toBe('2027-03-15');
  });
  it('is never more than 365 days after the last review, or after establishment', () => {
    expect(reviewDueDate({ establishedDate: '2026-01-01', nextReviewDate: '2027-06-01' }, null)).toBe('2027-01-01');
    expect(
      reviewDueDate(
        { ...plan, nextReviewDate: '2028-01-01' },
        { reviewDate: '2026-12-01', nextReviewDate: '2028-01-01' },
      ),
    ).toBe('2027-12-01');
  });
});

describe('reviewDueState', () => {
  it.each([
    ['2026-12-10', '2026-12-01', 30, 'due', 9],
    ['2026-12-10', '2026-12-10', 0, 'due', 0],
    ['2026-12-10', '2026-12-11', 30, 'overdue', 1],
    ['2027-03-10', '2026-12-01', 30, 'not-due', 99],
  ] as const)('due %s, today %s, within %i days → %s (%i days)', (due, today, within, state, days) => {
    expect(reviewDueState(due, today, within)).toEqual({ state, days });
  });
  it('sets the next date the plan’s interval after the review, at most a year', () => {
    expect(nextReviewDateAfter('2026-11-26', 90)).toBe('2027-02-24');
    expect(nextReviewDateAfter('2026-11-26', 900)).toBe('2027-11-26');
  });
});

describe('findLackOfProgress', () => {
  const run = (g: Goal, series: Record<string, { date: string; value: number }[]>, today: string) =>
    findLackOfProgress(g, progressOf([g], series, today).goals[0], { today, instruments });

  it('puts the midpoint halfway between start and due date', () => {
    expect(midpointOf('2026-09-01', '2026-12-01')).toBe('2026-10-16');
  });
  it('opens no task before the midpoint while the change is not a deterioration', () => {
    expect(run(goal(), { 't-phq9': [{ date: '2026-10-01', value: 17 }] }, '2026-10-10')).toEqual([]);
  });
  it('opens a task at the midpoint without a reliable improvement (−5 on PHQ-9 is not reliable)', () => {
    expect(run(goal(), { 't-phq9': [{ date: '2026-10-15', value: 13 }] }, '2026-10-16')).toEqual([
      {
        kind: 'review-plan',
        goalId: 'g1',
        targetId: 't-phq9',
        reason: 'no-reliable-improvement-by-midpoint',
        midpoint: '2026-10-16',
      },
    ]);
  });
  it('opens none after the midpoint when the improvement is reliable (−6)', () => {
    expect(run(goal(), { 't-phq9': [{ date: '2026-10-15', value: 12 }] }, '2026-10-20')).toEqual([]);
  });
  it('opens a task at once on a reliable deterioration (+6), whatever the date', () => {
    const tasks = run(goal(), { 't-phq9': [{ date: '2026-09-15', value: 24 }] }, '2026-09-16');
    expect(tasks.map((t) => t.reason)).toEqual(['reliable-deterioration']);
  });
  it('counts nothing measured since the start as no improvement by the midpoint', () => {
    expect(run(goal(), {}, '2026-11-01').map((t) => t.reason)).toEqual(['no-reliable-improvement-by-midpoint']);
  });
  it('leaves out counts without a threshold, met targets and closed goals', () => {
    expect(run(goal({ targets: [] }), { 't-count': [{ date: '2026-10-15', value: 9 }] }, '2026-11-01')).toEqual([]);
    expect(run(goal(), { 't-phq9': [{ date: '2026-10-15', value: 8 }] }, '2026-11-01')).toEqual([]);
    expect(run(goal({ status: 'discontinued' }), {}, '2026-11-01')).toEqual([]);
  });
});

describe('draftReview', () => {
  const series = {
    't-phq9': [
      { date: '2026-09-01', value: 18 },
      { date: '2026-11-20', value: 11 },
    ],
    't-gad7': [{ date: '2026-11-20', value: 16 }],
    't-count': [{ date: '2026-11-16', value: 2 }],
  };
  const goals = [
    goal(),
    goal({ id: 'g2', lineageId: 'g2', position: 2, statement: 'Worry less', targets: [gad7], objectives: [] }),
    goal({ id: 'g3', lineageId: 'g3', position: 3, statement: 'Already met', status: 'met', objectives: [] }),
  ];
  const today = '2026-11-26';
  const draft = () => draftReview({ goals }, progressOf(goals, series, today), null, { today, instruments });

  it('drafts every goal still worked on, in plan order, with nothing decided yet', () => {
    const drafted = draft();
    expect(drafted.map((g) => g.goalId)).toEqual(['g1', 'g2']);
    expect(drafted.map((g) => [g.outcome, g.decision, g.note])).toEqual([
      [null, null, ''],
      [null, null, ''],
    ]);
  });

  it('gives each target the change since its baseline with the reliable-change flag', () => {
    const [g1, g2] = draft();
    expect(g1?.targets[0]).toEqual({
      targetId: 't-phq9',
      measureKey: 'instrument:phq9',
      label: 'phq9',
      fromSource: 'baseline',
      from: 18,
      fromDate: null,
      to: 11,
      toDate: '2026-11-20',
      change: -7,
      reliableChange: 'improvement',
      status: 'on-track',
    });
    expect(g1?.targets[1]).toMatchObject({
      measureKey: 'behavior:b1',
      from: 5,
      to: 2,
      change: -3,
      reliableChange: null,
    });
    expect(g2?.targets[0]).toMatchObject({ from: 12, to: 16, change: 4, reliableChange: 'deterioration' });
    expect(g2?.tasks.map((t) => t.reason)).toEqual(['reliable-deterioration']);
  });

  it('lists objectives with their progress and interventions in words', () => {
    expect(draft()[0]?.objectives).toEqual([
      {
        objectiveId: 'o1',
        statement: 'Schedule three valued activities a week',
        progress: expect.any(String),
        interventions: ['Behavioural activation (clinician, weekly)', 'Activity diary'],
      },
    ]);
  });

  it('measures from the last review, matched by lineage and measure when the plan version changed', () => {
    const last: ReviewGoal = {
      ...draft()[0]!,
      goalId: 'old-g1',
      targets: [{ ...draft()[0]!.targets[0]!, targetId: 'old-t', to: 14, toDate: '2026-10-01' }],
    };
    const revised = [goal({ id: 'g1-v2', lineageId: 'g1', targets: [{ ...phq9, id: 't-v2' }] })];
    const seriesV2 = { 't-v2': series['t-phq9'] };
    const [g] = draftReview(
      { goals: revised },
      progressOf(revised, seriesV2, today),
      { goals: [last] },
      {
        today,
        instruments,
      },
    );
    expect(g?.targets[0]).toMatchObject({
      targetId: 't-v2',
      fromSource: 'last-review',
      from: 14,
      fromDate: '2026-10-01',
      to: 11,
      change: -3,
      reliableChange: 'none',
    });
  });

  it('names measures with the labels given, else by id', () => {
    const labels = (m: Target['measure']) => (m.kind === 'behavior' ? 'Valued activities' : undefined);
    const [g1] = draftReview({ goals }, progressOf(goals, series, today), null, { today, instruments, labels });
    expect(g1?.targets.map((t) => t.label)).toEqual(['phq9', 'Valued activities']);
  });

  it('is deterministic', () => {
    expect(draft()).toEqual(draft());
    expect(measureKeyOf({ kind: 'instrument', instrumentId: 'pcl5', subscale: 'b' })).toBe('instrument:pcl5:b');
  });
});
