import { describe, expect, it } from 'vitest';
import { getMeasure, listMeasures } from './registry.js';

describe('listMeasures', () => {
  it('returns the same frozen list on every call', () => {
    expect(listMeasures()).toBe(listMeasures());
    expect(Object.isFrozen(listMeasures())).toBe(true);
  });

  it('gives every instrument a version, licence summary and copyright line', () => {
    for (const m of listMeasures()) {
      expect(m.version, m.id).toMatch(/^\d+\.\d+\.\d+$/);
      expect(m.licence.summary.length, m.id).toBeGreaterThan(0);
      expect(m.copyright.length, m.id).toBeGreaterThan(0);
    }
  });
});

describe('getMeasure', () => {
  it.each([
    ['phq9', 'phq9'],
    ['PHQ-9', 'phq9'],
    ['PHQ9', 'phq9'],
    ['phq 9', 'phq9'],
    ['Patient Health Questionnaire', 'phq9'],
    ['patient health questionnaire-9', 'phq9'],
    ['GAD-7', 'gad7'],
    ['Generalised Anxiety Disorder 7', 'gad7'],
    ['gad2', 'gad2'],
    ['PCL-5', 'pcl5'],
    ['PTSD Checklist', 'pcl5'],
    ['PHQ-15', 'phq15'],
    ['K-10', 'k10'],
    ['Kessler 10', 'k10'],
    ['W-SAS', 'wsas'],
    ['Work and Social Adjustment Scale', 'wsas'],
    ['DASS', 'dass21'],
    ['dass 21', 'dass21'],
    ['AUDIT', 'audit'],
    ['AUDIT-C', 'auditc'],
    ['audit c', 'auditc'],
    ['  PHQ_2 ', 'phq2'],
  ])('finds %s as %s', (name, id) => {
    expect(getMeasure(name)?.id).toBe(id);
  });

  it.each(['BDI-II', 'PHQ', 'phq-99', ''])('returns undefined for %j', (name) => {
    expect(getMeasure(name)).toBeUndefined();
  });
});
