/**
 * The problem areas a goal text speaks of, from the goal library's keywords ("anxi", "worr" → GAD; "sleep" →
 * insomnia), best match first. Used by the goal assistant to pick the library model and measures for a vague goal.
 *
 * @example
 * detectProblemAreas('Reduce anxiety'); // ['gad']
 * detectProblemAreas('fewer panic attacks'); // ['panic']
 */
import type { ProblemArea } from '../formulation/formulation.js';
import { listProblemModels } from '../goal-library/list-problem-models.js';

/**
 * Areas whose keywords occur in the text, most keyword hits first (library order breaks ties); empty when none.
 *
 * @example
 * detectProblemAreas('I want to sleep better and worry less'); // ['gad', 'insomnia']
 */
export function detectProblemAreas(text: string): ProblemArea[] {
  const words = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const scored = listProblemModels()
    .map((model, order) => ({
      area: model.problemArea,
      order,
      hits: model.keywords.filter((keyword) => words.includes(` ${keyword}`)).length,
    }))
    .filter((entry) => entry.hits > 0);
  scored.sort((a, b) => b.hits - a.hits || a.order - b.order);
  return scored.map((entry) => entry.area);
}
