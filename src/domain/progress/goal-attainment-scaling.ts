import { MeasureCode } from '../scoring/measure-code.js';
import { type Issue, issue } from '../shared/issue.js';

/**
 * One goal's Goal Attainment Scaling rating: −2 much less than expected … 0 expected … +2 much more (Kiresuk & Sherman).
 *
 * @example
 * const rating: GasRating = { attainment: 1, weight: 2 };
 */
export interface GasRating {
  /** Whole number from −2 to +2. */
  readonly attainment: number;
  /** Positive weight; 1 when omitted (unweighted). */
  readonly weight?: number;
}

/**
 * The assumed inter-goal correlation ρ in the Kiresuk & Sherman formula (reference/measures.md Methods C [S86]).
 *
 * @example
 * computeGasTScore([{ attainment: 1 }], { rho: GAS_DEFAULT_RHO });
 */
export const GAS_DEFAULT_RHO = 0.3;

/**
 * A T-score, or the issues with the ratings.
 *
 * @example
 * const outcome: GasTScoreOutcome = computeGasTScore([{ attainment: 0 }]); // { kind: 'scored', tScore: 50, goals: 1 }
 */
export type GasTScoreOutcome =
  | { readonly kind: 'scored'; readonly tScore: number; readonly goals: number }
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] };

/**
 * The Goal Attainment Scaling T-score across a client's goals (reference/measures.md Methods C [S86][S87]):
 * T = 50 + 10·Σ(wᵢxᵢ) / √[(1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²] with ρ = 0.3. All goals at 0 give 50. The value is not rounded.
 * Bad ratings give issues (`gas-no-goals`, `gas-attainment-out-of-range`, `gas-weight-invalid`), never an exception.
 *
 * @example
 * computeGasTScore([{ attainment: 0 }, { attainment: 0 }]); // { kind: 'scored', tScore: 50, goals: 2 }
 * computeGasTScore([{ attainment: 2 }]); // { kind: 'scored', tScore: 70, goals: 1 }
 * computeGasTScore([{ attainment: 1 }, { attainment: 1 }]); // tScore ≈ 62.40 (50 + 20/√2.6)
 */
export function computeGasTScore(
  ratings: readonly GasRating[],
  options: { readonly rho?: number } = {},
): GasTScoreOutcome {
  const rho = options.rho ?? GAS_DEFAULT_RHO;
  const issues: Issue[] = [];
  if (ratings.length === 0) issues.push(issue(MeasureCode.gasNoGoals, 'error', 'At least one goal rating is needed.'));
  ratings.forEach((rating, index) => {
    const { attainment } = rating;
    if (!Number.isInteger(attainment) || attainment < -2 || attainment > 2) {
      issues.push(
        issue(
          MeasureCode.gasAttainmentOutOfRange,
          'error',
          `Goal ${index + 1}: attainment must be −2, −1, 0, +1 or +2.`,
          {
            path: [index, 'attainment'],
          },
        ),
      );
    }
    const weight = rating.weight ?? 1;
    if (!Number.isFinite(weight) || weight <= 0) {
      issues.push(
        issue(MeasureCode.gasWeightInvalid, 'error', `Goal ${index + 1}: weight must be a positive number.`, {
          path: [index, 'weight'],
        }),
      );
    }
  });
  if (!(rho >= 0 && rho < 1)) throw new RangeError('rho must be in [0, 1)');
  if (issues.length > 0) return { kind: 'invalid', issues };

  let weighted = 0;
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  for (const rating of ratings) {
    const weight = rating.weight ?? 1;
    weighted += weight * rating.attainment;
    sumWeights += weight;
    sumSquaredWeights += weight * weight;
  }
  const denominator = Math.sqrt((1 - rho) * sumSquaredWeights + rho * sumWeights * sumWeights);
  return { kind: 'scored', tScore: 50 + (10 * weighted) / denominator, goals: ratings.length };
}
