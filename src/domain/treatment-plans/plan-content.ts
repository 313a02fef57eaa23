/**
 * The signed content of a plan version as one canonical text, the input of its content hash (DESIGN 2.2: a signed
 * plan is immutable; the hash lets a document, a co-signature or a client's endorsement name exactly what was signed).
 *
 * What is in it: every field a payer reads and every goal, objective, intervention and target, in plan order, with
 * object keys sorted and no whitespace, so the same content always gives the same text.
 * What is not: row ids (they say where the content is stored, not what it says), the draft's revision, the status and
 * the signatures (signing must not change what was signed), and each goal's lifecycle status and endorsement — a
 * review sets the status and a client endorses a version after it is signed, and neither rewrites the plan.
 *
 * @example
 * planContent(plan) === planContent({ ...plan, revision: plan.revision + 1 }) // true
 * planContent(plan) === planContent({ ...plan, strengths: 'Curious' }) // false (unless it already said so)
 */
import type { Goal, Intervention, Objective } from './goal.js';
import type { Target } from './target.js';
import type { TreatmentPlan } from './treatment-plan.js';

/** Version of the canonical form; part of the text, so a future change of form never collides with this one. */
export const PLAN_CONTENT_FORMAT = 'cairn-plan-content-v1';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function canonical(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as { readonly [key: string]: Json };
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k] ?? null)}`).join(',')}}`;
}

function targetContent(t: Target): Json {
  return {
    measure: { ...t.measure },
    direction: t.direction,
    baseline: t.baseline,
    goal: { ...t.goal },
    per: t.per,
    startDate: t.startDate,
    dueDate: t.dueDate,
  };
}

function interventionContent(i: Intervention): Json {
  return { libraryId: i.libraryId, name: i.name, deliveredBy: i.deliveredBy, frequency: i.frequency };
}

function objectiveContent(o: Objective): Json {
  return {
    statement: o.statement,
    dueDate: o.dueDate,
    targets: o.targets.map(targetContent),
    interventions: o.interventions.map(interventionContent),
  };
}

function goalContent(g: Goal): Json {
  return {
    statement: g.statement,
    clientWords: g.clientWords,
    formulationElementIds: [...g.formulationElementIds],
    startDate: g.startDate,
    dueDate: g.dueDate,
    targets: g.targets.map(targetContent),
    objectives: [...g.objectives].sort((a, b) => a.position - b.position).map(objectiveContent),
  };
}

/**
 * The canonical text of the plan's signed content.
 *
 * @example
 * planContent(plan).startsWith('{"clientId":') // true
 */
export function planContent(plan: TreatmentPlan): string {
  return canonical({
    format: PLAN_CONTENT_FORMAT,
    clientId: plan.clientId,
    version: plan.version,
    establishedDate: plan.establishedDate,
    presentingProblems: plan.presentingProblems,
    diagnoses: plan.diagnoses.map((d) => ({ code: d.code, description: d.description, primary: d.primary })),
    serviceType: plan.serviceType,
    sessionMinutes: plan.sessionMinutes,
    sessionFrequency: plan.sessionFrequency,
    durationWeeks: plan.durationWeeks,
    reviewIntervalDays: plan.reviewIntervalDays,
    nextReviewDate: plan.nextReviewDate,
    dischargeCriteria: plan.dischargeCriteria,
    referrals: plan.referrals,
    strengths: plan.strengths,
    clientParticipation: plan.clientParticipation,
    goals: [...plan.goals].sort((a, b) => a.position - b.position).map(goalContent),
  });
}
