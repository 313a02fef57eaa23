import { describe, expect, it } from 'vitest';
import { behaviorTargetValue, chooseInstrumentTarget, instantiateProblemModel } from './instantiate-problem-model.js';
import { getProblemModel } from './list-problem-models.js';
import { proposeInstrumentTargets } from './propose-instrument-targets.js';
import { TEST_GAD7, TEST_INSTRUMENTS, TEST_PHQ9 } from './testing/test-instruments.js';

const base = { startDate: '2026-09-01', durationWeeks: 16, instruments: TEST_INSTRUMENTS };

describe('instantiateProblemModel', () => {
  it('fills the GAD goal from the client’s latest GAD-7 with the below-caseness target and its source', () => {
    const drafts = instantiateProblemModel(getProblemModel('gad'), {
      ...base,
      baseline: { latestScores: { gad7: 15 } },
    });
    const goal = drafts.goals[0];
    expect(goal?.statement).toBe('Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 16 weeks');
    expect(goal?.missing).toEqual([]);
    expect(goal?.target).toEqual({
      measure: { kind: 'instrument', instrumentId: 'gad7' },
      direction: 'decrease',
      baseline: 15,
      goal: { kind: 'absolute', value: 7, comparator: '<=' },
      per: null,
      startDate: '2026-09-01',
      dueDate: '2026-12-22',
    });
    expect(goal?.basis?.kind === 'instrument-rule' && goal.basis.proposal.source).toContain('measures.md §2');
  });

  it('fills behaviour goals from the client’s counts with the library’s labelled default', () => {
    const drafts = instantiateProblemModel(getProblemModel('panic'), {
      ...base,
      durationWeeks: 12,
      baseline: { behaviorCounts: { 'panic-attacks': 5 } },
    });
    const goal = drafts.goals.find((g) => g.libraryId === 'panic.goal.fewer-attacks');
    expect(goal?.statement).toBe('Reduce panic attacks from 5 to 2 or fewer per week within 12 weeks');
    expect(goal?.target).toMatchObject({ per: 'week', goal: { value: 2, comparator: '<=' } });
    expect(goal?.basis).toMatchObject({ kind: 'library-default' });
    expect(goal?.basis?.kind === 'library-default' && goal.basis.rationale).toContain('agree');
  });

  it('leaves the baseline and target visible and listed when the client has no data', () => {
    const drafts = instantiateProblemModel(getProblemModel('depression'), { ...base, baseline: {} });
    const goal = drafts.goals[0];
    expect(goal?.statement).toBe(
      'Reduce depression symptoms on the PHQ-9 from [baseline] to [target] or below within 16 weeks',
    );
    expect(goal?.missing).toEqual(['baseline', 'target']);
    expect(goal?.target).toBeNull();
  });

  it('uses the next preferred instrument the client has a score on', () => {
    const drafts = instantiateProblemModel(getProblemModel('panic'), {
      ...base,
      baseline: { latestScores: { gad7: 12 } },
    });
    const goal = drafts.goals.find((g) => g.libraryId === 'panic.goal.reduce-symptoms');
    expect(goal?.statement).toBe('Reduce anxiety symptoms on the GAD-7 from 12 to 7 or below within 16 weeks');
  });

  it('places objectives under the first goal addressing their factor, with catalogue interventions and due dates', () => {
    const drafts = instantiateProblemModel(getProblemModel('depression'), { ...base, baseline: {} });
    expect(drafts.goals.map((g) => g.objectives.map((o) => o.libraryId))).toEqual([
      [
        'depression.withdrawal.activity-diary',
        'depression.withdrawal.scheduled-activities',
        'depression.rumination.fewer-episodes',
        'depression.negative-thoughts.thought-records',
      ],
      [],
    ]);
    const diary = drafts.goals[0]?.objectives[0];
    expect(diary?.statement).toBe(
      'Keep a daily activity and mood diary for two weeks and review it in session within 2 weeks',
    );
    expect(diary?.dueDate).toBe('2026-09-15');
    expect(diary?.interventions[0]).toEqual({
      libraryId: 'activity-monitoring',
      name: 'Activity monitoring',
      deliveredBy: 'client as homework, reviewed by the clinician',
      frequency: 'daily',
    });
  });

  it('keeps only goals and objectives of the given factors', () => {
    const drafts = instantiateProblemModel(getProblemModel('depression'), {
      ...base,
      baseline: {},
      factorKeys: ['depression.withdrawal'],
    });
    expect(drafts.goals.map((g) => [g.libraryId, g.objectives.map((o) => o.factorKey)])).toEqual([
      ['depression.goal.reduce-symptoms', ['depression.withdrawal', 'depression.withdrawal']],
      ['depression.goal.valued-activities', []],
    ]);
  });
});

describe('chooseInstrumentTarget', () => {
  it('prefers a reliable change over a smaller next-band-down target', () => {
    const proposals = proposeInstrumentTargets(TEST_PHQ9, 18, { prefer: ['next-band-down', 'reliable-improvement'] });
    expect(chooseInstrumentTarget(proposals, TEST_PHQ9, 16)?.rule).toBe('reliable-improvement');
  });

  it('skips a target beyond the instrument’s sourced typical change in the weeks given', () => {
    const fast = { ...TEST_GAD7, typicalChangePerWeek: 0.5 };
    const proposals = proposeInstrumentTargets(fast, 15, { prefer: ['below-caseness', 'reliable-improvement'] });
    expect(chooseInstrumentTarget(proposals, fast, 8)?.rule).toBe('reliable-improvement');
    expect(chooseInstrumentTarget(proposals, fast, 4)).toBeNull();
  });
});

describe('behaviorTargetValue', () => {
  const half = { kind: 'change-percent', changePercent: -50, rationale: 'x' } as const;

  it('halves a count going down, rounding towards the goal', () => {
    expect(behaviorTargetValue(half, 5, { direction: 'decrease' })).toBe(2);
  });

  it('keeps an increase within the measure’s maximum', () => {
    expect(
      behaviorTargetValue({ kind: 'change', change: 3, rationale: 'x' }, 6, { direction: 'increase', max: 7 }),
    ).toBe(7);
  });

  it('gives null when the rule asks for no change from this baseline', () => {
    expect(behaviorTargetValue(half, 0, { direction: 'decrease' })).toBeNull();
    expect(
      behaviorTargetValue({ kind: 'change', change: 3, rationale: 'x' }, 7, { direction: 'increase', max: 7 }),
    ).toBeNull();
  });
});
