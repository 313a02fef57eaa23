import { describe, expect, it } from 'vitest';
import { TEST_GAD7, TEST_INSTRUMENTS, TEST_PHQ9 } from '../goal-library/testing/test-instruments.js';
import { analyzeGoalText } from '../goal-text/analyze-goal-text.js';
import { toGoalTextInstruments } from './to-goal-text-instruments.js';

describe('toGoalTextInstruments', () => {
  it('gives the analysis the names, range, bands and rules of each instrument', () => {
    const [phq9] = toGoalTextInstruments([TEST_PHQ9]);
    expect(phq9).toMatchObject({
      id: 'phq9',
      shortName: 'PHQ-9',
      names: ['Patient Health Questionnaire-9', 'PHQ-9', 'PHQ9', 'PHQ 9'],
      range: { min: 0, max: 27 },
      casenessCutoff: 10,
      reliableChangeThreshold: 6,
      remission: { value: 5, comparator: '<' },
      direction: 'lower-is-better',
    });
    expect(toGoalTextInstruments([TEST_GAD7])[0]?.remission).toBeNull();
  });

  it('returns the same array for the same input array, so the analysis compiles names once', () => {
    expect(toGoalTextInstruments(TEST_INSTRUMENTS)).toBe(toGoalTextInstruments(TEST_INSTRUMENTS));
  });

  it('lets the analysis recognise the instruments by their aliases', () => {
    const analysis = analyzeGoalText('Reduce GAD7 from 15 to 7 within 12 weeks', {
      today: '2026-09-01',
      instruments: toGoalTextInstruments(TEST_INSTRUMENTS),
    });
    expect(analysis.targets[0]?.measure).toBe('gad7');
  });
});
