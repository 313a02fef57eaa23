import { describe, expect, it } from 'vitest';
import type { Formulation } from '../formulation/formulation.js';
import { TEST_INSTRUMENTS } from '../goal-library/testing/test-instruments.js';
import { analyzeGoalText } from '../goal-text/analyze-goal-text.js';
import { type GoalRewrite, type SuggestGoalRewritesInput, suggestGoalRewrites } from './suggest-goal-rewrites.js';
import { toGoalTextInstruments } from './to-goal-text-instruments.js';

const today = '2026-09-01';
const plan = { startDate: '2026-09-01', durationWeeks: 16 };
const instruments = TEST_INSTRUMENTS;

const formulation: Formulation = {
  id: 'f1',
  clientId: 'c1',
  problemAreas: ['gad', 'depression', 'panic', 'insomnia'],
  elements: [
    { id: 'fe1', kind: 'perpetuating', text: 'Worry about money', libraryKey: 'gad.worry' },
    { id: 'fe2', kind: 'rule-assumption', text: 'I must be certain', libraryKey: 'gad.intolerance-of-uncertainty' },
    { id: 'fe3', kind: 'perpetuating', text: 'Stopped seeing friends', libraryKey: 'depression.withdrawal' },
    { id: 'fe4', kind: 'safety-behaviour', text: 'Carrying water', libraryKey: 'panic.safety-behaviours' },
    { id: 'fe5', kind: 'perpetuating', text: 'Lying in bed awake', libraryKey: 'insomnia.conditioned-arousal' },
  ],
};

/** Analyses a rewrite as the plan editor would: with the client's data, the formulation links and the plan start. */
function reanalyse(rewrite: GoalRewrite, input: SuggestGoalRewritesInput) {
  return analyzeGoalText(rewrite.text, {
    today: input.today,
    instruments: toGoalTextInstruments(input.instruments),
    context: {
      latestScores: input.client?.latestScores ?? {},
      startDate: input.plan.startDate,
      formulationElementIds: rewrite.formulationElementIds,
    },
  });
}

