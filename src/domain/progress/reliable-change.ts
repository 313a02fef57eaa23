import type { MeasureDefinition } from '../scoring/measure-definition.js';

/**
 * Reliable change between two administrations (DESIGN 3.2 `reliableChange`).
 *
 * @example
 * classifyReliableChange(getMeasure('phq9')!, 18, 8) === ReliableChange.improvement; // true
 */
export const ReliableChange = { improvement: 'improvement', deterioration: 'deterioration', none: 'none' } as const;
export type ReliableChange = (typeof ReliableChange)[keyof typeof ReliableChange];

/**
 * z for a two-sided p < .05, the Jacobson–Truax criterion (reference/measures.md Methods A [S74][S75]).
 *
 * @example
 * Math.abs(computeReliableChangeIndex(20, 10, 5, 0.84)) > RELIABLE_CHANGE_Z; // true: reliable
 */
export const RELIABLE_CHANGE_Z = 1.96;

/**
 * Classifies a change by the instrument's reliable-change threshold: a change of at least the threshold in the better
 * direction is `improvement`, in the worse direction `deterioration`, otherwise `none`. Null when the instrument has no
 * sourced threshold (reference/measures.md: PHQ-9 6 and GAD-7 4 [S11][S12]; PCL-5 15 [S29]).
 *
 * @example
 * classifyReliableChange(phq9, 18, 12); // 'improvement' (−6)
 * classifyReliableChange(phq9, 18, 13); // 'none' (−5)
 * classifyReliableChange(gad7, 5, 9); // 'deterioration' (+4)
 * classifyReliableChange(wsas, 30, 10); // null: no sourced threshold
 */
export function classifyReliableChange(
  definition: Pick<MeasureDefinition, 'reliableChangeThreshold' | 'direction'>,
  from: number,
  to: number,
): ReliableChange | null {
  const threshold = definition.reliableChangeThreshold;
  if (threshold === null) return null;
  const better = definition.direction === 'lower-is-better' ? from - to : to - from;
  if (better >= threshold) return ReliableChange.improvement;
  if (-better >= threshold) return ReliableChange.deterioration;
  return ReliableChange.none;
}

/**
 * The Jacobson–Truax reliable change index: (x2 − x1) / Sdiff with Sdiff = SD1 × √2 × √(1 − r)
 * (reference/measures.md Methods A [S74][S75]). |RCI| > 1.96 is reliable.
 *
 * @example
 * computeReliableChangeIndex(20, 10, 5, 0.84); // −10 / (5 × √2 × 0.4) ≈ −3.54
 */
export function computeReliableChangeIndex(from: number, to: number, sd: number, reliability: number): number {
  return (to - from) / standardErrorOfDifference(sd, reliability);
}

/**
 * The smallest raw change that is reliable by Jacobson–Truax: 1.96 × SD1 × √(2(1 − r))
 * (reference/measures.md Methods A). Use it only with a sourced clinical SD and reliability.
 *
 * @example
 * computeReliableChangeThreshold(5, 0.84); // 1.96 × 5 × √0.32 ≈ 5.54
 */
export function computeReliableChangeThreshold(sd: number, reliability: number): number {
  return RELIABLE_CHANGE_Z * standardErrorOfDifference(sd, reliability);
}

function standardErrorOfDifference(sd: number, reliability: number): number {
  if (!(sd > 0) || !(reliability >= 0 && reliability < 1)) {
    throw new RangeError('sd must be positive and reliability in [0, 1)');
  }
  return sd * Math.SQRT2 * Math.sqrt(1 - reliability);
}
