import type { Band, MeasureDefinition } from './measure-definition.js';

/**
 * The band (instrument's own label and bounds) a score falls in, or null when the instrument (or subscale) has no
 * sourced bands, the subscale is unknown, or the score lies in no band (out of range, or a fraction between two
 * integer bands). Bands are inclusive integer ranges (reference/measures.md, "How to read this file").
 *
 * @example
 * interpretScore(phq9, 18)?.label; // 'moderately severe'
 * interpretScore(pcl5, 40); // null: the PCL-5 has no severity bands
 * interpretScore(dass21, 20, { subscale: 'depression' })?.label; // 'moderate'
 */
export function interpretScore(
  definition: MeasureDefinition,
  score: number,
  options: { readonly subscale?: string } = {},
): Band | null {
  if (options.subscale === undefined) return findBand(definition.bands, score);
  const subscale = definition.scoring.subscales.find((s) => s.id === options.subscale);
  return subscale === undefined ? null : findBand(subscale.bands, score);
}

/**
 * The band containing a score in a list of inclusive bands, or null.
 *
 * @example
 * findBand([{ min: 0, max: 4, label: 'minimal' }, { min: 5, max: 27, label: 'more' }], 4)?.label; // 'minimal'
 */
export function findBand(bands: readonly Band[] | null, score: number): Band | null {
  if (bands === null) return null;
  return bands.find((band) => score >= band.min && score <= band.max) ?? null;
}
