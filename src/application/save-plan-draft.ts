import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { addDays, isCalendarDate } from '../domain/shared/calendar-date.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Goal, Objective } from '../domain/treatment-plans/goal.js';
import type { Target } from '../domain/treatment-plans/target.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import { getMeasure } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps, Store } from './ports.js';

const date = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const id = z.string().min(1).max(100);

const targetSchema = z
  .object({
    id: id.optional(),
    measure: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('instrument'),
        instrumentId: z.string().max(100),
        subscale: z.string().max(100).optional(),
      }),
      z.object({ kind: z.literal('behavior'), behaviorId: id }),
      z.object({ kind: z.literal('gas') }),
    ]),
    direction: z.enum(['decrease', 'increase', 'maintain']),
    baseline: z.number().finite().min(-1_000_000).max(1_000_000).nullable(),
    goal: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('absolute'),
        value: z.number().finite().min(-1_000_000).max(1_000_000),
        comparator: z.enum(['<=', '<', '>=', '>', '=']),
      }),
      z.object({ kind: z.literal('change'), change: z.number().finite().min(-1_000_000).max(1_000_000) }),
      z.object({ kind: z.literal('change-percent'), changePercent: z.number().finite().min(-100).max(1000) }),
      z.object({ kind: z.literal('reliable-improvement') }),
    ]),
    per: z.enum(['day', 'week', 'month']).nullable(),
    startDate: date,
    dueDate: date,
  })
  .refine((t) => t.dueDate >= t.startDate, { message: 'dueDate must not be before startDate', path: ['dueDate'] });

const interventionSchema = z.object({
  id: id.optional(),
  libraryId: z.string().max(100).nullable(),
  name: text(300).min(1, 'must not be empty'),
  deliveredBy: text(200),
  frequency: text(200),
});

const objectiveSchema = z.object({
  id: id.optional(),
  statement: text(2000),
  dueDate: date.nullable(),
  targets: z.array(targetSchema).max(5, 'at most 5 targets'),
  interventions: z.array(interventionSchema).max(20, 'at most 20 interventions'),
});

const goalSchema = z
  .object({
    id: id.optional(),
    statement: text(2000),
    clientWords: text(2000).nullable(),
    formulationElementIds: z.array(id).max(50),
    targets: z.array(targetSchema).max(5, 'at most 5 targets'),
    startDate: date,
    dueDate: date.nullable(),
    status: z.enum(['active', 'met', 'partially-met', 'not-met', 'revised', 'discontinued']),
    endorsement: z
      .object({ date, method: z.enum(['in-session', 'link', 'written']), words: text(2000).nullable() })
      .nullable(),
    objectives: z.array(objectiveSchema).max(12, 'at most 12 objectives per goal'),
  })
  .refine((g) => g.dueDate === null || g.dueDate >= g.startDate, {
    message: 'dueDate must not be before startDate',
    path: ['dueDate'],
  });

const draftSchema = z.object({
  clientId: z.string().min(1).max(100),
  revision: z.number().int().min(0),
  establishedDate: date,
  presentingProblems: text(5000),
  diagnosisIds: z.array(id).max(20),
  serviceType: z.enum(['individual', 'group', 'family']),
  sessionMinutes: z.number().int().min(1, 'must be at least 1').max(600, 'must be at most 600'),
  sessionFrequency: text(200),
  durationWeeks: z.number().int().min(1, 'must be at least 1').max(156, 'must be at most 156'),
  // DESIGN 2.6: a plan is reviewed at least once a year.
  reviewIntervalDays: z.number().int().min(7, 'must be at least 7').max(365, 'must be at most 365 (yearly)'),
  nextReviewDate: date,
  dischargeCriteria: text(5000),
  referrals: text(5000),
  strengths: text(5000),
  clientParticipation: text(5000),
  goals: z.array(goalSchema).max(12, 'at most 12 goals'),
});

export type SavePlanDraftInput = z.input<typeof draftSchema>;

