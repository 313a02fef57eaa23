import { z } from 'zod';
import { Id } from './common.js';

/**
 * A treatment plan version as the API shows it (read only for now; writing comes with the plan editor).
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
  position: z.number().int(),
  statement: z.string(),
  targets: z.array(TargetView),
  dueDate: z.string().nullable(),
  interventions: z.array(InterventionView),
});

const GoalView = z.object({
  id: z.string(),
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
