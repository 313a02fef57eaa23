/**
 * The plan-level SMART lint (DESIGN 2.5): the mistakes of the SMART-goals guide, found in a whole treatment plan —
 * goals too vague, without a measure, baseline or deadline, not linked to the formulation, never endorsed by the
 * client, copied from another client, not achievable in the time given; objectives without interventions; goals
 * without objectives; fewer than two or more than four active goals; a review date passed without a review ("set and
 * forgotten"). Every finding names the goal or objective by its number and path, and carries a concrete suggestion.
 *
 * Goal-level checks apply to `active` goals only (met, revised or discontinued goals are history). Messages name
 * goals and objectives by number and never quote client text; suggestions may quote formulation elements and
 * library wording, because they are shown only to the clinician.
 *
 * @example
 * checkPlan(plan, { today: '2026-11-26', instruments: listMeasures(), latestScores: { gad7: 15 } })
 *   .map((finding) => finding.code);
 * // ['plan-too-few-active-goals', 'plan-goal-not-endorsed', …]
 */
import type { Formulation } from '../formulation/formulation.js';
import { suggestGoalRewrites } from '../goal-assistant/suggest-goal-rewrites.js';
import { toGoalTextInstruments } from '../goal-assistant/to-goal-text-instruments.js';
import { getCbtIntervention } from '../goal-library/cbt-intervention.js';
import { instantiateProblemModel } from '../goal-library/instantiate-problem-model.js';
import { findMaintainingFactor, listProblemModels } from '../goal-library/list-problem-models.js';
import { analyzeGoalText } from '../goal-text/analyze-goal-text.js';
import { addDays } from '../shared/calendar-date.js';
import type { Goal, Objective } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import type { TreatmentPlan } from '../treatment-plans/treatment-plan.js';
import { checkTargetAchievability } from './check-target-achievability.js';
import { normalizeGoalWording } from './normalize-goal-wording.js';
import { PlanCheckCode } from './plan-check-code.js';
import type { PlanCheckContext, PlanCheckInstrument, PlanFinding } from './plan-finding.js';

type Path = readonly (string | number)[];

/**
 * Fewest and most active goals a plan should have (DESIGN 2.4, 2.5).
 *
 * @example
 * activeGoals.length > ACTIVE_GOAL_LIMITS.max; // more than four: plan-too-many-active-goals
 */
export const ACTIVE_GOAL_LIMITS = { min: 2, max: 4 } as const;

/**
 * Runs every plan-level check and returns the findings in plan order (plan-wide first, then goal by goal).
 *
 * @example
 * checkPlan({ ...plan, goals: [] }, { today: '2026-11-26', instruments: [] })[0]?.code;
 * // 'plan-too-few-active-goals'
 */
export function checkPlan(plan: TreatmentPlan, context: PlanCheckContext): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const push = (finding: PlanFinding) => findings.push(finding);
  const active = plan.goals.filter((goal) => goal.status === 'active');

  if (active.length < ACTIVE_GOAL_LIMITS.min) {
    push({
      code: PlanCheckCode.tooFewActiveGoals,
      severity: 'warning',
      path: ['goals'],
      message: `The plan has ${active.length} active goal${active.length === 1 ? '' : 's'}; a plan usually needs two to four.`,
      suggestion:
        'Add a goal for another problem or area of life the client wants to change, in their own words, linked to the formulation.',
      data: { activeGoals: active.length, min: ACTIVE_GOAL_LIMITS.min, max: ACTIVE_GOAL_LIMITS.max },
    });
  }
  if (active.length > ACTIVE_GOAL_LIMITS.max) {
    push({
      code: PlanCheckCode.tooManyActiveGoals,
      severity: 'warning',
      path: ['goals'],
      message: `The plan has ${active.length} active goals; more than four is hard to work on and to review.`,
      suggestion:
        'Keep two to four active goals: merge goals that share a maintaining factor, or move some to a later plan.',
      data: { activeGoals: active.length, min: ACTIVE_GOAL_LIMITS.min, max: ACTIVE_GOAL_LIMITS.max },
    });
  }
  const current = plan.status !== 'superseded';
  const reviewed = context.lastReviewDate != null && context.lastReviewDate >= plan.nextReviewDate;
  if (current && plan.nextReviewDate < context.today && !reviewed) {
    push({
      code: PlanCheckCode.reviewOverdue,
      severity: 'warning',
      path: ['nextReviewDate'],
      message: `The review due on ${plan.nextReviewDate} has not been done.`,
      suggestion:
        'Hold the review now: record each goal’s outcome (met, partially met, not met) with the latest scores, decide to continue, revise or discontinue, and set the next review date.',
      data: { nextReviewDate: plan.nextReviewDate, lastReviewDate: context.lastReviewDate ?? null },
    });
  }

  plan.goals.forEach((goal, index) => {
    if (goal.status === 'active') checkGoal(plan, goal, ['goals', index], context, push);
  });
  return findings;
}

