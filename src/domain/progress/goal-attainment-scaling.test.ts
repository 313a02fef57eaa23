import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGasTScore } from './goal-attainment-scaling.js';

function tScore(...ratings: Parameters<typeof computeGasTScore>[0]): number {
  const outcome = computeGasTScore(ratings);
  if (outcome.kind !== 'scored') throw new Error(JSON.stringify(outcome.issues));
  return outcome.tScore;
}

describe('computeGasTScore', () => {
  it('is 50 when every goal is at the expected level', () => {
    expect(tScore({ attainment: 0 }, { attainment: 0 }, { attainment: 0 })).toBe(50);
  });

  it('follows the unweighted formula 50 + 10·Σx / √(0.7n + 0.3n²)', () => {
    expect(tScore({ attainment: 2 })).toBeCloseTo(70, 10);
    expect(tScore({ attainment: 1 }, { attainment: 1 })).toBeCloseTo(50 + 20 / Math.sqrt(2.6), 10);
    // n = 3, Σx = −1 + 1 + 2 = 2: 50 + 20 / √(2.1 + 2.7)
    expect(tScore({ attainment: -1 }, { attainment: 1 }, { attainment: 2 })).toBeCloseTo(50 + 20 / Math.sqrt(4.8), 10);
  });

  it('applies weights: T = 50 + 10·Σwx / √(0.7Σw² + 0.3(Σw)²)', () => {
    // w = (2, 1), x = (1, −1): Σwx = 1; Σw² = 5; Σw = 3 → √(3.5 + 2.7) = √6.2
    expect(tScore({ attainment: 1, weight: 2 }, { attainment: -1, weight: 1 })).toBeCloseTo(
      50 + 10 / Math.sqrt(6.2),
      10,
    );
  });

  it('reports bad ratings as issues', () => {
    expect(computeGasTScore([])).toMatchObject({ kind: 'invalid', issues: [{ code: 'gas-no-goals' }] });
    expect(computeGasTScore([{ attainment: 3 }, { attainment: 0.5 }, { attainment: 1, weight: 0 }])).toMatchObject({
      kind: 'invalid',
      issues: [
        { code: 'gas-attainment-out-of-range', path: [0, 'attainment'] },
        { code: 'gas-attainment-out-of-range', path: [1, 'attainment'] },
        { code: 'gas-weight-invalid', path: [2, 'weight'] },
      ],
    });
  });

  it('property: mirrored ratings give T-scores mirrored around 50', () => {
    const rating = fc.record({ attainment: fc.integer({ min: -2, max: 2 }), weight: fc.integer({ min: 1, max: 9 }) });
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 8 }), (ratings) => {
        const mirrored = ratings.map((r) => ({ ...r, attainment: -r.attainment }));
        return Math.abs(tScore(...ratings) - 50 + (tScore(...mirrored) - 50)) < 1e-9;
      }),
    );
  });
});
