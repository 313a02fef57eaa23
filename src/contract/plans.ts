import { z } from 'zod';
import { Id } from './common.js';

/**
 * A treatment plan version as the API shows it, and the requests that write one: save a draft (with the `revision` it
 * was based on), discard it, sign it, co-sign a signed version, list versions and compare two.
 *
 * @example
 * const target: z.infer<typeof TargetView> = { id: '…', measure: { kind: 'instrument', instrumentId: 'phq9' },
 *   direction: 'decrease', baseline: 18, goal: { kind: 'absolute', value: 9, comparator: '<=' }, per: null,
 *   startDate: '2026-09-01', dueDate: '2026-12-22' };
 */
const Comparator = z.enum(['<=', '<', '>=', '>', '=']);
const Period = z.enum(['day', 'week', 'month']);

export const TargetView = z.object({
  id: z.string(),
  measure: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('instrument'), instrumentId: z.string(), subscale: z.string().optional() }),
    z.object({ kind: z.literal('behavior'), behaviorId: z.string() }),
    z.object({ kind: z.literal('gas') }),
  ]),
  direction: z.enum(['decrease', 'increase', 'maintain']),
  baseline: z.number().nullable(),
  goal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('absolute'), value: z.number(), comparator: Comparator }),
    z.object({ kind: z.literal('change'), change: z.number() }),
    z.object({ kind: z.literal('change-percent'), changePercent: z.number() }),
    z.object({ kind: z.literal('reliable-improvement') }),
  ]),
  per: Period.nullable(),
  startDate: z.string(),
  dueDate: z.string(),
});

const InterventionView = z.object({
  id: z.string(),
  libraryId: z.string().nullable(),
  name: z.string(),
  deliveredBy: z.string(),
  frequency: z.string(),
});

const ObjectiveView = z.object({
  id: z.string(),
  lineageId: z.string().optional(),
  position: z.number().int(),
  statement: z.string(),
  targets: z.array(TargetView),
  dueDate: z.string().nullable(),
  interventions: z.array(InterventionView),
});

const GoalView = z.object({
  id: z.string(),
  lineageId: z.string().optional().describe('The goal’s id in the version where it first appeared.'),
  position: z.number().int(),
  statement: z.string(),
  clientWords: z.string().nullable(),
  formulationElementIds: z.array(z.string()),
  targets: z.array(TargetView),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['active', 'met', 'partially-met', 'not-met', 'revised', 'discontinued']),
  endorsement: z
    .object({ date: z.string(), method: z.enum(['in-session', 'link', 'written']), words: z.string().nullable() })
    .nullable(),
  objectives: z.array(ObjectiveView),
});

const SignatureView = z.object({ userId: z.string(), name: z.string(), credentials: z.string(), signedAt: z.string() });

export const PlanView = z
  .object({
    id: Id,
    clientId: Id,
    version: z.number().int(),
    revision: z.number().int(),
    status: z.enum(['draft', 'signed', 'superseded']),
    previousVersionId: z.string().nullable(),
    establishedDate: z.string(),
    presentingProblems: z.string(),
    diagnoses: z.array(z.object({ id: z.string(), code: z.string(), description: z.string(), primary: z.boolean() })),
    serviceType: z.enum(['individual', 'group', 'family']),
    sessionMinutes: z.number().int(),
    sessionFrequency: z.string(),
    durationWeeks: z.number().int(),
    reviewIntervalDays: z.number().int(),
    nextReviewDate: z.string(),
    dischargeCriteria: z.string(),
    referrals: z.string(),
    strengths: z.string(),
    clientParticipation: z.string(),
    goals: z.array(GoalView),
    clinicianSignature: SignatureView.nullable(),
    supervisorSignature: SignatureView.nullable(),
    contentHash: z.string().nullable(),
  })
  .meta({ id: 'TreatmentPlan' });

const LocalId = z.string().min(1).max(100).describe('The id the server gave, or any local id for something new.');
const DateText = z.string().max(10).describe('YYYY-MM-DD');

const TargetInput = z.strictObject({
  id: LocalId.optional(),
  measure: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('instrument'),
      instrumentId: z.string().max(100),
      subscale: z.string().max(100).optional(),
    }),
    z.strictObject({ kind: z.literal('behavior'), behaviorId: z.string().max(100) }),
    z.strictObject({ kind: z.literal('gas') }),
  ]),
  direction: z.enum(['decrease', 'increase', 'maintain']),
  baseline: z.number().nullable(),
  goal: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('absolute'), value: z.number(), comparator: Comparator }),
    z.strictObject({ kind: z.literal('change'), change: z.number() }),
    z.strictObject({ kind: z.literal('change-percent'), changePercent: z.number() }),
    z.strictObject({ kind: z.literal('reliable-improvement') }),
  ]),
  per: Period.nullable(),
  startDate: DateText,
  dueDate: DateText,
});

const InterventionInput = z.strictObject({
  id: LocalId.optional(),
  libraryId: z.string().max(100).nullable(),
  name: z.string().max(300),
  deliveredBy: z.string().max(200),
  frequency: z.string().max(200),
});

const ObjectiveInput = z.strictObject({
  id: LocalId.optional(),
  statement: z.string().max(2000),
  dueDate: DateText.nullable(),
  targets: z.array(TargetInput).max(5),
  interventions: z.array(InterventionInput).max(20),
});