function checkGoal(
  plan: TreatmentPlan,
  goal: Goal,
  path: Path,
  context: PlanCheckContext,
  push: (finding: PlanFinding) => void,
): void {
  const label = `Goal ${goal.position}`;
  const ids = { goalId: goal.id };
  const planEnd = addDays(plan.establishedDate, plan.durationWeeks * 7);
  const linkedKeys = linkedLibraryKeys(goal, context.formulation ?? null);

  const specific = analyzeGoalText(goal.statement, {
    today: context.today,
    instruments: toGoalTextInstruments(context.instruments),
  }).smart.specific;
  if (specific.met === false) {
    push({
      code: PlanCheckCode.goalTooVague,
      severity: 'warning',
      path: [...path, 'statement'],
      message: `${label} is too vague: it does not name a behaviour, task or measure that shows when it is reached.`,
      suggestion: rewriteSuggestion(plan, goal, context),
      data: { ...ids, reason: specific.reason },
    });
  }
  if (goal.targets.length === 0) {
    push({
      code: PlanCheckCode.goalWithoutMeasure,
      severity: 'warning',
      path: [...path, 'targets'],
      message: `${label} has no measure, so progress towards it cannot be tracked.`,
      suggestion: measureSuggestion(linkedKeys, context),
      data: ids,
    });
  }
  if (goal.dueDate === null) {
    push({
      code: PlanCheckCode.goalWithoutDeadline,
      severity: 'warning',
      path: [...path, 'dueDate'],
      message: `${label} has no due date.`,
      suggestion: `Set a due date within the plan, for example its end on ${planEnd}.`,
      data: { ...ids, planEnd },
    });
  } else if (plan.status !== 'superseded' && goal.dueDate < context.today) {
    push({
      code: PlanCheckCode.goalPastDue,
      severity: 'warning',
      path: [...path, 'status'],
      message: `${label} was due on ${goal.dueDate} and is still active.`,
      suggestion:
        'Review the goal with the client: record whether it was met, partially met or not met, then revise or close it.',
      data: { ...ids, dueDate: goal.dueDate },
    });
  }

  if (goal.formulationElementIds.length === 0) {
    push({
      code: PlanCheckCode.goalNotLinkedToFormulation,
      severity: 'warning',
      path: [...path, 'formulationElementIds'],
      message: `${label} is not linked to the formulation, so it is not clear which problem or maintaining factor it addresses.`,
      suggestion: linkSuggestion(context.formulation ?? null),
      data: ids,
    });
  } else if (context.formulation) {
    const known = new Set(context.formulation.elements.map((element) => element.id));
    goal.formulationElementIds.forEach((id, index) => {
      if (known.has(id)) return;
      push({
        code: PlanCheckCode.goalLinkedToMissingElement,
        severity: 'error',
        path: [...path, 'formulationElementIds', index],
        message: `${label} is linked to a formulation element that no longer exists.`,
        suggestion: 'Remove the broken link and link the goal to a current element of the formulation.',
        data: { ...ids, elementId: id },
      });
    });
  }

  if (goal.endorsement === null) {
    push({
      code: PlanCheckCode.goalNotEndorsed,
      severity: 'warning',
      path: [...path, 'endorsement'],
      message: `${label} has not been endorsed by the client: it may be the therapist’s goal rather than theirs.`,
      suggestion:
        'Go through the goal with the client, note it in their own words, and record when and how they endorsed it (in session, by link or in writing).',
      data: ids,
    });
  }

  const wording = normalizeGoalWording(goal.statement);
  if (wording !== '' && context.otherClientGoalWordings?.has(wording)) {
    push({
      code: PlanCheckCode.goalWordingCopied,
      severity: 'warning',
      path: [...path, 'statement'],
      message: `${label} is worded exactly like a goal of another client.`,
      suggestion:
        'Individualise it: build it from this client’s own words, baseline and circumstances (what they want to be able to do).',
      data: ids,
    });
  }

  goal.targets.forEach((target, index) => {
    checkTarget(target, label, [...path, 'targets', index], { ...ids, targetId: target.id }, context, push);
  });

  if (goal.objectives.length === 0) {
    push({
      code: PlanCheckCode.goalWithoutObjectives,
      severity: 'warning',
      path: [...path, 'objectives'],
      message: `${label} has no objectives: the short-term steps towards it are not defined.`,
      suggestion: objectiveSuggestion(plan, linkedKeys, context),
      data: ids,
    });
  }
  goal.objectives.forEach((objective, index) => {
    checkObjective(goal, objective, [...path, 'objectives', index], context, push);
  });
}