function invalid(message: string): AppError {
  return new AppError(ErrorCode.invalidInput, message);
}

/** The plan versions a draft is written against: the open draft, if any, and the newest signed version. */
async function planState(
  store: Store,
  clientId: string,
): Promise<{ readonly draft: TreatmentPlan | null; readonly signed: TreatmentPlan | null }> {
  const versions = await store.listPlanVersions(clientId);
  const draftRef = versions.find((v) => v.status === 'draft') ?? null;
  const signedRef = versions.find((v) => v.status === 'signed') ?? null;
  const [draft, signed] = await Promise.all([
    draftRef ? store.findPlanById(draftRef.id) : null,
    signedRef ? store.findPlanById(signedRef.id) : null,
  ]);
  return { draft, signed };
}

/**
 * Checks that everything the draft refers to belongs to the client: diagnoses, formulation elements, behaviours, and
 * that every instrument (and subscale) exists. Throws `invalid-input` naming the first reference that does not.
 */
async function checkReferences(store: Store, v: z.output<typeof draftSchema>): Promise<void> {
  const [diagnoses, formulation, behaviors] = await Promise.all([
    store.listDiagnoses(v.clientId),
    store.findFormulation(v.clientId),
    store.listBehaviors(v.clientId),
  ]);
  const diagnosisIds = new Set(diagnoses.map((d) => d.id));
  v.diagnosisIds.forEach((d, i) => {
    if (!diagnosisIds.has(d)) throw invalid(`diagnosisIds.${i}: not a diagnosis of this client`);
  });
  const elementIds = new Set((formulation?.elements ?? []).map((e) => e.id));
  const behaviorIds = new Set(behaviors.map((b) => b.id));
  const checkTargets = (targets: readonly z.output<typeof targetSchema>[], path: string) => {
    targets.forEach((t, i) => {
      const at = `${path}.targets.${i}.measure`;
      if (t.measure.kind === 'instrument') {
        const measure = getMeasure(t.measure.instrumentId);
        if (!measure) throw invalid(`${at}.instrumentId: unknown instrument`);
        if (measure.id !== t.measure.instrumentId) throw invalid(`${at}.instrumentId: use the id '${measure.id}'`);
        const subscale = t.measure.subscale;
        if (subscale !== undefined && !measure.scoring.subscales.some((s) => s.id === subscale)) {
          throw invalid(`${at}.subscale: the instrument has no such subscale`);
        }
      } else if (t.measure.kind === 'behavior' && !behaviorIds.has(t.measure.behaviorId)) {
        throw invalid(`${at}.behaviorId: not a behaviour counted for this client`);
      }
      if (t.measure.kind !== 'behavior' && t.per !== null)
        throw invalid(`${path}.targets.${i}.per: only counts have a period`);
    });
  };
  v.goals.forEach((g, gi) => {
    g.formulationElementIds.forEach((e, ei) => {
      if (!elementIds.has(e))
        throw invalid(`goals.${gi}.formulationElementIds.${ei}: not an element of the formulation`);
    });
    checkTargets(g.targets, `goals.${gi}`);
    g.objectives.forEach((o, oi) => {
      checkTargets(o.targets, `goals.${gi}.objectives.${oi}`);
    });
  });
}

/**
 * Builds the draft's content. A goal, objective, target or intervention keeps its id when that id is already the
 * draft's; anything else (new in the editor, or copied from the signed version) gets a new one, since a signed
 * version's rows never change. Goals and objectives keep their lineage across versions: the id the editor sent is
 * looked up in the draft, then in the version the draft revises.
 */
