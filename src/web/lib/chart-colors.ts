/**
 * Chart colours: severity bands as faint tints from green (mildest) to rose (most severe), light enough that the
 * series, the target line and the labels stay the strongest marks.
 *
 * @example
 * BAND_FILLS[0] // '#f1f8f3'
 */
export const BAND_FILLS = ['#f1f8f3', '#f8f7ea', '#fcf3e6', '#fcede8', '#f9e7e7', '#f6e2e7'] as const;

/**
 * The fill of band `index` (the last colour repeats for instruments with more bands).
 *
 * @example
 * bandFill(9) // '#f6e2e7'
 */
export function bandFill(index: number): string {
  return BAND_FILLS[Math.min(index, BAND_FILLS.length - 1)] ?? '#f6e2e7';
}