const GoalInput = z.strictObject({
  id: LocalId.optional(),
  statement: z.string().max(2000),
  clientWords: z.string().max(2000).nullable(),
  formulationElementIds: z.array(z.string().max(100)).max(50),
  targets: z.array(TargetInput).max(5),
  startDate: DateText,
  dueDate: DateText.nullable(),
  status: z.enum(['active', 'met', 'partially-met', 'not-met', 'revised', 'discontinued']),
  endorsement: z
    .strictObject({
      date: DateText,
      method: z.enum(['in-session', 'link', 'written']),
      words: z.string().max(2000).nullable(),
    })
    .nullable(),
  objectives: z.array(ObjectiveInput).max(12),
});

/**
 * `PUT /clients/{clientId}/plan/draft`: the whole draft, with the revision it was based on (0 opens a new draft).
 * Goals, objectives, interventions and targets are listed in order; positions follow.
 *
 * @example
 * const body: z.infer<typeof SavePlanDraftRequest> = { revision: 0, establishedDate: '2026-12-03', … goals: [] };
 */
export const SavePlanDraftRequest = z
  .strictObject({
    revision: z.number().int().min(0),
    establishedDate: DateText,
    presentingProblems: z.string().max(5000),
    diagnosisIds: z.array(z.string().max(100)).max(20),
    serviceType: z.enum(['individual', 'group', 'family']),
    sessionMinutes: z.number().int(),
    sessionFrequency: z.string().max(200),
    durationWeeks: z.number().int(),
    reviewIntervalDays: z.number().int(),
    nextReviewDate: DateText,
    dischargeCriteria: z.string().max(5000),
    referrals: z.string().max(5000),
    strengths: z.string().max(5000),
    clientParticipation: z.string().max(5000),
    goals: z.array(GoalInput).max(12),
  })
  .meta({ id: 'SavePlanDraftRequest' });

export const DiscardDraftQuery = z.strictObject({ revision: z.coerce.number().int().min(1) });

export const SignPlanRequest = z.strictObject({
  revision: z.number().int().min(1).describe('The draft revision the clinician read and is signing.'),
});

export const CosignPlanRequest = z.strictObject({
  contentHash: z.string().max(64).describe('The content hash of the version the supervisor read.'),
});

export const PlanParams = z.strictObject({ clientId: Id, planId: Id });

export const ComparePlansQuery = z.strictObject({ from: Id, to: Id });

export const PlanVersionSummaryView = z.object({
  id: z.string(),
  version: z.number().int(),
  revision: z.number().int(),
  status: z.enum(['draft', 'signed', 'superseded']),
  previousVersionId: z.string().nullable(),
  establishedDate: z.string(),
  clinicianSignature: SignatureView.nullable(),
  supervisorSignature: SignatureView.nullable(),
  contentHash: z.string().nullable(),
  goalCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const ComparedValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const FieldChangeView = z.object({ field: z.string(), from: ComparedValue, to: ComparedValue });
const ItemChange = z.enum(['added', 'removed', 'changed', 'unchanged']);
const VersionRef = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'signed', 'superseded']),
  contentHash: z.string().nullable(),
});

export const PlanComparisonView = z
  .object({
    from: VersionRef,
    to: VersionRef,
    fields: z.array(FieldChangeView),
    goals: z.array(
      z.object({
        lineageId: z.string(),
        change: ItemChange,
        fromPosition: z.number().int().nullable(),
        toPosition: z.number().int().nullable(),
        statement: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
        fields: z.array(FieldChangeView),
        objectives: z.array(
          z.object({
            lineageId: z.string(),
            change: ItemChange,
            fromPosition: z.number().int().nullable(),
            toPosition: z.number().int().nullable(),
            statement: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
            fields: z.array(FieldChangeView),
          }),
        ),
      }),
    ),
    summary: z.object({
      fieldsChanged: z.number().int(),
      goalsAdded: z.number().int(),
      goalsRemoved: z.number().int(),
      goalsChanged: z.number().int(),
    }),
  })
  .meta({ id: 'PlanComparison' });

/**
 * The save request for a plan as the API showed it (or as the editor changed it): the plan's fields and content,
 * the diagnoses by id, and the revision it is based on — 0 when `plan` is a signed version (saving opens a draft).
 *
 * @example
 * await api.put(`/api/v1/clients/${id}/plan/draft`, draftRequestOf(plan));
 */
export function draftRequestOf(plan: z.infer<typeof PlanView>): z.infer<typeof SavePlanDraftRequest> {
  const target = (t: z.infer<typeof TargetView>): z.infer<typeof TargetInput> => ({
    id: t.id,
    measure: t.measure,
    direction: t.direction,
    baseline: t.baseline,
    goal: t.goal,
    per: t.per,
    startDate: t.startDate,
    dueDate: t.dueDate,
  });
  return {
    revision: plan.status === 'draft' ? plan.revision : 0,
    establishedDate: plan.establishedDate,
    presentingProblems: plan.presentingProblems,
    diagnosisIds: plan.diagnoses.map((d) => d.id),
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
    goals: plan.goals.map((g) => ({
      id: g.id,
      statement: g.statement,
      clientWords: g.clientWords,
      formulationElementIds: [...g.formulationElementIds],
      targets: g.targets.map(target),
      startDate: g.startDate,
      dueDate: g.dueDate,
      status: g.status,
      endorsement: g.endorsement,
      objectives: g.objectives.map((o) => ({
        id: o.id,
        statement: o.statement,
        dueDate: o.dueDate,
        targets: o.targets.map(target),
        interventions: o.interventions.map((iv) => ({ ...iv })),
      })),
    })),
  };
}
