import { describe, expect, it } from 'vitest';
import { ProblemArea } from '../formulation/formulation.js';
import { getCbtIntervention, listCbtInterventions } from './cbt-intervention.js';

describe('listCbtInterventions', () => {
  it('holds well-formed entries with unique kebab-case ids and known problem areas', () => {
    const entries = listCbtInterventions();
    const areas: readonly string[] = Object.values(ProblemArea);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(entry.name.trim()).not.toBe('');
      expect(entry.summary.trim()).not.toBe('');
      expect(entry.problemAreas.length).toBeGreaterThan(0);
      expect(entry.problemAreas.every((area) => areas.includes(area))).toBe(true);
    }
  });

  it('includes the interventions DESIGN 2.2 names', () => {
    const ids = listCbtInterventions().map((entry) => entry.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'behavioural-activation',
        'activity-scheduling',
        'cognitive-restructuring',
        'exposure-hierarchy',
        'in-vivo-exposure',
        'interoceptive-exposure',
        'imaginal-exposure',
        'safety-behaviour-dropping',
        'behavioural-experiments',
        'sleep-hygiene',
        'stimulus-control',
        'sleep-restriction',
        'cognitive-processing',
        'prolonged-exposure',
        'problem-solving',
        'relaxation',
        'relapse-prevention',
      ]),
    );
  });
});

describe('getCbtIntervention', () => {
  it('finds an entry by id and nothing for an unknown id', () => {
    expect(getCbtIntervention('interoceptive-exposure')?.name).toBe('Interoceptive exposure');
    expect(getCbtIntervention('hypnosis')).toBeUndefined();
  });
});
