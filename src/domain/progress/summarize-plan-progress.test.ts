import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Goal, Objective } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import { combineProgressWords, ProgressWord, summarizePlanProgress } from './summarize-plan-progress.js';

const phq9: Target = {
  id: 't-phq9',
  measure: { kind: 'instrument', instrumentId: 'phq9' },
  direction: 'decrease',
  baseline: 18,
  goal: { kind: 'absolute', value: 7, comparator: '<=' },
  per: null,
  startDate: '2026-09-01',
  dueDate: '2026-11-24',
};
const panic: Target = {
  id: 't-panic',
  measure: { kind: 'behavior', behaviorId: 'b1' },
  direction: 'decrease',
  baseline: 8,
  goal: { kind: 'absolute', value: 1, comparator: '<=' },
  per: 'week',
  startDate: '2026-09-01',
  dueDate: '2026-10-27',
};
const gad7Objective: Objective = {
  id: 'o1',
  position: 1,
  statement: 'GAD-7 reliably improved by week 8',
  targets: [
    {
      id: 't-gad7',
      measure: { kind: 'instrument', instrumentId: 'gad7' },
      direction: 'decrease',
      baseline: 15,
      goal: { kind: 'reliable-improvement' },
      per: null,
      startDate: '2026-09-01',
      dueDate: '2026-10-27',
    },
  ],
  dueDate: '2026-10-27',
  interventions: [],
};
type GoalInput = Pick<Goal, 'id' | 'status' | 'targets' | 'objectives'>;
const goals: GoalInput[] = [
  { id: 'g1', status: 'active', targets: [phq9], objectives: [gad7Objective] },
  { id: 'g2', status: 'active', targets: [panic], objectives: [] },
  { id: 'g3', status: 'discontinued', targets: [{ ...phq9, id: 't-old' }], objectives: [] },
  { id: 'g4', status: 'active', targets: [], objectives: [] },
];
const thresholds: Record<string, { reliableChangeThreshold: number }> = {
  phq9: { reliableChangeThreshold: 6 },
  gad7: { reliableChangeThreshold: 4 },
};

describe('summarizePlanProgress', () => {
  const summary = summarizePlanProgress(
    goals,
    {
      't-phq9': [{ date: '2026-10-13', value: 13 }],
      't-gad7': [{ date: '2026-10-06', value: 11 }],
      't-panic': [{ date: '2026-10-06', value: 6 }],
    },
    { today: '2026-10-14', instruments: (id) => thresholds[id] },
  );

  it('gives each goal its targets’ statuses and one word', () => {
    expect(summary.goals.map((g) => [g.goalId, g.overall, g.targets.map((t) => t.status)])).toEqual([
      ['g1', 'on-track', ['on-track']],
      ['g2', 'off-track', ['off-track']],
      ['g3', 'not-started', ['not-started']],
      ['g4', 'no-targets', []],
    ]);
  });

  it('gives each objective its own targets and word, using the instrument’s threshold', () => {
    expect(summary.goals[0]?.objectives).toMatchObject([
      { objectiveId: 'o1', overall: 'met', targets: [{ targetId: 't-gad7', status: 'met' }] },
    ]);
  });

  it('sums up the active goals only, and counts the statuses of their targets', () => {
    expect(summary.overall).toBe('off-track');
    expect(summary.statusCounts).toEqual({
      met: 1,
      'on-track': 1,
      'off-track': 1,
      'not-started': 0,
      overdue: 0,
      'no-data': 0,
    });
  });

  it('passes the lifecycle status through and reports the date', () => {
    expect(summary.today).toBe('2026-10-14');
    expect(summary.goals[2]?.lifecycleStatus).toBe('discontinued');
  });

  it('treats a target without a series as having no values', () => {
    const progress = summarizePlanProgress(
      [{ id: 'g', status: 'active', targets: [phq9], objectives: [] }],
      {},
      {
        today: '2026-10-14',
      },
    );
    expect(progress.goals[0]?.targets[0]?.decision.rule).toBe('no-measurement-since-start');
    expect(progress.overall).toBe('not-started');
  });
});

describe('combineProgressWords', () => {
  it.each<[ProgressWord[], ProgressWord]>([
    [[], 'no-targets'],
    [['no-targets'], 'no-targets'],
    [['met', 'met'], 'met'],
    [['met', 'on-track'], 'on-track'],
    [['met', 'no-data'], 'on-track'],
    [['on-track', 'off-track'], 'off-track'],
    [['off-track', 'overdue', 'met'], 'overdue'],
    [['not-started', 'no-data'], 'not-started'],
    [['no-data', 'no-targets'], 'no-data'],
    [['met', 'no-targets'], 'met'],
  ])('combines %o into %s', (words, expected) => {
    expect(combineProgressWords(words)).toBe(expected);
  });

  it('does not depend on order, and says met only when every judged word is met', () => {
    const word = fc.constantFrom(...Object.values(ProgressWord));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (words) => {
        const combined = combineProgressWords(words);
        expect(combineProgressWords([...words].reverse())).toBe(combined);
        if (combined === 'met') expect(words.filter((w) => w !== 'no-targets').every((w) => w === 'met')).toBe(true);
        if (words.includes('overdue')) expect(combined).toBe('overdue');
      }),
    );
  });
});
