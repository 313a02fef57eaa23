/**
 * A structured CBT formulation (DESIGN 2.1): elements with ids, so goals can link to them and the narrative draft
 * can cite them.
 *
 * @example
 * const f: Formulation = { id: 'f1', clientId: 'c1', problemAreas: ['depression'], elements: [
 *   { id: 'fe1', kind: 'perpetuating', text: 'Withdrawal and inactivity', libraryKey: 'depression.withdrawal' } ] };
 */
export const FormulationElementKind = {
  presentingProblem: 'presenting-problem',
  predisposing: 'predisposing',
  precipitating: 'precipitating',
  perpetuating: 'perpetuating',
  protective: 'protective',
  situation: 'situation',
  thought: 'thought',
  emotion: 'emotion',
  bodily: 'bodily',
  behaviour: 'behaviour',
  coreBelief: 'core-belief',
  ruleAssumption: 'rule-assumption',
  safetyBehaviour: 'safety-behaviour',
  avoidance: 'avoidance',
  strength: 'strength',
  value: 'value',
} as const;
export type FormulationElementKind = (typeof FormulationElementKind)[keyof typeof FormulationElementKind];

export const ProblemArea = {
  depression: 'depression',
  panic: 'panic',
  gad: 'gad',
  ptsd: 'ptsd',
  socialAnxiety: 'social-anxiety',
  ocd: 'ocd',
  insomnia: 'insomnia',
} as const;
export type ProblemArea = (typeof ProblemArea)[keyof typeof ProblemArea];

export interface FormulationElement {
  readonly id: string;
  readonly kind: FormulationElementKind;
  readonly text: string;
  /** Key of the pick-list entry it came from (e.g. "depression.rumination"), or null for free text. */
  readonly libraryKey: string | null;
}

export interface Formulation {
  readonly id: string;
  readonly clientId: string;
  readonly problemAreas: readonly ProblemArea[];
  readonly elements: readonly FormulationElement[];
}
