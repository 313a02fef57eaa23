import { describe, expect, it } from 'vitest';
import type { Formulation } from '../formulation/formulation.js';
import { suggestFromFormulation } from './suggest-from-formulation.js';
import { TEST_INSTRUMENTS } from './testing/test-instruments.js';

const options = {
  startDate: '2026-09-01',
  durationWeeks: 16,
  instruments: TEST_INSTRUMENTS,
  baseline: { latestScores: { phq9: 18 }, behaviorCounts: { 'rumination-episodes': 10 } },
};

const formulation: Formulation = {
  id: 'f1',
  clientId: 'c1',
  problemAreas: ['depression'],
  elements: [
    { id: 'e1', kind: 'presenting-problem', text: 'Low mood', libraryKey: null },
    {
      id: 'e2',
      kind: 'perpetuating',
      text: 'Going over the redundancy for hours',
      libraryKey: 'depression.rumination',
    },
    { id: 'e3', kind: 'thought', text: 'I am useless', libraryKey: 'depression.negative-thoughts' },
    { id: 'e4', kind: 'thought', text: 'Nobody will hire me', libraryKey: 'depression.negative-thoughts' },
    { id: 'e5', kind: 'avoidance', text: 'Old key', libraryKey: 'depression.retired-key' },
  ],
};

describe('suggestFromFormulation', () => {
  it('suggests the goals that address the formulation’s factors, linked to its elements', () => {
    const { goals } = suggestFromFormulation(formulation, options);
    expect(goals.map((g) => [g.libraryId, g.problemArea, g.formulationElementIds])).toEqual([
      ['depression.goal.reduce-symptoms', 'depression', ['e2', 'e3', 'e4']],
    ]);
    expect(goals[0]?.statement).toBe('Reduce depression symptoms on the PHQ-9 from 18 to 9 or below within 16 weeks');
  });

  it('brings the objectives and interventions of each linked factor, filled from the baseline', () => {
    const [goal] = suggestFromFormulation(formulation, options).goals;
    expect(goal?.objectives.map((o) => o.statement)).toEqual([
      'Reduce long episodes of rumination from 10 to 5 or fewer per week within 10 weeks',
      'Complete at least three thought records a week on low-mood situations and review them in session within 6 weeks',
    ]);
    expect(goal?.objectives[1]?.interventions.map((i) => i.libraryId)).toEqual([
      'cognitive-restructuring',
      'behavioural-experiments',
    ]);
  });

  it('prompts for the area’s factors the formulation does not record yet', () => {
    const { prompts } = suggestFromFormulation(formulation, options);
    expect(prompts.map((p) => p.factor.key)).toEqual(['depression.withdrawal']);
  });

  it('reports library keys that match no factor', () => {
    expect(suggestFromFormulation(formulation, options).unknownKeys).toEqual(['depression.retired-key']);
  });

  it('suggests across problem areas when elements come from several models', () => {
    const mixed: Formulation = {
      ...formulation,
      problemAreas: ['depression', 'insomnia'],
      elements: [
        ...formulation.elements,
        { id: 'e6', kind: 'behaviour', text: 'Lying in until noon', libraryKey: 'insomnia.time-in-bed' },
      ],
    };
    const { goals } = suggestFromFormulation(mixed, options);
    expect(goals.map((g) => g.problemArea)).toEqual(['depression', 'insomnia', 'insomnia']);
    expect(goals.filter((g) => g.problemArea === 'insomnia').flatMap((g) => g.formulationElementIds)).toEqual([
      'e6',
      'e6',
    ]);
  });
});
