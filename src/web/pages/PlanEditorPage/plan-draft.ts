/**
 * The plan editor's draft: a plain copy of the plan that the editor changes immutably, helpers to add and remove
 * goals, objectives and interventions, and the conversion of a target read from goal text into a structured target
 * (DESIGN 2.5: "the clinician confirms instead of re-typing").
 *
 * @example
 * const draft = newPlanDraft('c1', '2026-11-27');
 * const next = addGoal(draft, '2026-11-27');
 * targetFromText(parsed, deadline, { startDate: '2026-11-27', dueDate: null, durationWeeks: 16, latestScores: {}, behaviors: [] })
 */
import type { GoalTextDeadline, GoalTextTarget } from '../../../domain/goal-text/goal-analysis.js';
import { addDays } from '../../../domain/shared/calendar-date.js';
import type { Behavior, Plan, PlanGoal, PlanObjective, PlanTarget } from '../../api/clients-api.js';

let counter = 0;

/**
 * A local id for something added in the editor (the server assigns real ids when the plan is saved).
 *
 * @example
 * localId('goal') // 'new-goal-1'
 */
export function localId(kind: string): string {
  counter += 1;
  return `new-${kind}-${counter}`;
}

/**
 * An empty draft plan for a client without one (payer fields left for the clinician to fill).
 *
 * @example
 * newPlanDraft('c1', '2026-11-27').status // 'draft'
 */
export function newPlanDraft(clientId: string, today: string): Plan {
  return {
    id: localId('plan'),
    clientId,
    version: 1,
    revision: 0,
    status: 'draft',
    previousVersionId: null,
    establishedDate: today,
    presentingProblems: '',
    diagnoses: [],
    serviceType: 'individual',
    sessionMinutes: 50,
    sessionFrequency: 'weekly',
    durationWeeks: 16,
    reviewIntervalDays: 90,
    nextReviewDate: addDays(today, 90),
    dischargeCriteria: '',
    referrals: '',
    strengths: '',
    clientParticipation: '',
    goals: [],
    clinicianSignature: null,
    supervisorSignature: null,
    contentHash: null,
  };
}

/**
 * A draft of the next version of a signed plan (a signed plan is immutable; changing it makes a new version).
 *
 * @example
 * draftFrom(signedPlan).status // 'draft'
 */
export function draftFrom(plan: Plan): Plan {
  const copy = structuredClone(plan) as Plan;
  if (plan.status === 'draft') return copy;
  return {
    ...copy,
    status: 'draft',
    version: plan.version + 1,
    revision: 0,
    previousVersionId: plan.id,
    clinicianSignature: null,
    supervisorSignature: null,
    contentHash: null,
  };
}

/**
 * Adds an empty active goal starting today.
 *
 * @example
 * addGoal(draft, '2026-11-27').goals.length // draft.goals.length + 1
 */
export function addGoal(plan: Plan, today: string): Plan {
  const goal: PlanGoal = {
    id: localId('goal'),
    position: plan.goals.length + 1,
    statement: '',
    clientWords: null,
    formulationElementIds: [],
    targets: [],
    startDate: today,
    dueDate: null,
    status: 'active',
    endorsement: null,
    objectives: [],
  };
  return { ...plan, goals: [...plan.goals, goal] };
}

/**
 * Replaces one goal (by id) with `change(goal)`.
 *
 * @example
 * updateGoal(plan, goalId, (g) => ({ ...g, statement: 'Reduce …' }))
 */
export function updateGoal(plan: Plan, goalId: string, change: (goal: PlanGoal) => PlanGoal): Plan {
  return { ...plan, goals: plan.goals.map((g) => (g.id === goalId ? change(g) : g)) };
}

/**
 * Removes a goal and renumbers the rest.
 *
 * @example
 * removeGoal(plan, goalId).goals.map((g) => g.position) // [1, 2]
 */
export function removeGoal(plan: Plan, goalId: string): Plan {
  return { ...plan, goals: plan.goals.filter((g) => g.id !== goalId).map((g, i) => ({ ...g, position: i + 1 })) };
}

/**
 * Adds an empty objective to a goal.
 *
 * @example
 * addObjective(goal).objectives.length // goal.objectives.length + 1
 */
export function addObjective(goal: PlanGoal): PlanGoal {
  const objective: PlanObjective = {
    id: localId('objective'),
    position: goal.objectives.length + 1,
    statement: '',
    targets: [],
    dueDate: null,
    interventions: [],
  };
  return { ...goal, objectives: [...goal.objectives, objective] };
}

/**
 * Replaces one objective of a goal.
 *
 * @example
 * updateObjective(goal, objectiveId, (o) => ({ ...o, statement: '…' }))
 */
export function updateObjective(
  goal: PlanGoal,
  objectiveId: string,
  change: (objective: PlanObjective) => PlanObjective,
): PlanGoal {
  return { ...goal, objectives: goal.objectives.map((o) => (o.id === objectiveId ? change(o) : o)) };
}

/**
 * Removes an objective and renumbers the rest.
 *
 * @example
 * removeObjective(goal, objectiveId)
 */
export function removeObjective(goal: PlanGoal, objectiveId: string): PlanGoal {
  return {
    ...goal,
    objectives: goal.objectives.filter((o) => o.id !== objectiveId).map((o, i) => ({ ...o, position: i + 1 })),
  };
}

