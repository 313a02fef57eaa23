import { describe, expect, it } from 'vitest';
import { getMeasure } from '../../measures/registry.js';
import { findBand, interpretScore } from './interpret-score.js';

const phq9 = getMeasure('phq9')!;

describe('interpretScore', () => {
  it('returns the PHQ-9 band with its own label and bounds', () => {
    expect(interpretScore(phq9, 15)).toEqual({ min: 15, max: 19, label: 'moderately severe' });
  });

  it('returns null for the PCL-5, which has no bands', () => {
    expect(interpretScore(getMeasure('pcl5')!, 50)).toBeNull();
  });

  it('returns null outside the range and between integer bands', () => {
    expect(interpretScore(phq9, 28)).toBeNull();
    expect(interpretScore(phq9, -1)).toBeNull();
    expect(interpretScore(phq9, 4.5)).toBeNull();
  });

  it('reads subscale bands when a subscale is named', () => {
    const dass21 = getMeasure('dass21')!;
    expect(interpretScore(dass21, 20, { subscale: 'anxiety' })?.label).toBe('extremely severe');
    expect(interpretScore(dass21, 20, { subscale: 'depression' })?.label).toBe('moderate');
    expect(interpretScore(dass21, 20, { subscale: 'nonexistent' })).toBeNull();
    expect(interpretScore(dass21, 20)).toBeNull();
  });
});

describe('findBand', () => {
  it('includes both bounds of a band', () => {
    const bands = [
      { min: 0, max: 4, label: 'low' },
      { min: 5, max: 9, label: 'high' },
    ];
    expect([0, 4, 5, 9].map((s) => findBand(bands, s)?.label)).toEqual(['low', 'low', 'high', 'high']);
  });

  it('returns null when there are no bands', () => {
    expect(findBand(null, 3)).toBeNull();
  });
});
