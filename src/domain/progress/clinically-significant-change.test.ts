import { describe, expect, it } from 'vitest';
import { getMeasure } from '../../measures/registry.js';
import type { JacobsonTruaxNorms, MeasureDefinition } from '../scoring/measure-definition.js';
import { classifyClinicallySignificantChange, computeJacobsonTruaxCutoff } from './clinically-significant-change.js';

const phq9 = getMeasure('phq9')!;
const pcl5 = getMeasure('pcl5')!;

const norms = (overrides: Partial<JacobsonTruaxNorms>): JacobsonTruaxNorms => ({
  reliability: null,
  clinical: null,
  functional: [],
  publishedCutoff: null,
  source: 'test',
  ...overrides,
});

describe('computeJacobsonTruaxCutoff', () => {
  it('uses a published cut-off as is (PCL-5: 28, Marx 2022)', () => {
    expect(computeJacobsonTruaxCutoff(pcl5.norms!)).toEqual({ value: 28, criterion: 'published', population: null });
  });

  it('uses criterion b (mean + 2 SD) for the PHQ-9 general-population norms', () => {
    expect(computeJacobsonTruaxCutoff(phq9.norms!, 'women')?.value).toBeCloseTo(3.1 + 2 * 3.5, 10);
    expect(computeJacobsonTruaxCutoff(phq9.norms!, 'men')).toMatchObject({ criterion: 'b', population: 'men' });
    expect(computeJacobsonTruaxCutoff(phq9.norms!, 'men')?.value).toBeCloseTo(9.7, 10);
  });

  it('uses criterion c when clinical norms exist', () => {
    const cut = computeJacobsonTruaxCutoff(
      norms({ clinical: { mean: 20, sd: 5 }, functional: [{ population: 'all', mean: 4, sd: 3 }] }),
    );
    // (5 × 4 + 3 × 20) / (5 + 3) = 80 / 8 = 10
    expect(cut).toEqual({ value: 10, criterion: 'c', population: 'all' });
  });

  it('returns null when several populations exist and none is chosen, or the one chosen is unknown', () => {
    expect(computeJacobsonTruaxCutoff(phq9.norms!)).toBeNull();
    expect(computeJacobsonTruaxCutoff(phq9.norms!, 'children')).toBeNull();
  });
});

describe('classifyClinicallySignificantChange', () => {
  it.each([
    [50, 28, 'recovered'], // −22 ≥ 15 and crossed to ≤ 28
    [50, 29, 'improved'], // reliable but still above 28
    [40, 26, 'unchanged'], // crossed, but −14 is not reliable
    [20, 35, 'deteriorated'],
  ] as const)('PCL-5 %i → %i is %s', (from, to, category) => {
    expect(classifyClinicallySignificantChange(pcl5, from, to)).toMatchObject({ kind: 'classified', category });
  });

  it('needs a population for the PHQ-9 and then uses the NHS reliable-change threshold', () => {
    expect(classifyClinicallySignificantChange(phq9, 18, 8)).toEqual({
      kind: 'not-applicable',
      reason: 'population-required',
    });
    expect(classifyClinicallySignificantChange(phq9, 18, 10, { population: 'women' })).toMatchObject({
      kind: 'classified',
      category: 'recovered', // 10 ≤ 10.1
      reliableChangeThreshold: 6,
    });
    expect(classifyClinicallySignificantChange(phq9, 18, 10, { population: 'men' })).toMatchObject({
      category: 'improved', // 10 > 9.7
    });
    expect(classifyClinicallySignificantChange(phq9, 18, 8, { population: 'children' })).toEqual({
      kind: 'not-applicable',
      reason: 'unknown-population',
    });
  });

  it('is not applicable for an instrument without norms', () => {
    expect(classifyClinicallySignificantChange(getMeasure('wsas')!, 30, 5)).toEqual({
      kind: 'not-applicable',
      reason: 'no-norms',
    });
  });

  it('computes the reliable-change threshold from clinical SD and reliability when both are given', () => {
    const definition: MeasureDefinition = {
      ...phq9,
      norms: norms({
        reliability: 0.84,
        clinical: { mean: 20, sd: 5 },
        functional: [{ population: 'all', mean: 4, sd: 3 }],
      }),
    };
    // threshold 1.96 × 5 × √0.32 ≈ 5.54; cut-off c = 10
    const result = classifyClinicallySignificantChange(definition, 15, 9);
    expect(result).toMatchObject({ kind: 'classified', category: 'recovered' });
    if (result.kind === 'classified') expect(result.reliableChangeThreshold).toBeCloseTo(5.544, 3);
    expect(classifyClinicallySignificantChange(definition, 14, 9)).toMatchObject({ category: 'unchanged' });
  });
});