function checkObjective(
  goal: Goal,
  objective: Objective,
  path: Path,
  context: PlanCheckContext,
  push: (finding: PlanFinding) => void,
): void {
  const label = `Objective ${goal.position}.${objective.position}`;
  const ids = { goalId: goal.id, objectiveId: objective.id };
  if (objective.targets.length === 0) {
    const measurable = analyzeGoalText(objective.statement, {
      today: context.today,
      instruments: toGoalTextInstruments(context.instruments),
    }).smart.measurable;
    if (measurable.met === false) {
      push({
        code: PlanCheckCode.objectiveNotMeasurable,
        severity: 'warning',
        path: [...path, 'statement'],
        message: `${label} cannot be measured: it has no target and its wording names no count, score or task.`,
        suggestion:
          'Bind it to a behaviour the client counts or an instrument, or word it as an observable task with a number (e.g. “Complete at least three thought records a week”).',
        data: { ...ids, reason: measurable.reason },
      });
    }
  }
  if (objective.dueDate === null) {
    push({
      code: PlanCheckCode.objectiveWithoutDeadline,
      severity: 'warning',
      path: [...path, 'dueDate'],
      message: `${label} has no due date.`,
      suggestion: goal.dueDate
        ? `Set a due date before the goal’s own (${goal.dueDate}), so progress can be seen on the way.`
        : 'Set a due date a few weeks ahead, so progress can be seen on the way.',
      data: ids,
    });
  }
  if (objective.interventions.length === 0) {
    push({
      code: PlanCheckCode.objectiveWithoutInterventions,
      severity: 'warning',
      path: [...path, 'interventions'],
      message: `${label} has no interventions: how it will be reached is not stated.`,
      suggestion: interventionSuggestion(goal, context.formulation ?? null),
      data: ids,
    });
  }
  objective.targets.forEach((target, index) => {
    checkTarget(target, label, [...path, 'targets', index], { ...ids, targetId: target.id }, context, push);
  });
}

