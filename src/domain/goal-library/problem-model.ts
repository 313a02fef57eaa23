/**
 * The shape of a problem-specific model in the goal library (DESIGN 2.1, 2.2): for one problem area, the typical
 * maintaining factors (the formulation pick-list), each with objectives and the CBT interventions that address it,
 * plus the problem-level goals. Statements are templates whose `{slots}` are filled from the client's baseline by
 * `instantiateProblemModel`. The models are JSON files in `models/`; `validateProblemModel` checks them.
 *
 * Template slots: `{instrument}` (short name, e.g. PHQ-9), `{behavior}` (the behaviour label), `{baseline}`,
 * `{target}`, `{weeks}` (weeks from the start to the item's due date).
 *
 * @example
 * const factor: MaintainingFactor = {
 *   key: 'depression.withdrawal', name: 'Withdrawal and inactivity', elementKinds: ['perpetuating', 'behaviour'],
 *   description: 'Doing less ...', objectives: [],
 * };
 */
import type { FormulationElementKind, ProblemArea } from '../formulation/formulation.js';
import type { Comparator, Direction, Period } from '../treatment-plans/target.js';
import type { InstrumentTargetRule } from './instrument-target-rule.js';

/**
 * The slots a statement template may use.
 *
 * @example
 * const slot: TemplateSlot = TemplateSlot.baseline; // 'baseline'
 */
export const TemplateSlot = {
  instrument: 'instrument',
  behavior: 'behavior',
  baseline: 'baseline',
  target: 'target',
  weeks: 'weeks',
} as const;
export type TemplateSlot = (typeof TemplateSlot)[keyof typeof TemplateSlot];

/**
 * What a library goal or objective is measured with:
 * - `instrument`: a validated scale; `instrumentIds` in order of preference (the first one the client has a score on
 *   is used);
 * - `behavior`: a count the client records, per period (`behaviorId` is the default id of the client's behaviour);
 * - `task`: a step that is done or not (the numbers are in the statement), with no baseline.
 *
 * @example
 * const panic: LibraryMeasure = { kind: 'behavior', behaviorId: 'panic-attacks', label: 'panic attacks', per: 'week', direction: 'decrease' };
 */
export type LibraryMeasure =
  | { readonly kind: 'instrument'; readonly instrumentIds: readonly string[] }
  | {
      readonly kind: 'behavior';
      readonly behaviorId: string;
      /** What is counted, in words that fit "{behavior} per week" (e.g. "panic attacks"). */
      readonly label: string;
      readonly per: Period;
      readonly direction: Direction;
      /** Highest possible count per period, when there is one (7 for days or nights per week). */
      readonly max?: number;
    }
  | { readonly kind: 'task' };

/**
 * How the target value is set from the baseline:
 * - `instrument-rules`: the first applicable clinically sourced rule from `prefer` (see `InstrumentTargetRule`);
 * - `change-percent` / `change`: relative to the client's baseline; for behaviour counts these are starting
 *   proposals to agree with the client (no published threshold exists), and `rationale` says so;
 * - `absolute`: a fixed value.
 *
 * @example
 * const rule: LibraryTargetRule = { kind: 'instrument-rules', prefer: ['below-caseness', 'reliable-improvement'] };
 */
export type LibraryTargetRule =
  | { readonly kind: 'instrument-rules'; readonly prefer: readonly InstrumentTargetRule[] }
  | { readonly kind: 'change-percent'; readonly changePercent: number; readonly rationale: string }
  | { readonly kind: 'change'; readonly change: number; readonly rationale: string }
  | { readonly kind: 'absolute'; readonly value: number; readonly comparator: Comparator; readonly rationale: string };

/**
 * An intervention of the catalogue as a library objective uses it.
 *
 * @example
 * const use: LibraryInterventionUse = { interventionId: 'worry-postponement', deliveredBy: 'client as homework', frequency: 'daily' };
 */
export interface LibraryInterventionUse {
  /** Id in `cbt-interventions.json`. */
  readonly interventionId: string;
  /** Who delivers it ("clinician in session", "client as homework"). */
  readonly deliveredBy: string;
  /** How often, in words ("weekly in session", "daily"). */
  readonly frequency: string;
}

/**
 * A problem-level goal of the library.
 *
 * @example
 * const goal: LibraryGoal | undefined = getProblemModel('gad').goals[0]; // goal.id === 'gad.goal.reduce-symptoms'
 */
export interface LibraryGoal {
  /** Stable id, `<model id>.goal.<name>`. */
  readonly id: string;
  /** Statement template with slots. */
  readonly statement: string;
  readonly measure: LibraryMeasure;
  /** Null only for `task` measures. */
  readonly targetRule: LibraryTargetRule | null;
  /** A question to draw out the goal in the client's own words. */
  readonly clientWordsPrompt: string;
  /** Maintaining-factor keys this goal addresses (its objectives come from these factors). */
  readonly addresses: readonly string[];
}

/**
 * A short-term, measurable step of the library.
 *
 * @example
 * const objective: LibraryObjective | undefined = listMaintainingFactors('gad')[0]?.objectives[0];
 */
export interface LibraryObjective {
  /** Stable id, `<factor key>.<name>`. */
  readonly id: string;
  /** Statement template with slots. */
  readonly statement: string;
  readonly measure: LibraryMeasure;
  /** Null only for `task` measures. */
  readonly targetRule: LibraryTargetRule | null;
  /** When it falls due, as a fraction of the plan's duration (0 < f ≤ 1); rounded to whole weeks, at least one. */
  readonly dueFraction: number;
  readonly interventions: readonly LibraryInterventionUse[];
}

/** A typical maintaining factor of a problem area: one pick-list entry of the formulation (DESIGN 2.1). */
export interface MaintainingFactor {
  /** Stable key, `<model id>.<name>`; stored as `FormulationElement.libraryKey`. */
  readonly key: string;
  /** Short name for the pick-list. */
  readonly name: string;
  /** The formulation element kinds it is usually recorded as (the first is the default). */
  readonly elementKinds: readonly FormulationElementKind[];
  /** One or two plain sentences on what it is and how it keeps the problem going. */
  readonly description: string;
  readonly objectives: readonly LibraryObjective[];
}

/**
 * A problem-specific model: one JSON file of the goal library.
 *
 * @example
 * const model: ProblemModel = getProblemModel('insomnia');
 */
export interface ProblemModel {
  /** Stable id, equal to the problem area. */
  readonly id: ProblemArea;
  readonly problemArea: ProblemArea;
  /** Name for clinicians, e.g. "Panic disorder and agoraphobia". */
  readonly name: string;
  /** Bumped on every change of content. */
  readonly version: number;
  /** Lower-case words and stems that point to this area in a goal text ("anxi", "worr"). */
  readonly keywords: readonly string[];
  /** A modest, general note on the model (not a claim about a particular client). */
  readonly note: string;
  readonly goals: readonly LibraryGoal[];
  readonly maintainingFactors: readonly MaintainingFactor[];
}
