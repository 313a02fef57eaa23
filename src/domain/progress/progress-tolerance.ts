/**
 * How far behind the expected line a value may be and still count as on track. Product rules, not clinical
 * facts (reference/measures.md Method D finds no published "not on track" rule for PHQ-9/GAD-7):
 * - instrument with a reliable-change threshold: a fraction (default ½) of that threshold (Method A/B values,
 *   e.g. PHQ-9 6 → 3 points, GAD-7 4 → 2 points); a smaller gap is within measurement error of one administration;
 * - behaviour, or instrument without a threshold: a fraction (default ¼) of the planned change |goal − baseline|;
 * - goal-attainment scale: half a level (0.5).
 * docs/progress-rules.md §4.
 *
 * @example
 * computeProgressTolerance({ kind: 'instrument', instrumentId: 'phq9' }, 11, 6) // { value: 3, basis: 'fraction-of-reliable-change' }
 */
import type { TargetMeasure } from '../treatment-plans/target.js';

/**
 * Settings of the progress rules (practice-wide; defaults in {@link DEFAULT_PROGRESS_SETTINGS}).
 *
 * @example
 * const settings: ProgressSettings = { ...DEFAULT_PROGRESS_SETTINGS, behaviorToleranceFraction: 0.2 };
 */
export interface ProgressSettings {
  /** Fraction of the instrument's reliable-change threshold used as the tolerance (default 0.5). */
  readonly instrumentToleranceFraction: number;
  /** Fraction of the planned change used as the tolerance for behaviours and threshold-less instruments (default 0.25). */
  readonly behaviorToleranceFraction: number;
  /** Tolerance in levels for goal-attainment scales (default 0.5). */
  readonly gasToleranceLevels: number;
}

/**
 * The product defaults of the progress rules.
 *
 * @example
 * DEFAULT_PROGRESS_SETTINGS.instrumentToleranceFraction // 0.5
 */
export const DEFAULT_PROGRESS_SETTINGS: ProgressSettings = {
  instrumentToleranceFraction: 0.5,
  behaviorToleranceFraction: 0.25,
  gasToleranceLevels: 0.5,
};

/**
 * What a tolerance was derived from, so the UI can say why.
 *
 * @example
 * const basis: ToleranceBasis = ToleranceBasis.fractionOfReliableChange;
 */
export const ToleranceBasis = {
  /** A fraction of the instrument's reliable-change threshold. */
  fractionOfReliableChange: 'fraction-of-reliable-change',
  /** A fraction of the planned change from baseline to goal value. */
  fractionOfPlannedChange: 'fraction-of-planned-change',
  /** A fixed number of goal-attainment levels. */
  gasLevels: 'gas-levels',
} as const;
export type ToleranceBasis = (typeof ToleranceBasis)[keyof typeof ToleranceBasis];

/**
 * A tolerance on the measure's scale (for behaviours: in the target's period).
 *
 * @example
 * const tolerance: ProgressTolerance = { value: 3, basis: 'fraction-of-reliable-change' };
 */
export interface ProgressTolerance {
  readonly value: number;
  readonly basis: ToleranceBasis;
}

/**
 * The tolerance for a target. `plannedChange` is |goal value − baseline|.
 *
 * @example
 * computeProgressTolerance({ kind: 'behavior', behaviorId: 'b1' }, 8, null) // { value: 2, basis: 'fraction-of-planned-change' }
 * computeProgressTolerance({ kind: 'gas' }, 1, null) // { value: 0.5, basis: 'gas-levels' }
 */
export function computeProgressTolerance(
  measure: TargetMeasure,
  plannedChange: number,
  reliableChangeThreshold: number | null,
  settings: ProgressSettings = DEFAULT_PROGRESS_SETTINGS,
): ProgressTolerance {
  switch (measure.kind) {
    case 'gas':
      return { value: settings.gasToleranceLevels, basis: ToleranceBasis.gasLevels };
    case 'instrument':
      if (reliableChangeThreshold !== null) {
        return {
          value: settings.instrumentToleranceFraction * reliableChangeThreshold,
          basis: ToleranceBasis.fractionOfReliableChange,
        };
      }
      return fractionOfPlannedChange(plannedChange, settings);
    case 'behavior':
      return fractionOfPlannedChange(plannedChange, settings);
  }
}

function fractionOfPlannedChange(plannedChange: number, settings: ProgressSettings): ProgressTolerance {
  return {
    value: settings.behaviorToleranceFraction * Math.abs(plannedChange),
    basis: ToleranceBasis.fractionOfPlannedChange,
  };
}