function checkTarget(
  target: Target,
  label: string,
  path: Path,
  ids: Readonly<Record<string, string>>,
  context: PlanCheckContext,
  push: (finding: PlanFinding) => void,
): void {
  const instrument =
    target.measure.kind === 'instrument' ? findInstrument(context.instruments, target.measure.instrumentId) : undefined;
  const measureName =
    instrument?.shortName ?? (target.measure.kind === 'behavior' ? 'the behaviour count' : 'the measure');
  if (target.baseline === null) {
    const latest = instrument ? context.latestScores?.[instrument.id] : undefined;
    push({
      code: PlanCheckCode.targetWithoutBaseline,
      severity: 'warning',
      path: [...path, 'baseline'],
      message: `${label} has a target on ${measureName} without a baseline, so change cannot be judged.`,
      suggestion:
        latest !== undefined
          ? `Use the client’s latest ${measureName} score, ${latest}, as the baseline.`
          : target.measure.kind === 'instrument'
            ? `Give the ${measureName} now and use the score as the baseline.`
            : 'Ask the client to record the behaviour for one to two weeks and use the weekly count as the baseline.',
      data: { ...ids, latestScore: latest ?? null },
    });
  }
  const verdict = checkTargetAchievability(target, instrument);
  if (verdict.kind === 'already-met') {
    push({
      code: PlanCheckCode.targetAlreadyMet,
      severity: 'warning',
      path: [...path, 'goal'],
      message: `${label}: the baseline (${verdict.baseline}) already meets the target (${verdict.targetValue}).`,
      suggestion:
        'Set a target the client has not yet reached, or change the direction to "maintain" if the aim is to keep it.',
      data: { ...ids, baseline: verdict.baseline, targetValue: verdict.targetValue },
    });
  }
  if (verdict.kind === 'not-achievable') {
    const words = unachievableWords(verdict, measureName, instrument);
    push({
      code: PlanCheckCode.targetNotAchievable,
      severity: 'warning',
      path: [...path, verdict.reason === 'no-time' ? 'dueDate' : 'goal'],
      message: `${label}: ${words.message}`,
      suggestion: words.suggestion,
      data: {
        ...ids,
        reason: verdict.reason,
        targetValue: verdict.targetValue,
        weeks: verdict.weeks,
        weeksNeeded: verdict.weeksNeeded,
        source: verdict.source,
      },
    });
  }
}

function unachievableWords(
  verdict: Extract<ReturnType<typeof checkTargetAchievability>, { kind: 'not-achievable' }>,
  measureName: string,
  instrument: PlanCheckInstrument | undefined,
): { message: string; suggestion: string } {
  switch (verdict.reason) {
    case 'no-time':
      return {
        message: 'the target is due no later than it starts.',
        suggestion: 'Set the due date after the start date, allowing enough weeks for the change asked for.',
      };
    case 'beyond-scale':
      return {
        message: instrument
          ? `the target lies outside the ${measureName} range of ${instrument.range.min}–${instrument.range.max}.`
          : 'the target asks for a count below zero.',
        suggestion: instrument
          ? `Set a target within ${instrument.range.min}–${instrument.range.max}, such as below the caseness cut-off or a reliable improvement.`
          : 'Set a count of zero or more.',
      };
    case 'faster-than-typical-course':
      return {
        message: `the change asked for is faster than the ${measureName}’s typical course (about ${verdict.weeksNeeded} weeks needed, ${Math.round(verdict.weeks)} given).`,
        suggestion: `Allow at least ${verdict.weeksNeeded} weeks, or aim for a smaller first step such as a reliable improvement.`,
      };
  }
}

function findInstrument(instruments: readonly PlanCheckInstrument[], id: string): PlanCheckInstrument | undefined {
  return instruments.find((instrument) => instrument.id === id);
}

/** Library keys of the formulation elements the goal is linked to. */
function linkedLibraryKeys(goal: Goal, formulation: Formulation | null): string[] {
  if (!formulation) return [];
  const linked = new Set(goal.formulationElementIds);
  return formulation.elements
    .filter((element) => linked.has(element.id) && element.libraryKey !== null)
    .map((element) => element.libraryKey as string)
    .filter((key) => findMaintainingFactor(key) !== undefined);
}

