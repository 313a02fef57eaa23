/**
 * Clinically sourced target values on a validated instrument, from the client's baseline: below the caseness
 * cut-off, a reliable improvement, remission, or the next severity band down. Each proposal carries the rule's source
 * from the instrument definition (which cites reference/measures.md), so nothing here is a clinical number of its own.
 *
 * @example
 * proposeInstrumentTargets(gad7, 15).map((p) => [p.rule, p.value]);
 * // [['below-caseness', 7], ['reliable-improvement', 11], ['next-band-down', 14]]
 */
import type { MeasureDefinition } from '../scoring/measure-definition.js';
import { INSTRUMENT_TARGET_RULES, type InstrumentTargetRule } from './instrument-target-rule.js';

/**
 * The fields of an instrument definition that target rules read. A `MeasureDefinition` can be passed as it is.
 *
 * @example
 * const gad7: TargetRuleInstrument = { id: 'gad7', shortName: 'GAD-7', direction: 'lower-is-better',
 *   range: { min: 0, max: 21 }, bands: [{ min: 0, max: 4, label: 'minimal' }], casenessCutoff: 8,
 *   reliableChangeThreshold: 4, remission: null, recovery: { kind: 'nhs-talking-therapies', source: '…' },
 *   typicalChangePerWeek: null,
 *   source: 'reference/measures.md §2', citations: {} };
 */
export type TargetRuleInstrument = Pick<
  MeasureDefinition,
  | 'id'
  | 'shortName'
  | 'direction'
  | 'range'
  | 'bands'
  | 'casenessCutoff'
  | 'reliableChangeThreshold'
  | 'remission'
  | 'recovery'
  | 'typicalChangePerWeek'
  | 'source'
  | 'citations'
>;

/**
 * One proposed target: a score to reach (`<=` the value) and why.
 *
 * @example
 * const [first]: InstrumentTargetProposal[] = proposeInstrumentTargets(gad7, 15); // first.rule === 'below-caseness'
 */
export interface InstrumentTargetProposal {
  readonly rule: InstrumentTargetRule;
  readonly instrumentId: string;
  readonly baseline: number;
  /** The score to reach or go below. */
  readonly value: number;
  readonly comparator: '<=';
  /** Points of change asked for (negative: a fall). */
  readonly change: number;
  /**
   * Whether the change asked for is at least the instrument's reliable-change threshold; null when the instrument has
   * none. A smaller change may be measurement error (reference/measures.md, Methods A).
   */
  readonly reliable: boolean | null;
  /** The severity band the target lies in, when the instrument has bands. */
  readonly bandLabel: string | null;
  /** One plain sentence a clinician understands: what the rule is. */
  readonly explanation: string;
  /** Where the rule comes from: reference/measures.md section and source ids, from the instrument definition. */
  readonly source: string;
}

/**
 * Options of `proposeInstrumentTargets`.
 *
 * @example
 * const options: ProposeInstrumentTargetsOptions = { prefer: ['below-caseness', 'remission'] };
 */
export interface ProposeInstrumentTargetsOptions {
  /** Which rules to try, in this order (default: every rule, in `INSTRUMENT_TARGET_RULES` order). */
  readonly prefer?: readonly InstrumentTargetRule[];
}

/**
 * The targets the instrument's sourced rules give for this baseline, in the order of `prefer`. A rule is left out
 * when the instrument lacks it, when the baseline already meets it, or when its value falls outside the scale.
 * Only `lower-is-better` instruments get proposals (every instrument shipped today is one).
 *
 * @example
 * proposeInstrumentTargets(phq9, 18, { prefer: ['below-caseness', 'remission'] });
 * // [{ rule: 'below-caseness', value: 9, change: -9, reliable: true, bandLabel: 'mild', … },
 * //  { rule: 'remission', value: 4, change: -14, reliable: true, bandLabel: 'minimal', … }]
 */
export function proposeInstrumentTargets(
  instrument: TargetRuleInstrument,
  baseline: number,
  options: ProposeInstrumentTargetsOptions = {},
): InstrumentTargetProposal[] {
  if (instrument.direction !== 'lower-is-better' || !Number.isFinite(baseline)) return [];
  const proposals: InstrumentTargetProposal[] = [];
  for (const rule of options.prefer ?? INSTRUMENT_TARGET_RULES) {
    const proposal = proposeOne(instrument, baseline, rule);
    if (proposal && proposal.value >= instrument.range.min && proposal.value < baseline) proposals.push(proposal);
  }
  return proposals;
}

function proposeOne(
  instrument: TargetRuleInstrument,
  baseline: number,
  rule: InstrumentTargetRule,
): InstrumentTargetProposal | null {
  const name = instrument.shortName;
  switch (rule) {
    case 'below-caseness': {
      const cutoff = instrument.casenessCutoff;
      if (cutoff === null || baseline < cutoff) return null;
      return build(instrument, baseline, rule, cutoff - 1, {
        explanation:
          `Below the ${name} cut-off: a score of ${cutoff} or more counts as a case, so ${cutoff - 1} or below is out of the clinical range` +
          (instrument.recovery ? ' (NHS Talking Therapies "recovery" when the client started at or above it).' : '.'),
        source: cite(instrument, 'casenessCutoff'),
      });
    }
    case 'reliable-improvement': {
      const threshold = instrument.reliableChangeThreshold;
      if (threshold === null || threshold <= 0) return null;
      return build(instrument, baseline, rule, baseline - threshold, {
        explanation: `A reliable improvement: a fall of at least ${threshold} points on the ${name}, more than measurement error alone would explain.`,
        source: cite(instrument, 'reliableChangeThreshold'),
      });
    }
    case 'remission': {
      const remission = instrument.remission;
      if (remission === null || baseline < remission.below) return null;
      if (remission.baselineAbove !== null && baseline <= remission.baselineAbove) return null;
      return build(instrument, baseline, rule, Math.ceil(remission.below) - 1, {
        explanation: `Remission on the ${name}: a score below ${remission.below}.`,
        source: withReference(remission.source),
      });
    }
    case 'next-band-down': {
      const bands = instrument.bands;
      if (bands === null) return null;
      const index = bands.findIndex((band) => baseline >= band.min && baseline <= band.max);
      const lower = index > 0 ? bands[index - 1] : undefined;
      const current = bands[index];
      if (!lower || !current) return null;
      return build(instrument, baseline, rule, lower.max, {
        explanation: `The next ${name} severity band down: from "${current.label}" (${current.min}–${current.max}) into "${lower.label}" (${lower.min}–${lower.max}).`,
        source: cite(instrument, 'bands'),
      });
    }
  }
}

function build(
  instrument: TargetRuleInstrument,
  baseline: number,
  rule: InstrumentTargetRule,
  value: number,
  words: { explanation: string; source: string },
): InstrumentTargetProposal {
  const change = value - baseline;
  const threshold = instrument.reliableChangeThreshold;
  return {
    rule,
    instrumentId: instrument.id,
    baseline,
    value,
    comparator: '<=',
    change,
    reliable: threshold === null || threshold <= 0 ? null : -change >= threshold,
    bandLabel: instrument.bands?.find((band) => value >= band.min && value <= band.max)?.label ?? null,
    explanation: words.explanation,
    source: words.source,
  };
}

/** The citation of one field of the definition, falling back to the definition's general source. */
function cite(instrument: TargetRuleInstrument, field: string): string {
  return withReference(instrument.citations[field] ?? instrument.source);
}

function withReference(source: string): string {
  return source.includes('measures.md') ? source : `reference/measures.md ${source}`;
}