describe('suggestGoalRewrites', () => {
  const anxiety: SuggestGoalRewritesInput = {
    text: 'Reduce anxiety',
    today,
    instruments,
    plan,
    client: { latestScores: { gad7: 15 }, formulation },
  };

  it('turns "Reduce anxiety" for a client with GAD-7 15 into goals that pass every SMART criterion', () => {
    const rewrites = suggestGoalRewrites(anxiety);
    expect(rewrites.map((r) => r.text)).toEqual([
      'Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 16 weeks',
      'Reduce anxiety symptoms on the GAD-7 from 15 to 11 or below within 16 weeks',
    ]);
    for (const rewrite of rewrites) {
      const { smart } = reanalyse(rewrite, anxiety);
      expect(
        [smart.specific, smart.measurable, smart.achievable, smart.relevant, smart.timeBound].map((v) => v.met),
      ).toEqual([true, true, true, true, true]);
    }
  });

  it('explains each rewrite and cites the source of its rule in reference/measures.md', () => {
    const [below, reliable] = suggestGoalRewrites(anxiety);
    expect(below?.rule).toEqual({
      kind: 'instrument',
      rule: 'below-caseness',
      source: 'reference/measures.md §2 Cut-offs, NHS Talking Therapies caseness [S18]',
    });
    expect(below?.explanation).toContain("Baseline: the client's latest GAD-7 score, 15 (severe).");
    expect(below?.explanation).toContain('a score of 8 or more counts as a case');
    expect(below?.explanation).toContain('Due: 2026-12-22, the end of the 16-week plan.');
    expect(reliable?.rule).toMatchObject({
      rule: 'reliable-improvement',
      source: expect.stringContaining('[S11][S12]'),
    });
  });

  it('returns the parsed target and the formulation elements of the area', () => {
    const [first] = suggestGoalRewrites(anxiety);
    expect(first?.target).toEqual({
      measure: { kind: 'instrument', instrumentId: 'gad7' },
      direction: 'decrease',
      baseline: 15,
      goal: { kind: 'absolute', value: 7, comparator: '<=' },
      per: null,
      startDate: '2026-09-01',
      dueDate: '2026-12-22',
    });
    expect(first?.problemArea).toBe('gad');
    expect(first?.formulationElementIds).toEqual(['fe1', 'fe2']);
  });

  it('gives "feel less depressed" with PHQ-9 18 three sourced targets: below caseness, reliable improvement, remission', () => {
    const input: SuggestGoalRewritesInput = {
      ...anxiety,
      text: 'feel less depressed',
      client: { latestScores: { phq9: 18 }, formulation, endorsed: true },
    };
    const rewrites = suggestGoalRewrites(input);
    expect(rewrites.map((r) => [r.text, r.rule.kind === 'instrument' && r.rule.rule])).toEqual([
      ['Reduce depression symptoms on the PHQ-9 from 18 to 9 or below within 16 weeks', 'below-caseness'],
      ['Reduce depression symptoms on the PHQ-9 from 18 to 12 or below within 16 weeks', 'reliable-improvement'],
      ['Reduce depression symptoms on the PHQ-9 from 18 to 4 or below within 16 weeks', 'remission'],
    ]);
    for (const rewrite of rewrites) {
      const { smart } = reanalyse(rewrite, input);
      expect(Object.values(smart).every((verdict) => verdict.met === true)).toBe(true);
    }
    expect(rewrites.every((r) => r.smart.relevant.met === true)).toBe(true);
  });

  it('leaves out a next-band-down target smaller than a reliable change', () => {
    const rewrites = suggestGoalRewrites({
      ...anxiety,
      text: 'feel less depressed',
      client: { latestScores: { phq9: 18 } },
    });
    expect(rewrites.some((r) => r.rule.kind === 'instrument' && r.rule.rule === 'next-band-down')).toBe(false);
  });

  it('turns "sleep better" without an insomnia score into a behavioural target counted on the sleep diary', () => {
    const input: SuggestGoalRewritesInput = { ...anxiety, text: 'sleep better', client: { formulation } };
    const rewrites = suggestGoalRewrites(input);
    expect(rewrites).toHaveLength(1);
    const [sleep] = rewrites;
    expect(sleep?.text).toBe('Reduce nights of poor sleep on the sleep diary by 50% within 16 weeks');
    expect(sleep?.target).toMatchObject({
      measure: { kind: 'behavior', behaviorId: 'poor-sleep-nights' },
      baseline: null,
      goal: { kind: 'change-percent', changePercent: -50 },
      per: 'week',
    });
    expect(sleep?.rule).toMatchObject({ kind: 'behavior-default', libraryId: 'insomnia.goal.better-nights' });
    expect(sleep?.explanation).toContain(
      'record nights of poor sleep on the sleep diary (per week) for the first one to two weeks',
    );
    const { smart } = reanalyse(sleep!, input);
    expect([smart.specific.met, smart.measurable.met, smart.timeBound.met, smart.relevant.met]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(smart.achievable.met).not.toBe(false);
  });

  it('uses a recorded sleep-diary count as the baseline when there is one', () => {
    const [sleep] = suggestGoalRewrites({
      ...anxiety,
      text: 'sleep better',
      client: { behaviorBaselines: [{ behavior: 'nights of poor sleep', value: 5, per: 'week' }] },
    });
    expect(sleep?.text).toBe('Reduce nights of poor sleep from 5 to 2 or fewer per week within 16 weeks');
  });

  it('turns "fewer panic attacks" with a behaviour baseline into a count target from that baseline', () => {
    const input: SuggestGoalRewritesInput = {
      ...anxiety,
      text: 'fewer panic attacks',
      plan: { startDate: '2026-09-01', durationWeeks: 12 },
      client: { formulation, behaviorBaselines: [{ behavior: 'panic attacks', value: 4, per: 'week' }] },
    };
    const [panic] = suggestGoalRewrites(input);
    expect(panic?.text).toBe('Reduce panic attacks from 4 to 2 or fewer per week within 12 weeks');
    expect(panic?.target).toMatchObject({
      baseline: 4,
      goal: { kind: 'absolute', value: 2, comparator: '<=' },
      per: 'week',
    });
    expect(panic?.rule).toMatchObject({ kind: 'behavior-default', libraryId: 'panic.goal.fewer-attacks' });
    expect(panic?.formulationElementIds).toEqual(['fe4']);
    const { smart } = reanalyse(panic!, input);
    expect(Object.values(smart).every((verdict) => verdict.met === true)).toBe(true);
  });

  it('keeps a deadline the goal already states', () => {
    const [first] = suggestGoalRewrites({ ...anxiety, text: 'Reduce anxiety within 12 weeks' });
    expect(first?.text).toBe('Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 12 weeks');
    expect(first?.target.dueDate).toBe('2026-11-24');
  });

  it('rewrites a goal that names the instrument but no target', () => {
    const [first] = suggestGoalRewrites({ ...anxiety, text: 'Lower my GAD-7' });
    expect(first?.text).toBe('Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 16 weeks');
  });

  it('falls back to an instrument the client has a score on when the words name no problem', () => {
    const [first] = suggestGoalRewrites({ ...anxiety, text: 'feel better', client: { latestScores: { phq9: 12 } } });
    expect(first?.text).toBe('Reduce depression symptoms on the PHQ-9 from 12 to 6 or below within 16 weeks');
  });

  it('prefers a reliable improvement when going below caseness would be a smaller change than that', () => {
    const rewrites = suggestGoalRewrites({
      ...anxiety,
      text: 'feel less depressed',
      client: { latestScores: { phq9: 12 } },
    });
    expect(rewrites.map((r) => r.rule.kind === 'instrument' && [r.rule.rule, r.target.goal])).toEqual([
      ['reliable-improvement', { kind: 'absolute', value: 6, comparator: '<=' }],
      ['remission', { kind: 'absolute', value: 4, comparator: '<=' }],
    ]);
  });

  it('offers nothing when there is no data and no problem to go on', () => {
    expect(suggestGoalRewrites({ ...anxiety, text: 'feel better', client: {} })).toEqual([]);
  });

  it('is deterministic', () => {
    expect(suggestGoalRewrites(anxiety)).toEqual(suggestGoalRewrites(anxiety));
  });
});
