/**
 * The goal library's problem-specific models (DESIGN 2.1, 2.2): one JSON file per problem area in `models/`.
 * `goal-library.test.ts` validates every file with `validateProblemModel`, which makes the typed view here safe.
 *
 * @example
 * listProblemModels().map((model) => model.id);
 * // ['depression', 'panic', 'gad', 'ptsd', 'social-anxiety', 'ocd', 'insomnia']
 */
import type { ProblemArea } from '../formulation/formulation.js';
import depression from './models/depression.json' with { type: 'json' };
import gad from './models/gad.json' with { type: 'json' };
import insomnia from './models/insomnia.json' with { type: 'json' };
import ocd from './models/ocd.json' with { type: 'json' };
import panic from './models/panic-agoraphobia.json' with { type: 'json' };
import ptsd from './models/ptsd.json' with { type: 'json' };
import socialAnxiety from './models/social-anxiety.json' with { type: 'json' };
import type { MaintainingFactor, ProblemModel } from './problem-model.js';

// JSON imports are typed with plain strings; the library test validates each file, so the cast is checked there.
const MODELS = [depression, panic, gad, ptsd, socialAnxiety, ocd, insomnia] as unknown as readonly ProblemModel[];
const BY_AREA = new Map(MODELS.map((model) => [model.problemArea, model]));
const FACTORS = new Map(MODELS.flatMap((model) => model.maintainingFactors.map((factor) => [factor.key, factor])));

/**
 * Every problem model of the library, in DESIGN order.
 *
 * @example
 * listProblemModels().length; // 7
 */
export function listProblemModels(): readonly ProblemModel[] {
  return MODELS;
}

/**
 * The model for one problem area.
 *
 * @example
 * getProblemModel('panic').name; // 'Panic disorder and agoraphobia'
 */
export function getProblemModel(area: ProblemArea): ProblemModel {
  const model = BY_AREA.get(area);
  if (!model) throw new RangeError(`no goal-library model for ${area}`); // a bug: every ProblemArea has a model
  return model;
}

/**
 * The pick-list of typical maintaining factors for a problem area (DESIGN 2.1), in library order. A formulation
 * element picked from it stores the factor's `key` as `libraryKey`.
 *
 * @example
 * listMaintainingFactors('depression').map((f) => f.key);
 * // ['depression.withdrawal', 'depression.rumination', 'depression.negative-thoughts']
 */
export function listMaintainingFactors(area: ProblemArea): readonly MaintainingFactor[] {
  return getProblemModel(area).maintainingFactors;
}

/**
 * The maintaining factor with this library key, or undefined (free-text elements have no key).
 *
 * @example
 * findMaintainingFactor('gad.worry')?.name; // "Worry (chains of 'what if' thoughts that feel uncontrollable)"
 */
export function findMaintainingFactor(key: string): MaintainingFactor | undefined {
  return FACTORS.get(key);
}
