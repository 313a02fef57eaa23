import type { JacobsonTruaxNorms, MeasureDefinition } from '../scoring/measure-definition.js';
import { classifyReliableChange, computeReliableChangeThreshold, ReliableChange } from './reliable-change.js';

/**
 * Jacobson–Truax categories (reference/measures.md Methods A [S77]).
 *
 * @example
 * classifyClinicallySignificantChange(getMeasure('pcl5')!, 50, 25); // category ClinicalChange.recovered
 */
export const ClinicalChange = {
  /** Reliable improvement and crossed from the clinical into the functional range. */
  recovered: 'recovered',
  /** Reliable improvement without crossing the cut-off. */
  improved: 'improved',
  /** No reliable change. */
  unchanged: 'unchanged',
  /** Reliable worsening. */
  deteriorated: 'deteriorated',
} as const;
export type ClinicalChange = (typeof ClinicalChange)[keyof typeof ClinicalChange];

/**
 * How the cut-off was obtained: published as is, or Jacobson–Truax criterion c (clinical + functional) or b.
 *
 * @example
 * computeJacobsonTruaxCutoff(getMeasure('gad7')!.norms!, 'men')?.criterion; // 'b'
 */
export const CutoffCriterion = { published: 'published', c: 'c', b: 'b' } as const;
export type CutoffCriterion = (typeof CutoffCriterion)[keyof typeof CutoffCriterion];

/**
 * A Jacobson–Truax cut-off and how it was obtained.
 *
 * @example
 * const phq9Women: JacobsonTruaxCutoff = { value: 10.1, criterion: 'b', population: 'women' };
 */
export interface JacobsonTruaxCutoff {
  /** A later score at or below this is in the functional range. */
  readonly value: number;
  readonly criterion: CutoffCriterion;
  /** The functional-norm population used, or null. */
  readonly population: string | null;
}

/**
 * The Jacobson–Truax classification, or why it does not apply.
 *
 * @example
 * const result: ClinicallySignificantChange = { kind: 'not-applicable', reason: 'population-required' };
 */
export type ClinicallySignificantChange =
  | {
      readonly kind: 'classified';
      readonly category: ClinicalChange;
      readonly cutoff: JacobsonTruaxCutoff;
      /** The reliable-change threshold used, in points. */
      readonly reliableChangeThreshold: number;
    }
  | {
      readonly kind: 'not-applicable';
      /**
       * `no-norms`: the instrument has no sourced norms; `population-required`: several functional populations exist
       * and none was chosen; `unknown-population`: the chosen one is not listed; `no-reliable-change-threshold`.
       */
      readonly reason: 'no-norms' | 'population-required' | 'unknown-population' | 'no-reliable-change-threshold';
    };

/**
 * The Jacobson–Truax cut-off between the clinical and functional ranges (reference/measures.md Methods A [S77]):
 * the published cut-off when there is one (PCL-5: 28, Marx 2022 [S29]); else criterion c =
 * (SD_clin·M_norm + SD_norm·M_clin)/(SD_clin + SD_norm) when clinical norms exist; else criterion b = M_norm + 2·SD_norm
 * (PHQ-9 and GAD-7, whose clinical SD is not sourced). Null when the norms are insufficient or the population is not
 * given / not listed.
 *
 * @example
 * computeJacobsonTruaxCutoff(getMeasure('phq9')!.norms!, 'women'); // { value: 10.1, criterion: 'b', population: 'women' }
 * computeJacobsonTruaxCutoff(getMeasure('pcl5')!.norms!); // { value: 28, criterion: 'published', population: null }
 */
export function computeJacobsonTruaxCutoff(norms: JacobsonTruaxNorms, population?: string): JacobsonTruaxCutoff | null {
  if (norms.publishedCutoff !== null) return { value: norms.publishedCutoff, criterion: 'published', population: null };
  const functional = pickPopulation(norms, population);
  if (functional === null || functional === 'required') return null;
  if (norms.clinical !== null) {
    const { mean: mc, sd: sc } = norms.clinical;
    const value = (sc * functional.mean + functional.sd * mc) / (sc + functional.sd);
    return { value, criterion: 'c', population: functional.population };
  }
  return { value: functional.mean + 2 * functional.sd, criterion: 'b', population: functional.population };
}

/**
 * Jacobson–Truax clinically significant change between two totals (lower is better for every shipped instrument):
 * `recovered` when the change is a reliable improvement and the score moved from above the cut-off to at or below it;
 * `improved` for reliable improvement only; `deteriorated` for reliable worsening; else `unchanged`. Reliable change
 * uses the RCI threshold 1.96 × SD_clin × √(2(1 − r)) when clinical SD and reliability are sourced, otherwise the
 * instrument's fixed `reliableChangeThreshold`. Not applicable without norms; instruments with norms for several
 * populations (PHQ-9, GAD-7: women, men) need `population`.
 *
 * @example
 * classifyClinicallySignificantChange(getMeasure('pcl5')!, 50, 25); // { kind: 'classified', category: 'recovered', … }
 * classifyClinicallySignificantChange(getMeasure('phq9')!, 18, 8); // { kind: 'not-applicable', reason: 'population-required' }
 * classifyClinicallySignificantChange(getMeasure('phq9')!, 18, 8, { population: 'men' }); // category 'recovered' (cut-off 9.7)
 */
export function classifyClinicallySignificantChange(
  definition: MeasureDefinition,
  from: number,
  to: number,
  options: { readonly population?: string } = {},
): ClinicallySignificantChange {
  const { norms } = definition;
  if (norms === null) return { kind: 'not-applicable', reason: 'no-norms' };
  const chosen = norms.publishedCutoff !== null ? null : pickPopulation(norms, options.population);
  if (chosen === 'required') return { kind: 'not-applicable', reason: 'population-required' };
  const cutoff = computeJacobsonTruaxCutoff(norms, options.population);
  if (cutoff === null) {
    return { kind: 'not-applicable', reason: norms.functional.length === 0 ? 'no-norms' : 'unknown-population' };
  }
  const threshold =
    norms.clinical !== null && norms.reliability !== null
      ? computeReliableChangeThreshold(norms.clinical.sd, norms.reliability)
      : definition.reliableChangeThreshold;
  if (threshold === null) return { kind: 'not-applicable', reason: 'no-reliable-change-threshold' };

  const reliable = classifyReliableChange(
    { reliableChangeThreshold: threshold, direction: definition.direction },
    from,
    to,
  );
  const crossed =
    definition.direction === 'lower-is-better'
      ? from > cutoff.value && to <= cutoff.value
      : from < cutoff.value && to >= cutoff.value;
  const category =
    reliable === ReliableChange.deterioration
      ? ClinicalChange.deteriorated
      : reliable === ReliableChange.improvement
        ? crossed
          ? ClinicalChange.recovered
          : ClinicalChange.improved
        : ClinicalChange.unchanged;
  return { kind: 'classified', category, cutoff, reliableChangeThreshold: threshold };
}

function pickPopulation(
  norms: JacobsonTruaxNorms,
  population: string | undefined,
): JacobsonTruaxNorms['functional'][number] | 'required' | null {
  if (norms.functional.length === 0) return null;
  if (population === undefined) {
    return norms.functional.length === 1 ? (norms.functional[0] ?? null) : 'required';
  }
  return norms.functional.find((n) => n.population === population) ?? null;
}