/**
 * What a structured target is built from besides the text.
 *
 * @example
 * const ctx: TargetContext = { startDate: '2026-11-27', dueDate: null, durationWeeks: 16, latestScores: { phq9: 18 }, behaviors: [] };
 */
export interface TargetContext {
  readonly startDate: string;
  readonly dueDate: string | null;
  readonly durationWeeks: number;
  readonly latestScores: Readonly<Record<string, number>>;
  readonly behaviors: readonly Behavior[];
}

/**
 * The structured target of a target read from text, or a reason it cannot be made (a behaviour the client does not
 * count yet, a task without a measure, a target without a value).
 *
 * @example
 * targetFromText({ kind: 'instrument', measure: 'phq9', behavior: null, direction: 'decrease',
 *   baseline: { value: 18, per: null }, target: { kind: 'absolute', value: 9, comparator: '<=', per: null } },
 *   { kind: 'relative', amount: 16, unit: 'week', dueDate: '2027-03-19' }, ctx)
 * // { kind: 'target', target: { measure: { kind: 'instrument', instrumentId: 'phq9' }, baseline: 18, goal: { kind: 'absolute', value: 9, comparator: '<=' }, … } }
 */
export function targetFromText(
  parsed: GoalTextTarget,
  deadline: GoalTextDeadline | null,
  context: TargetContext,
): { readonly kind: 'target'; readonly target: PlanTarget } | { readonly kind: 'refused'; readonly reason: string } {
  const goalText = parsed.target;
  if (goalText === null) return { kind: 'refused', reason: 'The text names what changes but not how much.' };
  const dueDate = deadline?.dueDate ?? context.dueDate ?? addDays(context.startDate, context.durationWeeks * 7);
  const goal: PlanTarget['goal'] =
    goalText.kind === 'absolute'
      ? { kind: 'absolute', value: goalText.value, comparator: goalText.comparator }
      : goalText.kind === 'change'
        ? { kind: 'change', change: goalText.change }
        : goalText.kind === 'change-percent'
          ? { kind: 'change-percent', changePercent: goalText.changePercent }
          : { kind: 'reliable-improvement' };
  const direction = parsed.direction ?? 'decrease';

  if (parsed.kind === 'instrument' && parsed.measure) {
    return {
      kind: 'target',
      target: {
        id: localId('target'),
        measure: {
          kind: 'instrument',
          instrumentId: parsed.measure,
          ...(parsed.subscale ? { subscale: parsed.subscale } : {}),
        },
        direction,
        baseline: parsed.baseline?.value ?? context.latestScores[parsed.measure] ?? null,
        goal,
        per: null,
        startDate: context.startDate,
        dueDate,
      },
    };
  }
  if (parsed.kind === 'behavior' && parsed.behavior) {
    const words = parsed.behavior.toLowerCase();
    const behavior = context.behaviors.find(
      (b) =>
        b.name.toLowerCase() === words || words.includes(b.name.toLowerCase()) || b.name.toLowerCase().includes(words),
    );
    if (!behavior) {
      return {
        kind: 'refused',
        reason: `"${parsed.behavior}" is not counted for this client yet: add it under Measures → Behaviour counts first.`,
      };
    }
    const per = (goalText.kind === 'absolute' ? goalText.per : null) ?? parsed.baseline?.per ?? behavior.period;
    return {
      kind: 'target',
      target: {
        id: localId('target'),
        measure: { kind: 'behavior', behaviorId: behavior.id },
        direction,
        baseline: parsed.baseline?.value ?? null,
        goal,
        per,
        startDate: context.startDate,
        dueDate,
      },
    };
  }
  return { kind: 'refused', reason: 'A task that is done or not has no measured target.' };
}

/**
 * The first 8 hex digits of a content hash, as a signed plan shows it (the full hash is in the title and exports).
 *
 * @example
 * shortHash('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08') // '9f86d081'
 * shortHash(null) // ''
 */
export function shortHash(hash: string | null): string {
  return hash ? hash.slice(0, 8) : '';
}

/**
 * What the editor may do with the draft now: save (there are unsaved changes), discard (a saved draft or unsaved
 * changes exist) and sign (a clinician, a saved draft, nothing unsaved), with the reason signing is not possible.
 *
 * @example
 * planActions({ draft, dirty: true, isClinician: true })
 * // { canSave: true, canDiscard: true, canSign: false, signBlocked: 'Save your changes before signing.' }
 */
export function planActions(input: {
  readonly draft: Pick<Plan, 'status' | 'revision'>;
  readonly dirty: boolean;
  readonly isClinician: boolean;
}): {
  readonly canSave: boolean;
  readonly canDiscard: boolean;
  readonly canSign: boolean;
  readonly signBlocked: string | null;
} {
  const { draft, dirty, isClinician } = input;
  const saved = draft.status === 'draft' && draft.revision > 0;
  const signBlocked = !isClinician
    ? 'Only a clinician signs a plan.'
    : dirty
      ? 'Save your changes before signing.'
      : !saved
        ? 'Nothing to sign yet: edit the plan and save a draft first.'
        : null;
  return { canSave: dirty, canDiscard: saved || dirty, canSign: signBlocked === null, signBlocked };
}