function buildContent(
  deps: Deps,
  v: z.output<typeof draftSchema>,
  draft: TreatmentPlan | null,
  basis: TreatmentPlan | null,
): Pick<TreatmentPlan, 'goals'> {
  const own = new Set<string>();
  const lineage = new Map<string, string>();
  for (const plan of [basis, draft]) {
    for (const g of plan?.goals ?? []) {
      lineage.set(g.id, g.lineageId ?? g.id);
      if (plan === draft) own.add(g.id);
      for (const o of g.objectives) {
        lineage.set(o.id, o.lineageId ?? o.id);
        if (plan === draft) {
          own.add(o.id);
          for (const t of o.targets) own.add(t.id);
          for (const iv of o.interventions) own.add(iv.id);
        }
      }
      if (plan === draft) for (const t of g.targets) own.add(t.id);
    }
  }
  const used = new Set<string>();
  const keep = (sent: string | undefined): string => {
    const next = sent !== undefined && own.has(sent) && !used.has(sent) ? sent : deps.ids.newId();
    used.add(next);
    return next;
  };
  const lineageOf = (sent: string | undefined, newId: string): string =>
    (sent !== undefined ? lineage.get(sent) : undefined) ?? newId;
  const targets = (list: readonly z.output<typeof targetSchema>[]): Target[] =>
    list.map((t) => ({
      id: keep(t.id),
      measure:
        t.measure.kind === 'instrument'
          ? t.measure.subscale === undefined
            ? { kind: 'instrument', instrumentId: t.measure.instrumentId }
            : { kind: 'instrument', instrumentId: t.measure.instrumentId, subscale: t.measure.subscale }
          : t.measure.kind === 'behavior'
            ? { kind: 'behavior', behaviorId: t.measure.behaviorId }
            : { kind: 'gas' },
      direction: t.direction,
      baseline: t.baseline,
      goal: t.goal,
      per: t.per,
      startDate: t.startDate,
      dueDate: t.dueDate,
    }));
  const goals = v.goals.map((g, gi): Goal => {
    const goalId = keep(g.id);
    return {
      id: goalId,
      lineageId: lineageOf(g.id, goalId),
      position: gi + 1,
      statement: g.statement,
      clientWords: g.clientWords === null || g.clientWords === '' ? null : g.clientWords,
      formulationElementIds: [...new Set(g.formulationElementIds)],
      targets: targets(g.targets),
      startDate: g.startDate,
      dueDate: g.dueDate,
      status: g.status,
      endorsement: g.endorsement,
      objectives: g.objectives.map((o, oi): Objective => {
        const objectiveId = keep(o.id);
        return {
          id: objectiveId,
          lineageId: lineageOf(o.id, objectiveId),
          position: oi + 1,
          statement: o.statement,
          dueDate: o.dueDate,
          targets: targets(o.targets),
          interventions: o.interventions.map((iv) => ({
            id: keep(iv.id),
            libraryId: iv.libraryId,
            name: iv.name,
            deliveredBy: iv.deliveredBy,
            frequency: iv.frequency,
          })),
        };
      }),
    };
  });
  return { goals };
}

/**
 * Saves the client's draft plan (`PUT /api/v1/clients/{clientId}/plan/draft`), creating it when there is none.
 * DESIGN 2.2: a signed version is immutable, so editing a signed plan opens a draft of the next version linked to it;
 * every save carries the `revision` it was based on (0 to open a draft) and a stale one is refused (`stale-revision`,
 * 409) without writing anything. The answer is the saved draft with its new revision.
 *
 * @example
 * const draft = await savePlanDraft(deps, clinician, { clientId, revision: 0, ...fields, goals: [] });
 * await savePlanDraft(deps, clinician, { ...sameFields, revision: draft.revision }); // revision + 1
 */
