import { describe, expect, it } from 'vitest';
import type { MeasureDefinition } from '../scoring/measure-definition.js';
import { measureToGoalTextInstrument } from './measure-to-goal-text-instrument.js';

/** The fields the conversion reads, as in src/measures/pcl-5.json (reference/measures.md §3). */
const pcl5 = {
  id: 'pcl5',
  shortName: 'PCL-5',
  name: 'PTSD Checklist for DSM-5',
  aliases: ['PCL5', 'PTSD Checklist'],
  range: { min: 0, max: 80 },
  bands: null,
  casenessCutoff: 33,
  reliableChangeThreshold: 15,
  typicalChangePerWeek: null,
  remission: null,
  response: null,
  direction: 'lower-is-better',
  scoring: {
    total: { kind: 'sum', items: [], multiplier: 1 },
    subscales: [
      {
        id: 'B',
        name: 'Intrusion (cluster B)',
        items: [1, 2, 3, 4, 5],
        multiplier: 1,
        range: { min: 0, max: 20 },
        bands: null,
      },
    ],
    reverseItems: [],
    skipRules: [],
  },
} as unknown as MeasureDefinition;

describe('measureToGoalTextInstrument', () => {
  it('keeps the names, range, thresholds and rules the analysis reads', () => {
    expect(measureToGoalTextInstrument(pcl5)).toMatchObject({
      id: 'pcl5',
      shortName: 'PCL-5',
      names: ['PTSD Checklist for DSM-5', 'PCL5', 'PTSD Checklist'],
      range: { min: 0, max: 80 },
      bands: null,
      casenessCutoff: 33,
      reliableChangeThreshold: 15,
      remission: null,
      responsePercent: null,
    });
  });

  it('names subscales the ways clinicians write them', () => {
    const names = measureToGoalTextInstrument(pcl5).subscales?.[0]?.names;
    expect(names).toEqual(expect.arrayContaining(['Intrusion', 'cluster B']));
  });

  it('turns a remission rule into a target comparator', () => {
    const phq9 = { ...pcl5, remission: { below: 5, baselineAbove: 9, source: 's' } } as unknown as MeasureDefinition;
    expect(measureToGoalTextInstrument(phq9).remission).toEqual({ value: 5, comparator: '<' });
  });
});
