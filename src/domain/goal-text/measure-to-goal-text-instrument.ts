/**
 * Converts an instrument definition (the measures registry's `MeasureDefinition`) to what the goal-text analysis
 * needs. Callers outside the domain (the CLI, the web app) do `listMeasures().map(measureToGoalTextInstrument)` once
 * and pass the array to every `analyzeGoalText` call (the compiled name matcher is cached per array).
 *
 * @example
 * const instruments = listMeasures().map(measureToGoalTextInstrument);
 * analyzeGoalText('Lower GAD-7 to ≤7 within 12 weeks.', { today, instruments });
 */
import type { MeasureDefinition } from '../scoring/measure-definition.js';
import type { GoalTextInstrument } from './goal-analysis.js';

/** Subscale names as clinicians write them after the instrument: "depression", "cluster B", "intrusion". */
function subscaleNames(id: string, name: string): string[] {
  const names = new Set<string>([name, id]);
  // "Intrusion (cluster B)" → "Intrusion", "cluster B"
  const open = name.indexOf('(');
  if (open > 0 && name.endsWith(')')) {
    names.add(name.slice(0, open).trim());
    names.add(name.slice(open + 1, -1).trim());
  }
  if (id.length === 1) names.add(`cluster ${id}`);
  names.delete(id.length === 1 ? id : '');
  return [...names].filter((n) => n !== '');
}

/**
 * The goal-text view of one instrument: names, range, bands, caseness, reliable change, remission, response.
 *
 * @example
 * measureToGoalTextInstrument(getMeasure('phq9')!).remission; // { value: 5, comparator: '<' }
 */
export function measureToGoalTextInstrument(measure: MeasureDefinition): GoalTextInstrument {
  return {
    id: measure.id,
    shortName: measure.shortName,
    names: [measure.name, ...measure.aliases],
    range: measure.range,
    bands: measure.bands,
    reliableChangeThreshold: measure.reliableChangeThreshold,
    typicalChangePerWeek: measure.typicalChangePerWeek,
    casenessCutoff: measure.casenessCutoff,
    remission: measure.remission === null ? null : { value: measure.remission.below, comparator: '<' },
    responsePercent: measure.response === null ? null : measure.response.minReductionPercent,
    direction: measure.direction,
    subscales: measure.scoring.subscales.map((s) => ({
      id: s.id,
      names: subscaleNames(s.id, s.name),
      range: s.range,
      bands: s.bands,
    })),
  };
}
