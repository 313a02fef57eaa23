import { describe, expect, it } from 'vitest';
import { compileMeasureNames, matchMeasureName, matchUnknownScale } from './match-measure-name.js';
import { TEST_GOAL_TEXT_INSTRUMENTS } from './testing/test-goal-text-instruments.js';
import { tokenize } from './tokenize.js';

const matcher = compileMeasureNames(TEST_GOAL_TEXT_INSTRUMENTS);
const match = (text: string, index = 0) => matchMeasureName(tokenize(text), index, matcher);

describe('compileMeasureNames', () => {
  it('compiles once per instruments array', () => {
    expect(compileMeasureNames(TEST_GOAL_TEXT_INSTRUMENTS)).toBe(matcher);
  });
});

describe('matchMeasureName', () => {
  it.each([
    ['PHQ-9', 'phq9'],
    ['PHQ9', 'phq9'],
    ['phq 9', 'phq9'],
    ['Patient Health Questionnaire', 'phq9'],
    ['PHQ-2', 'phq2'],
    ['PHQ-15', 'phq15'],
    ['GAD 7', 'gad7'],
    ['GAD-2', 'gad2'],
    ['Generalised Anxiety Disorder 7', 'gad7'],
    ['PCL5', 'pcl5'],
    ['PTSD Checklist', 'pcl5'],
    ['K10', 'k10'],
    ['K-10', 'k10'],
    ['Kessler 10', 'k10'],
    ['WSAS', 'wsas'],
    ['Work and Social Adjustment Scale', 'wsas'],
    ['DASS-21', 'dass21'],
    ['DASS21', 'dass21'],
    ['AUDIT', 'audit'],
    ['AUDIT-C', 'auditc'],
  ])('matches "%s" as %s', (text, id) => {
    expect(match(text)?.instrumentId).toBe(id);
  });

  it('prefers the longest name', () => {
    expect(match('AUDIT-C score')).toMatchObject({ instrumentId: 'auditc', end: 3 });
  });

  it('does not take the English word "audit" for the instrument', () => {
    expect(match('audit of activities')).toBeNull();
  });

  it('does not match a single letter apart from its number ("K 10")', () => {
    expect(match('K 10')).toBeNull();
  });

  it('does not match the start of a longer number ("PHQ-90")', () => {
    expect(match('PHQ-90')).toBeNull();
  });

  it('reads a named subscale after the instrument', () => {
    expect(match('DASS-21 depression score')).toMatchObject({ instrumentId: 'dass21', subscale: 'depression' });
    expect(match('PCL-5 cluster B')).toMatchObject({ instrumentId: 'pcl5', subscale: 'B' });
  });
});

describe('matchUnknownScale', () => {
  it.each([
    ['BDI-II from 30', 'BDI-II'],
    ['Y-BOCS from 28', 'Y-BOCS'],
    ['ISI score', 'ISI'],
    ['SPIN from 45', 'SPIN'],
  ])('finds the scale in "%s"', (text, name) => {
    expect(matchUnknownScale(tokenize(text), 0)?.name).toBe(name);
  });

  it('finds an acronym introduced by "measured by the"', () => {
    const tokens = tokenize('as measured by the DAS');
    expect(matchUnknownScale(tokens, 4)?.name).toBe('DAS');
  });

  it('does not take diagnoses and therapies for scales', () => {
    expect(matchUnknownScale(tokenize('CBT 12 sessions'), 0)).toBeNull();
    expect(matchUnknownScale(tokenize('PTSD symptoms'), 0)).toBeNull();
  });
});
