/**
 * The instruments as the goal assistant and the plan checks take them, and their conversion to what the goal-text
 * analysis reads. A `MeasureDefinition` from the measures registry fits `AssistantInstrument` as is, and is then
 * converted by the analysis' own `measureToGoalTextInstrument` (with subscales); a narrower object (tests) gets the
 * same fields without subscales. The converted array is cached per input array, so the analysis' name matcher —
 * cached per instrument array — is compiled once.
 *
 * @example
 * const instruments = listMeasures();
 * analyzeGoalText(text, { today, instruments: toGoalTextInstruments(instruments) });
 */

import type { TargetRuleInstrument } from '../goal-library/propose-instrument-targets.js';
import type { GoalTextInstrument } from '../goal-text/goal-analysis.js';
import { measureToGoalTextInstrument } from '../goal-text/measure-to-goal-text-instrument.js';
import type { MeasureDefinition } from '../scoring/measure-definition.js';

/**
 * The instrument fields the assistant and the plan checks read (a `MeasureDefinition` fits).
 *
 * @example
 * const instruments: readonly AssistantInstrument[] = listMeasures();
 */
export type AssistantInstrument = TargetRuleInstrument &
  Pick<MeasureDefinition, 'name' | 'aliases'> &
  Partial<Pick<MeasureDefinition, 'scoring' | 'response'>>;

const CACHE = new WeakMap<readonly AssistantInstrument[], readonly GoalTextInstrument[]>();

/**
 * The goal-text view of the instruments, cached per array.
 *
 * @example
 * toGoalTextInstruments([phq9])[0]?.names; // ['Patient Health Questionnaire-9', 'PHQ-9', …]
 */
export function toGoalTextInstruments(instruments: readonly AssistantInstrument[]): readonly GoalTextInstrument[] {
  const cached = CACHE.get(instruments);
  if (cached) return cached;
  const converted = instruments.map(toGoalTextInstrument);
  CACHE.set(instruments, converted);
  return converted;
}

function toGoalTextInstrument(instrument: AssistantInstrument): GoalTextInstrument {
  if (isMeasureDefinition(instrument)) return measureToGoalTextInstrument(instrument);
  return {
    id: instrument.id,
    shortName: instrument.shortName,
    names: [instrument.name, ...instrument.aliases],
    range: instrument.range,
    bands: instrument.bands,
    reliableChangeThreshold: instrument.reliableChangeThreshold,
    typicalChangePerWeek: instrument.typicalChangePerWeek,
    casenessCutoff: instrument.casenessCutoff,
    remission: instrument.remission === null ? null : { value: instrument.remission.below, comparator: '<' },
    responsePercent: instrument.response?.minReductionPercent ?? null,
    direction: instrument.direction,
  };
}

function isMeasureDefinition(instrument: AssistantInstrument): instrument is AssistantInstrument & MeasureDefinition {
  return instrument.scoring !== undefined && instrument.response !== undefined;
}