function measureSuggestion(linkedKeys: readonly string[], context: PlanCheckContext): string {
  const scores = context.latestScores ?? {};
  const areas = new Set(linkedKeys.map((key) => key.split('.')[0]));
  const preferred = listProblemModels()
    .filter((model) => areas.has(model.id))
    .flatMap((model) =>
      model.goals.flatMap((goal) => (goal.measure.kind === 'instrument' ? goal.measure.instrumentIds : [])),
    );
  const candidates = [...preferred, ...Object.keys(scores)];
  const id = candidates.find(
    (candidate) => scores[candidate] !== undefined && findInstrument(context.instruments, candidate),
  );
  const instrument = id ? findInstrument(context.instruments, id) : undefined;
  if (instrument && id) {
    return `Bind it to the ${instrument.shortName} (latest score ${scores[id]}) with a target such as below the caseness cut-off, or to a behaviour the client can count each week.`;
  }
  return 'Bind it to a validated measure (for example the PHQ-9 or GAD-7) or to a behaviour the client can count each week, with a baseline and a target value.';
}

function rewriteSuggestion(plan: TreatmentPlan, goal: Goal, context: PlanCheckContext): string {
  const [rewrite] = suggestGoalRewrites({
    text: goal.statement,
    today: context.today,
    instruments: context.instruments,
    plan: { startDate: goal.startDate, durationWeeks: plan.durationWeeks },
    client: { latestScores: context.latestScores ?? {}, formulation: context.formulation ?? null },
  });
  if (!rewrite) {
    return 'Say what will be different in a way that can be counted or scored: a symptom measure, a behaviour the client counts, or a task, with a target value and a date.';
  }
  return `Rewrite it from the client’s data, for example: “${rewrite.text}”. ${rewrite.explanation}`;
}

function linkSuggestion(formulation: Formulation | null): string {
  const candidates = (formulation?.elements ?? []).filter((element) =>
    ['presenting-problem', 'perpetuating', 'safety-behaviour', 'avoidance'].includes(element.kind),
  );
  if (candidates.length === 0)
    return 'Link it to the problem and the maintaining factors in the formulation that it addresses.';
  const names = candidates.slice(0, 3).map((element) => `“${element.text}”`);
  return `Link it to the formulation elements it addresses, for example ${names.join(', ')}.`;
}

function objectiveSuggestion(plan: TreatmentPlan, linkedKeys: readonly string[], context: PlanCheckContext): string {
  const generic =
    'Add one to three short-term objectives: measurable steps towards the goal, each with a due date and the interventions that will achieve it.';
  const key = linkedKeys[0];
  if (key === undefined) return generic;
  const model = listProblemModels().find((candidate) => key.startsWith(`${candidate.id}.`));
  if (!model) return generic;
  const drafts = instantiateProblemModel(model, {
    startDate: plan.establishedDate,
    durationWeeks: plan.durationWeeks,
    instruments: context.instruments,
    baseline: { latestScores: context.latestScores ?? {} },
    factorKeys: [key],
  });
  const objective = drafts.goals.flatMap((goal) => goal.objectives)[0];
  return objective ? `${generic} For example: “${objective.statement}” (goal library).` : generic;
}

function interventionSuggestion(goal: Goal, formulation: Formulation | null): string {
  const generic = 'Add the CBT interventions that will achieve it, with who delivers them and how often.';
  const key = linkedLibraryKeys(goal, formulation)[0];
  const factor = key ? findMaintainingFactor(key) : undefined;
  const ids = [
    ...new Set(factor?.objectives.flatMap((objective) => objective.interventions.map((use) => use.interventionId))),
  ];
  const names = ids.map((id) => getCbtIntervention(id)?.name).filter((name): name is string => name !== undefined);
  if (names.length === 0) return generic;
  return `${generic} For “${factor?.name}” the library suggests: ${names.join(', ')}.`;
}
