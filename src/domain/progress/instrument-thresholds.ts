/**
 * The few numbers the progress rules need from an instrument definition. Structural, so a `MeasureDefinition`
 * from src/domain/scoring (or any object with this field) can be passed as it is.
 *
 * @example
 * const phq9: InstrumentThresholds = { reliableChangeThreshold: 6 }; // NHS TT, reference/measures.md §1 [S11][S12]
 * const lookup: InstrumentLookup = (id) => (id === 'phq9' ? phq9 : undefined);
 */
export interface InstrumentThresholds {
  /**
   * Smallest change in points that counts as reliable (reference/measures.md Method A/B), or null when the
   * instrument has no sourced value.
   */
  readonly reliableChangeThreshold: number | null;
}

/**
 * Finds the thresholds of an instrument by id; undefined or null when unknown.
 *
 * @example
 * const lookup: InstrumentLookup = (id) => ({ phq9: { reliableChangeThreshold: 6 } })[id];
 */
export type InstrumentLookup = (instrumentId: string) => InstrumentThresholds | null | undefined;

/**
 * The usable reliable-change threshold: a positive finite number, else null.
 *
 * @example
 * usableReliableChangeThreshold({ reliableChangeThreshold: 6 }) // 6
 * usableReliableChangeThreshold(undefined) // null
 */
export function usableReliableChangeThreshold(instrument: InstrumentThresholds | null | undefined): number | null {
  const threshold = instrument?.reliableChangeThreshold;
  return typeof threshold === 'number' && Number.isFinite(threshold) && threshold > 0 ? threshold : null;
}
