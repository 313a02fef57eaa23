import type { Kysely } from 'kysely';
import type { Goal, GoalStatus, Intervention, Objective } from '../../domain/treatment-plans/goal.js';
import type {
  Comparator,
  Direction,
  Period,
  Target,
  TargetGoal,
  TargetMeasure,
} from '../../domain/treatment-plans/target.js';
import type {
  Diagnosis,
  PlanStatus,
  PlanVersionSummary,
  ServiceType,
  Signature,
  TreatmentPlan,
} from '../../domain/treatment-plans/treatment-plan.js';
import type { Database, TargetTable, TreatmentPlanTable } from '../tables/database.js';

/**
 * Treatment plans stored as rows of plan → goals → objectives → interventions, with targets on goals and objectives.
 * Loading a plan takes a fixed number of queries whatever its size (no N+1).
 *
 * @example
 * await insertPlan(db, plan, userId, now);
 * const again = await findPlanById(db, plan.id);
 */
export async function insertPlan(
  db: Kysely<Database>,
  plan: TreatmentPlan,
  createdBy: string,
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('treatment_plan')
    .values({
      ...planFields(plan),
      id: plan.id,
      client_id: plan.clientId,
      version: plan.version,
      previous_version_id: plan.previousVersionId,
      created_by: createdBy,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
  await insertPlanChildren(db, plan);
}

/** The plan row's editable columns (everything but identity and creation). */
function planFields(plan: TreatmentPlan) {
  return {
    revision: plan.revision,
    status: plan.status,
    established_date: plan.establishedDate,
    presenting_problems: plan.presentingProblems,
    service_type: plan.serviceType,
    session_minutes: plan.sessionMinutes,
    session_frequency: plan.sessionFrequency,
    duration_weeks: plan.durationWeeks,
    review_interval_days: plan.reviewIntervalDays,
    next_review_date: plan.nextReviewDate,
    discharge_criteria: plan.dischargeCriteria,
    referrals: plan.referrals,
    strengths: plan.strengths,
    client_participation: plan.clientParticipation,
    clinician_signature: plan.clinicianSignature ? JSON.stringify(plan.clinicianSignature) : null,
    supervisor_signature: plan.supervisorSignature ? JSON.stringify(plan.supervisorSignature) : null,
    content_hash: plan.contentHash,
  };
}

/**
 * Replaces an open draft's fields and content (goals, objectives, interventions, targets, diagnoses) when it is still
 * at `expectedRevision`; false (and nothing written) when it is not — another edit got there first, or it was
 * signed or discarded. Run it inside a transaction: the children are deleted and written again.
 *
 * @example
 * const saved = await replaceDraftPlan(db, { ...draft, revision: 4 }, 3, now); // false if someone saved revision 4
 */
export async function replaceDraftPlan(
  db: Kysely<Database>,
  plan: TreatmentPlan,
  expectedRevision: number,
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('treatment_plan')
    .set({ ...planFields(plan), updated_at: updatedAt })
    .where('id', '=', plan.id)
    .where('status', '=', 'draft')
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('goal').where('plan_id', '=', plan.id).execute();
  await db.deleteFrom('plan_diagnosis').where('plan_id', '=', plan.id).execute();
  await insertPlanChildren(db, plan);
  return true;
}

/**
 * Deletes an open draft still at `expectedRevision` (its goals and the rest go with it); false when it is not.
 *
 * @example
 * await deleteDraftPlan(db, draft.id, draft.revision); // true
 */
export async function deleteDraftPlan(
  db: Kysely<Database>,
  planId: string,
  expectedRevision: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('treatment_plan')
    .where('id', '=', planId)
    .where('status', '=', 'draft')
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Signs an open draft still at `expectedRevision`: status `signed`, the clinician's signature and the content hash.
 * False when the draft moved on (stale revision, signed or discarded meanwhile).
 *
 * @example
 * await signDraftPlan(db, draft.id, draft.revision, signature, hash, now); // true
 */
export async function signDraftPlan(
  db: Kysely<Database>,
  planId: string,
  expectedRevision: number,
  signature: Signature,
  contentHash: string,
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('treatment_plan')
    .set({
      status: 'signed',
      clinician_signature: JSON.stringify(signature),
      content_hash: contentHash,
      updated_at: updatedAt,
    })
    .where('id', '=', planId)
    .where('status', '=', 'draft')
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks a signed version superseded by a newer signed version (it stays readable and immutable).
 *
 * @example
 * await supersedePlan(db, previous.id, now);
 */
export async function supersedePlan(db: Kysely<Database>, planId: string, updatedAt: string): Promise<void> {
  await db
    .updateTable('treatment_plan')
    .set({ status: 'superseded', updated_at: updatedAt })
    .where('id', '=', planId)
    .where('status', '=', 'signed')
    .execute();
}

/**
 * Adds a supervisor's co-signature to a signed version whose content hash is `contentHash` and that has none yet;
 * false otherwise (already co-signed, not signed, or the content is not what the supervisor read).
 *
 * @example
 * await cosignPlan(db, plan.id, plan.contentHash, signature, now); // true
 */
export async function cosignPlan(
  db: Kysely<Database>,
  planId: string,
  contentHash: string,
  signature: Signature,
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('treatment_plan')
    .set({ supervisor_signature: JSON.stringify(signature), updated_at: updatedAt })
    .where('id', '=', planId)
    .where('status', 'in', ['signed', 'superseded'])
    .where('content_hash', '=', contentHash)
    .where('supervisor_signature', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Every plan version of a client, newest first, without goals (the version list).
 *
 * @example
 * const versions = await listPlanVersions(db, clientId); // [{ version: 2, status: 'draft', … }, …]
 */
export async function listPlanVersions(db: Kysely<Database>, clientId: string): Promise<PlanVersionSummary[]> {
  const rows = await db
    .selectFrom('treatment_plan')
    .leftJoin('goal', 'goal.plan_id', 'treatment_plan.id')
    .select((eb) => [
      'treatment_plan.id',
      'treatment_plan.version',
      'treatment_plan.revision',
      'treatment_plan.status',
      'treatment_plan.previous_version_id',
      'treatment_plan.established_date',
      'treatment_plan.clinician_signature',
      'treatment_plan.supervisor_signature',
      'treatment_plan.content_hash',
      'treatment_plan.created_at',
      'treatment_plan.updated_at',
      eb.fn.count<number | string>('goal.id').as('goal_count'),
    ])
    .where('treatment_plan.client_id', '=', clientId)
    .groupBy([
      'treatment_plan.id',
      'treatment_plan.version',
      'treatment_plan.revision',
      'treatment_plan.status',
      'treatment_plan.previous_version_id',
      'treatment_plan.established_date',
      'treatment_plan.clinician_signature',
      'treatment_plan.supervisor_signature',
      'treatment_plan.content_hash',
      'treatment_plan.created_at',
      'treatment_plan.updated_at',
    ])
    .orderBy('treatment_plan.version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    revision: r.revision,
    status: r.status as PlanStatus,
    previousVersionId: r.previous_version_id,
    establishedDate: r.established_date,
    clinicianSignature: r.clinician_signature ? (JSON.parse(r.clinician_signature) as Signature) : null,
    supervisorSignature: r.supervisor_signature ? (JSON.parse(r.supervisor_signature) as Signature) : null,
    contentHash: r.content_hash,
    goalCount: Number(r.goal_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

async function insertPlanChildren(db: Kysely<Database>, plan: TreatmentPlan): Promise<void> {
  if (plan.diagnoses.length > 0) {
    await db
      .insertInto('plan_diagnosis')
      .values(plan.diagnoses.map((d) => ({ plan_id: plan.id, diagnosis_id: d.id })))
      .execute();
  }
  const goals = plan.goals;
  if (goals.length === 0) return;
  await db
    .insertInto('goal')
    .values(
      goals.map((g) => ({
        id: g.id,
        plan_id: plan.id,
        position: g.position,
        statement: g.statement,
        client_words: g.clientWords,
        start_date: g.startDate,
        due_date: g.dueDate,
        status: g.status,
        lineage_id: g.lineageId ?? g.id,
        endorsed_on: g.endorsement?.date ?? null,
        endorsement_method: g.endorsement?.method ?? null,
        endorsement_words: g.endorsement?.words ?? null,
      })),
    )
    .execute();
  const links = goals.flatMap((g) =>
    g.formulationElementIds.map((e, i) => ({ goal_id: g.id, element_id: e, position: i + 1 })),
  );
  if (links.length > 0) await db.insertInto('goal_formulation_element').values(links).execute();
  const objectives = goals.flatMap((g) => g.objectives.map((o) => ({ goal: g, o })));
  if (objectives.length > 0) {
    await db
      .insertInto('objective')
      .values(
        objectives.map(({ goal, o }) => ({
          id: o.id,
          goal_id: goal.id,
          position: o.position,
          statement: o.statement,
          due_date: o.dueDate,
          lineage_id: o.lineageId ?? o.id,
        })),
      )
      .execute();
  }
  const interventions = objectives.flatMap(({ o }) => o.interventions.map((iv, i) => ({ o, iv, i })));
  if (interventions.length > 0) {
    await db
      .insertInto('intervention')
      .values(
        interventions.map(({ o, iv, i }) => ({
          id: iv.id,
          objective_id: o.id,
          position: i + 1,
          library_id: iv.libraryId,
          name: iv.name,
          delivered_by: iv.deliveredBy,
          frequency: iv.frequency,
        })),
      )
      .execute();
  }
  const targets: TargetTable[] = [
    ...goals.flatMap((g) => g.targets.map((t, i) => targetToRow(t, i + 1, g.id, null))),
    ...objectives.flatMap(({ o }) => o.targets.map((t, i) => targetToRow(t, i + 1, null, o.id))),
  ];
  if (targets.length > 0) await db.insertInto('target').values(targets).execute();
}

function targetToRow(t: Target, position: number, goalId: string | null, objectiveId: string | null): TargetTable {
  const goal = t.goal;
  return {
    id: t.id,
    goal_id: goalId,
    objective_id: objectiveId,
    position,
    measure_kind: t.measure.kind,
    instrument_id: t.measure.kind === 'instrument' ? t.measure.instrumentId : null,
    subscale: t.measure.kind === 'instrument' ? (t.measure.subscale ?? null) : null,
    behavior_id: t.measure.kind === 'behavior' ? t.measure.behaviorId : null,
    direction: t.direction,
    baseline: t.baseline,
    goal_kind: goal.kind,
    goal_value:
      goal.kind === 'absolute'
        ? goal.value
        : goal.kind === 'change'
          ? goal.change
          : goal.kind === 'change-percent'
            ? goal.changePercent
            : null,
    comparator: goal.kind === 'absolute' ? goal.comparator : null,
    per: t.per,
    start_date: t.startDate,
    due_date: t.dueDate,
  };
}

function targetRowToTarget(row: TargetTable): Target {
  let measure: TargetMeasure;
  if (row.measure_kind === 'instrument') {
    measure = row.subscale
      ? { kind: 'instrument', instrumentId: row.instrument_id ?? '', subscale: row.subscale }
      : { kind: 'instrument', instrumentId: row.instrument_id ?? '' };
  } else if (row.measure_kind === 'behavior') {
    measure = { kind: 'behavior', behaviorId: row.behavior_id ?? '' };
  } else {
    measure = { kind: 'gas' };
  }
  let goal: TargetGoal;
  switch (row.goal_kind) {
    case 'absolute':
      goal = { kind: 'absolute', value: row.goal_value ?? 0, comparator: (row.comparator ?? '<=') as Comparator };
      break;
    case 'change':
      goal = { kind: 'change', change: row.goal_value ?? 0 };
      break;
    case 'change-percent':
      goal = { kind: 'change-percent', changePercent: row.goal_value ?? 0 };
      break;
    default:
      goal = { kind: 'reliable-improvement' };
  }
  return {
    id: row.id,
    measure,
    direction: row.direction as Direction,
    baseline: row.baseline,
    goal,
    per: row.per as Period | null,
    startDate: row.start_date,
    dueDate: row.due_date,
  };
}

async function loadPlans(db: Kysely<Database>, planRows: readonly TreatmentPlanTable[]): Promise<TreatmentPlan[]> {
  if (planRows.length === 0) return [];
  const planIds = planRows.map((p) => p.id);
  const [goalRows, diagnosisRows] = await Promise.all([
    db.selectFrom('goal').selectAll().where('plan_id', 'in', planIds).orderBy('position').execute(),
    db
      .selectFrom('plan_diagnosis')
      .innerJoin('diagnosis', 'diagnosis.id', 'plan_diagnosis.diagnosis_id')
      .select([
        'plan_diagnosis.plan_id',
        'diagnosis.id',
        'diagnosis.code',
        'diagnosis.description',
        'diagnosis.is_primary',
      ])
      .where('plan_diagnosis.plan_id', 'in', planIds)
      .orderBy('diagnosis.is_primary', 'desc')
      .orderBy('diagnosis.code')
      .execute(),
  ]);
  const goalIds = goalRows.map((g) => g.id);
  const [objectiveRows, linkRows, goalTargetRows] =
    goalIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          db.selectFrom('objective').selectAll().where('goal_id', 'in', goalIds).orderBy('position').execute(),
          db
            .selectFrom('goal_formulation_element')
            .selectAll()
            .where('goal_id', 'in', goalIds)
            .orderBy('position')
            .execute(),
          db.selectFrom('target').selectAll().where('goal_id', 'in', goalIds).orderBy('position').execute(),
        ]);
  const objectiveIds = objectiveRows.map((o) => o.id);
  const [interventionRows, objectiveTargetRows] =
    objectiveIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('intervention')
            .selectAll()
            .where('objective_id', 'in', objectiveIds)
            .orderBy('position')
            .execute(),
          db.selectFrom('target').selectAll().where('objective_id', 'in', objectiveIds).orderBy('position').execute(),
        ]);

  const group = <T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> => {
    const m = new Map<K, T[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const interventionsByObjective = group(interventionRows, (r) => r.objective_id);
  const objectiveTargets = group(objectiveTargetRows, (r) => r.objective_id);
  const objectivesByGoal = group(objectiveRows, (r) => r.goal_id);
  const goalTargets = group(goalTargetRows, (r) => r.goal_id);
  const linksByGoal = group(linkRows, (r) => r.goal_id);
  const goalsByPlan = group(goalRows, (r) => r.plan_id);
  const diagnosesByPlan = group(diagnosisRows, (r) => r.plan_id);

  return planRows.map((p) => ({
    id: p.id,
    clientId: p.client_id,
    version: p.version,
    revision: p.revision,
    status: p.status as PlanStatus,
    previousVersionId: p.previous_version_id,
    establishedDate: p.established_date,
    presentingProblems: p.presenting_problems,
    diagnoses: (diagnosesByPlan.get(p.id) ?? []).map(
      (d): Diagnosis => ({ id: d.id, code: d.code, description: d.description, primary: d.is_primary === 1 }),
    ),
    serviceType: p.service_type as ServiceType,
    sessionMinutes: p.session_minutes,
    sessionFrequency: p.session_frequency,
    durationWeeks: p.duration_weeks,
    reviewIntervalDays: p.review_interval_days,
    nextReviewDate: p.next_review_date,
    dischargeCriteria: p.discharge_criteria,
    referrals: p.referrals,
    strengths: p.strengths,
    clientParticipation: p.client_participation,
    clinicianSignature: p.clinician_signature ? (JSON.parse(p.clinician_signature) as Signature) : null,
    supervisorSignature: p.supervisor_signature ? (JSON.parse(p.supervisor_signature) as Signature) : null,
    contentHash: p.content_hash,
    goals: (goalsByPlan.get(p.id) ?? []).map(
      (g): Goal => ({
        id: g.id,
        lineageId: g.lineage_id ?? g.id,
        position: g.position,
        statement: g.statement,
        clientWords: g.client_words,
        formulationElementIds: (linksByGoal.get(g.id) ?? []).map((l) => l.element_id),
        targets: (goalTargets.get(g.id) ?? []).map(targetRowToTarget),
        startDate: g.start_date,
        dueDate: g.due_date,
        status: g.status as GoalStatus,
        endorsement:
          g.endorsed_on && g.endorsement_method
            ? {
                date: g.endorsed_on,
                method: g.endorsement_method as NonNullable<Goal['endorsement']>['method'],
                words: g.endorsement_words,
              }
            : null,
        objectives: (objectivesByGoal.get(g.id) ?? []).map(
          (o): Objective => ({
            id: o.id,
            lineageId: o.lineage_id ?? o.id,
            position: o.position,
            statement: o.statement,
            dueDate: o.due_date,
            targets: (objectiveTargets.get(o.id) ?? []).map(targetRowToTarget),
            interventions: (interventionsByObjective.get(o.id) ?? []).map(
              (iv): Intervention => ({
                id: iv.id,
                libraryId: iv.library_id,
                name: iv.name,
                deliveredBy: iv.delivered_by,
                frequency: iv.frequency,
              }),
            ),
          }),
        ),
      }),
    ),
  }));
}

/** Loads one plan version by id, or null. */
export async function findPlanById(db: Kysely<Database>, planId: string): Promise<TreatmentPlan | null> {
  const rows = await db.selectFrom('treatment_plan').selectAll().where('id', '=', planId).execute();
  return (await loadPlans(db, rows))[0] ?? null;
}

/** The client's current plan: the highest version (a draft if one is open, else the latest signed). */
export async function findCurrentPlan(db: Kysely<Database>, clientId: string): Promise<TreatmentPlan | null> {
  const rows = await db
    .selectFrom('treatment_plan')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('status', '!=', 'superseded')
    .orderBy('version', 'desc')
    .limit(1)
    .execute();
  return (await loadPlans(db, rows))[0] ?? null;
}
