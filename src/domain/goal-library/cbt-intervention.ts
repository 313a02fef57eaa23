/**
 * The catalogue of CBT interventions (DESIGN 2.2) that plans and the goal library pick from. The catalogue is data
 * (`cbt-interventions.json`) so clinicians can review it without reading code; ids are stable kebab-case and are what
 * `Intervention.libraryId` stores.
 *
 * @example
 * getCbtIntervention('behavioural-activation')?.name; // 'Behavioural activation'
 */
import type { ProblemArea } from '../formulation/formulation.js';
import catalogue from './cbt-interventions.json' with { type: 'json' };

/**
 * One entry of the intervention catalogue.
 *
 * @example
 * const ba: CbtIntervention | undefined = getCbtIntervention('behavioural-activation');
 */
export interface CbtIntervention {
  /** Stable kebab-case id, stored as `Intervention.libraryId`. */
  readonly id: string;
  /** The name shown to clinicians and printed on the plan. */
  readonly name: string;
  /** One plain sentence on what it is. Not an evidence claim. */
  readonly summary: string;
  /** Problem areas whose library models use it. */
  readonly problemAreas: readonly ProblemArea[];
}

// The JSON is checked against this shape by cbt-intervention.test.ts, which makes the cast safe.
const INTERVENTIONS = catalogue.interventions as readonly CbtIntervention[];
const BY_ID = new Map(INTERVENTIONS.map((entry) => [entry.id, entry]));

/**
 * Every intervention of the catalogue, in catalogue order.
 *
 * @example
 * listCbtInterventions().map((i) => i.id).includes('interoceptive-exposure'); // true
 */
export function listCbtInterventions(): readonly CbtIntervention[] {
  return INTERVENTIONS;
}

/**
 * One intervention by id, or undefined when the id is not in the catalogue.
 *
 * @example
 * getCbtIntervention('stimulus-control')?.name; // 'Stimulus control'
 * getCbtIntervention('hypnosis'); // undefined
 */
export function getCbtIntervention(id: string): CbtIntervention | undefined {
  return BY_ID.get(id);
}
