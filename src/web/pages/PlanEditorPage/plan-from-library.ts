/**
 * Starting a plan from the goal library (DESIGN 2.2: "ready-to-adapt goals, objectives and interventions …
 * parameterised by the client's own baseline (filled from the latest score)"): the domain's `instantiateProblemModel`
 * drafts a model's goals for this client, and this module matches the library's behaviour counts to the behaviours the
 * client already counts, links each goal to the formulation elements of the factors it addresses, picks which drafts
 * are ready to adopt, and turns the picked drafts into editor goals.
 *
 * @example
 * const offer = libraryOffer(getProblemModel('depression'), { today: '2026-12-03', durationWeeks: 16,
 *   latestScores: { phq9: 17 }, behaviors: [], behaviorBaselines: [], formulation: null });
 * const goals = adoptLibraryDrafts(offer, defaultPicks(offer), '2026-12-03');
 * goals[0]?.statement; // 'Reduce depression symptoms on the PHQ-9 from 17 to 9 or below within 16 weeks'
 */
import type { Formulation } from '../../../domain/formulation/formulation.js';
import type { BehaviorBaseline } from '../../../domain/goal-assistant/suggest-goal-rewrites.js';
import {
  type GoalDraft,
  instantiateProblemModel,
  type LibraryItemDraft,
  type ObjectiveDraft,
  type TargetDraft,
} from '../../../domain/goal-library/instantiate-problem-model.js';
import type { LibraryMeasure, ProblemModel } from '../../../domain/goal-library/problem-model.js';
import type { Behavior, Plan, PlanGoal, PlanObjective, PlanTarget } from '../../api/clients-api.js';
import { comparatorSymbol } from '../../lib/format.js';
import { findInstrument, INSTRUMENTS } from '../../lib/instruments.js';
import { localId } from './plan-draft.js';

/** What the library drafts are built from. */
export interface LibraryContext {
  readonly today: string;
  readonly durationWeeks: number;
  readonly latestScores: Readonly<Record<string, number>>;
  /** The behaviours the client counts. */
  readonly behaviors: readonly Behavior[];
  /** The latest count per behaviour name (the client data's `behaviorBaselines`). */
  readonly behaviorBaselines: readonly BehaviorBaseline[];
  /** The client's formulation: an adopted goal is linked to the elements picked for the factors it addresses. */
  readonly formulation: Formulation | null;
}

/** The drafts of one model for this client, and the client behaviour each library behaviour maps to. */
export interface LibraryOffer {
  readonly model: ProblemModel;
  readonly goals: readonly GoalDraft[];
  /** Library `behaviorId` → the client's behaviour id, for the behaviours the client already counts. */
  readonly behaviorIds: ReadonlyMap<string, string>;
  /** Library goal id → the formulation element ids of the maintaining factors that goal addresses. */
  readonly formulationLinks: ReadonlyMap<string, readonly string[]>;
}

/**
 * Library behaviour measures of a model (goals' and objectives'), by library id.
 *
 * @example
 * libraryBehaviors(getProblemModel('panic')).get('panic-attacks')?.label // 'panic attacks'
 */
