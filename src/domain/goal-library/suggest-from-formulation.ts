/**
 * Suggests goals, objectives and interventions for a client from their formulation (DESIGN 2.1, 2.2): every element
 * picked from a library pick-list (its `libraryKey`) brings the objectives and interventions that address that
 * maintaining factor, filled from the client's baseline, under the library goals that address it. Each suggested goal
 * lists the formulation elements it would link to, so the plan starts linked to the formulation. Factors of the
 * formulation's problem areas that are not in the formulation yet are returned as prompts, not as suggestions.
 *
 * @example
 * const suggestions = suggestFromFormulation(formulation, { startDate: '2026-09-01', durationWeeks: 16,
 *   instruments: [gad7], baseline: { latestScores: { gad7: 15 } } });
 * suggestions.goals[0]?.formulationElementIds; // ['fe3']
 */
import type { Formulation, ProblemArea } from '../formulation/formulation.js';
import {
  type GoalDraft,
  type InstantiateProblemModelOptions,
  instantiateProblemModel,
} from './instantiate-problem-model.js';
import { findMaintainingFactor, listProblemModels } from './list-problem-models.js';
import type { MaintainingFactor } from './problem-model.js';

/**
 * A suggested goal: a library draft plus the formulation elements it addresses and the problem area it serves.
 *
 * @example
 * const first: GoalSuggestion | undefined = suggestFromFormulation(formulation, options).goals[0];
 */
export interface GoalSuggestion extends GoalDraft {
  readonly problemArea: ProblemArea;
  readonly formulationElementIds: readonly string[];
}

/**
 * A maintaining factor of one of the formulation's problem areas that the formulation does not record yet.
 *
 * @example
 * suggestFromFormulation(formulation, options).prompts.map((p: FactorPrompt) => p.factor.name);
 */
export interface FactorPrompt {
  readonly problemArea: ProblemArea;
  readonly factor: MaintainingFactor;
}

/**
 * What `suggestFromFormulation` returns.
 *
 * @example
 * const { goals, prompts, unknownKeys }: FormulationSuggestions = suggestFromFormulation(formulation, options);
 */
export interface FormulationSuggestions {
  readonly goals: readonly GoalSuggestion[];
  /** Pick-list factors not yet in the formulation: "does this keep the problem going too?". */
  readonly prompts: readonly FactorPrompt[];
  /** `libraryKey`s of elements that match no factor of the library (an old or mistyped key). */
  readonly unknownKeys: readonly string[];
}

/**
 * Options of `suggestFromFormulation`: as `instantiateProblemModel`, without the factor filter.
 *
 * @example
 * const options: SuggestFromFormulationOptions = { startDate: '2026-09-01', durationWeeks: 16, instruments, baseline: {} };
 */
export type SuggestFromFormulationOptions = Omit<InstantiateProblemModelOptions, 'factorKeys'>;

/**
 * Suggestions for a formulation, model by model in library order.
 *
 * @example
 * suggestFromFormulation({ id: 'f1', clientId: 'c1', problemAreas: ['depression'], elements: [
 *   { id: 'e1', kind: 'perpetuating', text: 'Stopped seeing friends', libraryKey: 'depression.withdrawal' },
 * ] }, options).goals.map((g) => g.libraryId);
 * // ['depression.goal.reduce-symptoms']
 */
export function suggestFromFormulation(
  formulation: Formulation,
  options: SuggestFromFormulationOptions,
): FormulationSuggestions {
  const elementsByKey = new Map<string, string[]>();
  const unknownKeys: string[] = [];
  for (const element of formulation.elements) {
    if (element.libraryKey === null) continue;
    if (!findMaintainingFactor(element.libraryKey)) {
      if (!unknownKeys.includes(element.libraryKey)) unknownKeys.push(element.libraryKey);
      continue;
    }
    const ids = elementsByKey.get(element.libraryKey) ?? [];
    ids.push(element.id);
    elementsByKey.set(element.libraryKey, ids);
  }

  const goals: GoalSuggestion[] = [];
  const prompts: FactorPrompt[] = [];
  for (const model of listProblemModels()) {
    const keys = model.maintainingFactors.map((factor) => factor.key).filter((key) => elementsByKey.has(key));
    if (keys.length > 0) {
      for (const draft of instantiateProblemModel(model, { ...options, factorKeys: keys }).goals) {
        const addressed = new Set(draft.objectives.map((objective) => objective.factorKey));
        const libraryGoal = model.goals.find((goal) => goal.id === draft.libraryId);
        for (const key of libraryGoal?.addresses ?? []) if (elementsByKey.has(key)) addressed.add(key);
        const formulationElementIds = [...addressed].flatMap((key) => elementsByKey.get(key) ?? []);
        goals.push({ ...draft, problemArea: model.problemArea, formulationElementIds });
      }
    }
    if (formulation.problemAreas.includes(model.problemArea)) {
      for (const factor of model.maintainingFactors) {
        if (!elementsByKey.has(factor.key)) prompts.push({ problemArea: model.problemArea, factor });
      }
    }
  }
  return { goals, prompts, unknownKeys };
}