export async function savePlanDraft(deps: Deps, actor: Actor, input: SavePlanDraftInput): Promise<TreatmentPlan> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'plan.draft.save');
  const v = parseInput(draftSchema, input);
  if (v.nextReviewDate < v.establishedDate) throw invalid('nextReviewDate: must not be before establishedDate');
  if (v.nextReviewDate > addDays(v.establishedDate, 366)) {
    throw invalid('nextReviewDate: a plan is reviewed within a year of being established');
  }
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    await checkReferences(tx, v);
    const { draft, signed } = await planState(tx, v.clientId);
    const current = draft?.revision ?? 0;
    if (v.revision !== current) {
      throw new AppError(
        ErrorCode.staleRevision,
        draft
          ? `The draft has changed since revision ${v.revision} (it is at revision ${current}); reload it and try again.`
          : 'The draft this edit was based on no longer exists (it was signed or discarded); reload the plan.',
      );
    }
    const diagnoses = await tx.listDiagnoses(v.clientId);
    const byId = new Map(diagnoses.map((d) => [d.id, d]));
    const plan: TreatmentPlan = {
      id: draft?.id ?? deps.ids.newId(),
      clientId: v.clientId,
      version: draft?.version ?? (signed?.version ?? 0) + 1,
      revision: current + 1,
      status: 'draft',
      previousVersionId: draft?.previousVersionId ?? signed?.id ?? null,
      establishedDate: v.establishedDate,
      presentingProblems: v.presentingProblems,
      diagnoses: [...new Set(v.diagnosisIds)].flatMap((d) => {
        const found = byId.get(d);
        return found ? [found] : [];
      }),
      serviceType: v.serviceType,
      sessionMinutes: v.sessionMinutes,
      sessionFrequency: v.sessionFrequency,
      durationWeeks: v.durationWeeks,
      reviewIntervalDays: v.reviewIntervalDays,
      nextReviewDate: v.nextReviewDate,
      dischargeCriteria: v.dischargeCriteria,
      referrals: v.referrals,
      strengths: v.strengths,
      clientParticipation: v.clientParticipation,
      ...buildContent(deps, v, draft, signed),
      clinicianSignature: null,
      supervisorSignature: null,
      contentHash: null,
    };
    const by = actor.kind === 'user' ? actor.userId : 'cli';
    if (draft) {
      if (!(await tx.replaceDraftPlan(plan, current, now))) {
        throw new AppError(ErrorCode.staleRevision, 'The draft changed while saving; reload it and try again.');
      }
    } else {
      await tx.insertPlan(plan, by, now).catch((error: unknown) => {
        // Two first saves at once: the second finds the version number taken (unique per client).
        if (error instanceof AppError && error.code === ErrorCode.duplicate) {
          throw new AppError(ErrorCode.staleRevision, 'Someone else opened a draft of this plan; reload it.');
        }
        throw error;
      });
    }
    await tx.appendAudit([clientAuditEvent(actor, 'plan.draft.save', v.clientId, `plan:${plan.id}`)], now);
    const saved = await tx.findPlanById(plan.id);
    if (!saved) throw new AppError(ErrorCode.conflict, 'The draft could not be read back.');
    return saved;
  });
}

const discardSchema = z.object({ clientId: z.string().min(1).max(100), revision: z.number().int().min(1) });

/**
 * Discards the client's open draft (`DELETE /api/v1/clients/{clientId}/plan/draft?revision=N`); the signed versions
 * stay as they are. `not-found` when there is no draft; `stale-revision` when it changed since `revision`.
 *
 * @example
 * await discardPlanDraft(deps, clinician, { clientId, revision: draft.revision });
 */
export async function discardPlanDraft(deps: Deps, actor: Actor, input: z.input<typeof discardSchema>): Promise<void> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'plan.draft.discard');
  const v = parseInput(discardSchema, input);
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    const draft = (await tx.listPlanVersions(v.clientId)).find((p) => p.status === 'draft');
    if (!draft) throw new AppError(ErrorCode.notFound, 'The client has no draft plan.');
    if (draft.revision !== v.revision || !(await tx.deleteDraftPlan(draft.id, v.revision))) {
      throw new AppError(ErrorCode.staleRevision, `The draft is at revision ${draft.revision}; reload it first.`);
    }
    await tx.appendAudit([clientAuditEvent(actor, 'plan.draft.discard', v.clientId, `plan:${draft.id}`)], now);
  });
}