function libraryBehaviors(model: ProblemModel): Map<string, Extract<LibraryMeasure, { kind: 'behavior' }>> {
  const found = new Map<string, Extract<LibraryMeasure, { kind: 'behavior' }>>();
  const add = (measure: LibraryMeasure) => {
    if (measure.kind === 'behavior') found.set(measure.behaviorId, measure);
  };
  for (const goal of model.goals) add(goal.measure);
  for (const factor of model.maintainingFactors) for (const objective of factor.objectives) add(objective.measure);
  return found;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The model's drafts for this client: instrument baselines from the latest scores, behaviour baselines from a client
 * behaviour whose name matches the library's label (or id) and whose period is the library's, so a count per day is
 * never read as a count per week.
 *
 * @example
 * libraryOffer(getProblemModel('depression'), context).goals.length // 2
 */
export function libraryOffer(model: ProblemModel, context: LibraryContext): LibraryOffer {
  const behaviorIds = new Map<string, string>();
  const behaviorCounts: Record<string, number> = {};
  for (const [libraryId, measure] of libraryBehaviors(model)) {
    const names = new Set([words(measure.label), words(libraryId)]);
    const behavior = context.behaviors.find((b) => names.has(words(b.name)) && b.period === measure.per);
    if (!behavior) continue;
    behaviorIds.set(libraryId, behavior.id);
    const baseline = context.behaviorBaselines.find((b) => b.behavior === behavior.name && b.per === measure.per);
    if (baseline) behaviorCounts[libraryId] = baseline.value;
  }
  const drafts = instantiateProblemModel(model, {
    startDate: context.today,
    durationWeeks: context.durationWeeks,
    instruments: INSTRUMENTS,
    baseline: { latestScores: context.latestScores, behaviorCounts },
  });
  const formulationLinks = new Map<string, readonly string[]>();
  for (const goal of model.goals) {
    const elements = (context.formulation?.elements ?? []).filter(
      (element) => element.libraryKey !== null && goal.addresses.includes(element.libraryKey),
    );
    formulationLinks.set(
      goal.id,
      elements.map((element) => element.id),
    );
  }
  return { model, goals: drafts.goals, behaviorIds, formulationLinks };
}

/**
 * A draft item's key in the picks: `goal:<index>` or `goal:<index>/objective:<index>`.
 *
 * @example
 * pickKey(0) // 'goal:0'; pickKey(0, 1) // 'goal:0/objective:1'
 */
export function pickKey(goalIndex: number, objectiveIndex?: number): string {
  return objectiveIndex === undefined ? `goal:${goalIndex}` : `goal:${goalIndex}/objective:${objectiveIndex}`;
}

/**
 * Whether a draft is ready as it stands: every slot of its statement filled (a behaviour the client does not count yet,
 * or an instrument without a score, leaves `[baseline]` for the clinician to complete).
 *
 * @example
 * isReady({ missing: [], … }) // true
 */
export function isReady(item: LibraryItemDraft): boolean {
  return item.missing.length === 0;
}

/**
 * The drafts picked by default: the ready ones (an objective only under a picked goal). Drafts still missing a
 * baseline are offered unpicked, so adopting the defaults gives a plan with no `[baseline]` gaps.
 *
 * @example
 * defaultPicks(offer).has('goal:0') // true when the client has a PHQ-9 score
 */
export function defaultPicks(offer: LibraryOffer): Set<string> {
  const picks = new Set<string>();
  offer.goals.forEach((goal, g) => {
    if (!isReady(goal)) return;
    picks.add(pickKey(g));
    goal.objectives.forEach((objective, o) => {
      if (isReady(objective)) picks.add(pickKey(g, o));
    });
  });
  return picks;
}

function toTarget(target: TargetDraft | null, offer: LibraryOffer): PlanTarget[] {
  if (target === null) return [];
  let measure: PlanTarget['measure'];
  if (target.measure.kind === 'behavior') {
    const behaviorId = offer.behaviorIds.get(target.measure.behaviorId);
    if (!behaviorId) return []; // not counted for this client: the statement stays, the target is added later
    measure = { kind: 'behavior', behaviorId };
  } else {
    measure = target.measure;
  }
  return [
    {
      id: localId('target'),
      measure,
      direction: target.direction,
      baseline: target.baseline,
      goal: target.goal,
      per: target.per,
      startDate: target.startDate,
      dueDate: target.dueDate,
    },
  ];
}

function toObjective(draft: ObjectiveDraft, position: number, offer: LibraryOffer): PlanObjective {
  return {
    id: localId('objective'),
    position,
    statement: draft.statement,
    targets: toTarget(draft.target, offer),
    dueDate: draft.dueDate,
    interventions: draft.interventions.map((intervention) => ({ id: localId('intervention'), ...intervention })),
  };
}

/**
 * The picked drafts as editor goals (numbered from `firstPosition`), each with its picked objectives and their
 * interventions. A picked objective whose goal is not picked is left out.
 *
 * @example
 * adoptLibraryDrafts(offer, new Set(['goal:0', 'goal:0/objective:0']), '2026-12-03')[0]?.objectives.length // 1
 */
export function adoptLibraryDrafts(
  offer: LibraryOffer,
  picks: ReadonlySet<string>,
  today: string,
  firstPosition = 1,
): PlanGoal[] {
  const goals: PlanGoal[] = [];
  offer.goals.forEach((draft, g) => {
    if (!picks.has(pickKey(g))) return;
    const objectives = draft.objectives
      .filter((_, o) => picks.has(pickKey(g, o)))
      .map((objective, index) => toObjective(objective, index + 1, offer));
    goals.push({
      id: localId('goal'),
      position: firstPosition + goals.length,
      statement: draft.statement,
      clientWords: null,
      formulationElementIds: [...(offer.formulationLinks.get(draft.libraryId) ?? [])],
      targets: toTarget(draft.target, offer),
      startDate: today,
      dueDate: draft.dueDate,
      status: 'active',
      endorsement: null,
      objectives,
    });
  });
  return goals;
}

/**
 * Fills the plan's blank payer texts from what is already recorded, for the clinician to read and edit: presenting
 * problems and strengths from the formulation's elements of those kinds, and discharge criteria from the adopted
 * goals' instrument targets ("PHQ-9 ≤ 9"). A text the clinician has written is never replaced; nothing is invented
 * (a text with no source stays blank).
 *
 * @example
 * prefillPlanDetails({ ...plan, dischargeCriteria: '' }, goals, null).dischargeCriteria
 * // 'The goals of this plan are met: PHQ-9 ≤ 9.'
 */
export function prefillPlanDetails(plan: Plan, goals: readonly PlanGoal[], formulation: Formulation | null): Plan {
  const texts = (kind: string) =>
    (formulation?.elements ?? [])
      .filter((element) => element.kind === kind)
      .map((element) => element.text.trim())
      .filter((text) => text !== '');
  const sentence = (items: readonly string[]) => (items.length === 0 ? '' : `${items.join('; ')}.`);
  const criteria = goals.flatMap((goal) =>
    goal.targets.flatMap((target) => {
      if (target.measure.kind !== 'instrument' || target.goal.kind !== 'absolute') return [];
      const name = findInstrument(target.measure.instrumentId)?.shortName ?? target.measure.instrumentId;
      return [`${name} ${comparatorSymbol(target.goal.comparator)} ${target.goal.value}`];
    }),
  );
  const blank = (text: string) => text.trim() === '';
  return {
    ...plan,
    presentingProblems: blank(plan.presentingProblems)
      ? sentence(texts('presenting-problem'))
      : plan.presentingProblems,
    strengths: blank(plan.strengths) ? sentence(texts('strength')) : plan.strengths,
    dischargeCriteria:
      blank(plan.dischargeCriteria) && criteria.length > 0
        ? `The goals of this plan are met: ${criteria.join('; ')}.`
        : plan.dischargeCriteria,
  };
}
