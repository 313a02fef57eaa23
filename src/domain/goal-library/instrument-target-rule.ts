/**
 * The clinically sourced ways to set a target on a validated instrument, used by the goal library and the goal
 * assistant. Every rule is defined in reference/measures.md; the instrument's own definition says whether it applies
 * (an instrument without a caseness cut-off has no `below-caseness` target).
 *
 * @example
 * const rule: InstrumentTargetRule = InstrumentTargetRule.belowCaseness; // 'below-caseness'
 */
export const InstrumentTargetRule = {
  /** Below the caseness cut-off (NHS Talking Therapies "recovery" threshold; reference/measures.md, Methods B). */
  belowCaseness: 'below-caseness',
  /** Reliable improvement: a fall of at least the reliable-change threshold (reference/measures.md, Methods A–B). */
  reliableImprovement: 'reliable-improvement',
  /** The instrument's remission rule, e.g. PHQ-9 < 5 (reference/measures.md §1, CMS159). */
  remission: 'remission',
  /** Into the next severity band down (the instrument's published bands in reference/measures.md). */
  nextBandDown: 'next-band-down',
} as const;
export type InstrumentTargetRule = (typeof InstrumentTargetRule)[keyof typeof InstrumentTargetRule];

/**
 * All rules, in the order the assistant prefers them by default.
 *
 * @example
 * INSTRUMENT_TARGET_RULES[0]; // 'below-caseness'
 */
export const INSTRUMENT_TARGET_RULES: readonly InstrumentTargetRule[] = Object.values(InstrumentTargetRule);
