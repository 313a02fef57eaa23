/**
 * The instrument registry as the browser uses it: one frozen array (so the goal-text matcher, cached per array, is
 * compiled once) and its goal-text view. Importing this module pulls the instrument data into the page's chunk,
 * so only pages that score or analyse import it.
 *
 * @example
 * analyzeGoalText(text, { today, instruments: GOAL_TEXT_INSTRUMENTS });
 * findInstrument('phq9')?.shortName // 'PHQ-9'
 */
import { toGoalTextInstruments } from '../../domain/goal-assistant/to-goal-text-instruments.js';
import type { GoalTextInstrument } from '../../domain/goal-text/goal-analysis.js';
import type { MeasureDefinition } from '../../domain/scoring/measure-definition.js';
import { getMeasure, listMeasures } from '../../measures/registry.js';

/** Every instrument, in the registry's order. */
export const INSTRUMENTS: readonly MeasureDefinition[] = listMeasures();

/** The goal-text view of {@link INSTRUMENTS}. */
export const GOAL_TEXT_INSTRUMENTS: readonly GoalTextInstrument[] = toGoalTextInstruments(INSTRUMENTS);

/**
 * The instrument with this id or name, or undefined.
 *
 * @example
 * findInstrument('GAD-7')?.id // 'gad7'
 */
export function findInstrument(idOrName: string): MeasureDefinition | undefined {
  return getMeasure(idOrName);
}
