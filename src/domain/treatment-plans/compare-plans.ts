/**
 * Compares two versions of a client's plan (DESIGN 2.2: "any two versions can be compared"). Plan fields are compared
 * one by one; goals and objectives are matched across versions by their lineage (the id of the row where the goal
 * first appeared, carried from version to version), so a goal that moved, was reworded or got a new target shows as
 * changed, not as one removed and one added. Targets and interventions are compared as the sentences a reader sees.
 *
 * @example
 * const diff = comparePlans(version1, version2);
 * diff.fields // [{ field: 'sessionMinutes', from: 50, to: 45 }]
 * diff.goals[0]?.change // 'changed'
 */
import type { Goal, Intervention, Objective } from './goal.js';
import type { Target } from './target.js';
import type { TreatmentPlan } from './treatment-plan.js';

export type ComparedValue = string | number | boolean | null | readonly string[];

export interface FieldChange {
  readonly field: string;
  readonly from: ComparedValue;
  readonly to: ComparedValue;
}

export type ItemChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ObjectiveChange {
  readonly lineageId: string;
  readonly change: ItemChangeKind;
  readonly fromPosition: number | null;
  readonly toPosition: number | null;
  readonly statement: { readonly from: string | null; readonly to: string | null };
  readonly fields: readonly FieldChange[];
}

export interface GoalChange {
  readonly lineageId: string;
  readonly change: ItemChangeKind;
  readonly fromPosition: number | null;
  readonly toPosition: number | null;
  readonly statement: { readonly from: string | null; readonly to: string | null };
  readonly fields: readonly FieldChange[];
  readonly objectives: readonly ObjectiveChange[];
}

export interface PlanVersionRef {
  readonly id: string;
  readonly version: number;
  readonly status: TreatmentPlan['status'];
  readonly contentHash: string | null;
}

export interface PlanComparison {
  readonly from: PlanVersionRef;
  readonly to: PlanVersionRef;
  /** Plan-level fields that differ, in form order. */
  readonly fields: readonly FieldChange[];
  /** Every goal of either version: those of `to` in its order, then the ones `to` dropped. */
  readonly goals: readonly GoalChange[];
  readonly summary: {
    readonly fieldsChanged: number;
    readonly goalsAdded: number;
    readonly goalsRemoved: number;
    readonly goalsChanged: number;
  };
}

const PLAN_FIELDS = [
  'establishedDate',
  'presentingProblems',
  'serviceType',
  'sessionMinutes',
  'sessionFrequency',
  'durationWeeks',
  'reviewIntervalDays',
  'nextReviewDate',
  'dischargeCriteria',
  'referrals',
  'strengths',
  'clientParticipation',
] as const satisfies readonly (keyof TreatmentPlan)[];

const GOAL_VALUE_SYMBOL: Record<string, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '=': '=' };

/**
 * A target as one sentence, e.g. "phq9 decrease to ≤ 9 from 18, 2026-11-01 → 2027-01-31".
 *
 * @example
 * describeTargetForComparison(target) // 'phq9 decrease to ≤ 9 from 18, 2026-11-01 → 2027-01-31'
 */
export function describeTargetForComparison(t: Target): string {
  const measure =
    t.measure.kind === 'instrument'
      ? `${t.measure.instrumentId}${t.measure.subscale ? ` (${t.measure.subscale})` : ''}`
      : t.measure.kind === 'behavior'
        ? `behaviour ${t.measure.behaviorId}`
        : 'goal attainment scale';
  const goal =
    t.goal.kind === 'absolute'
      ? `to ${GOAL_VALUE_SYMBOL[t.goal.comparator] ?? t.goal.comparator} ${t.goal.value}`
      : t.goal.kind === 'change'
        ? `by ${t.goal.change} points`
        : t.goal.kind === 'change-percent'
          ? `by ${t.goal.changePercent} %`
          : 'by a reliable improvement';
  const per = t.per ? ` per ${t.per}` : '';
  const baseline = t.baseline === null ? 'no baseline' : `from ${t.baseline}`;
  return `${measure} ${t.direction} ${goal}${per} ${baseline}, ${t.startDate} → ${t.dueDate}`;
}

function describeIntervention(i: Intervention): string {
  return `${i.name} — ${i.deliveredBy}, ${i.frequency}`;
}

function same(a: ComparedValue, b: ComparedValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function diffFields(pairs: readonly (readonly [string, ComparedValue, ComparedValue])[]): FieldChange[] {
  return pairs.filter(([, from, to]) => !same(from, to)).map(([field, from, to]) => ({ field, from, to }));
}

function lineageOf(item: Goal | Objective): string {
  return item.lineageId ?? item.id;
}

function byPosition<T extends { readonly position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}

/** Pairs items of two lists by lineage: those of `to` in order (with their match in `from`), then `from`'s leftovers. */
function pair<T extends Goal | Objective>(
  from: readonly T[],
  to: readonly T[],
): { readonly a: T | null; readonly b: T | null }[] {
  const fromByLineage = new Map(from.map((x) => [lineageOf(x), x]));
  const matched = new Set<string>();
  const pairs: { a: T | null; b: T | null }[] = byPosition(to).map((b) => {
    const a = fromByLineage.get(lineageOf(b)) ?? null;
    if (a) matched.add(lineageOf(a));
    return { a, b };
  });
  for (const a of byPosition(from)) if (!matched.has(lineageOf(a))) pairs.push({ a, b: null });
  return pairs;
}

function changeKind(a: unknown, b: unknown, fieldCount: number, nestedChanged: boolean): ItemChangeKind {
  if (!a) return 'added';
  if (!b) return 'removed';
  return fieldCount > 0 || nestedChanged ? 'changed' : 'unchanged';
}

function objectiveFields(o: Objective | null): Record<string, ComparedValue> {
  return {
    statement: o?.statement ?? null,
    dueDate: o?.dueDate ?? null,
    targets: o ? o.targets.map(describeTargetForComparison) : [],
    interventions: o ? o.interventions.map(describeIntervention) : [],
  };
}

function goalFields(g: Goal | null): Record<string, ComparedValue> {
  return {
    statement: g?.statement ?? null,
    clientWords: g?.clientWords ?? null,
    formulationElementIds: g ? [...g.formulationElementIds] : [],
    startDate: g?.startDate ?? null,
    dueDate: g?.dueDate ?? null,
    status: g?.status ?? null,
    endorsement: g?.endorsement ? `${g.endorsement.date} (${g.endorsement.method})` : null,
    targets: g ? g.targets.map(describeTargetForComparison) : [],
  };
}

function compareRecords(
  a: Record<string, ComparedValue>,
  b: Record<string, ComparedValue>,
  present: boolean,
): FieldChange[] {
  if (!present) return [];
  return diffFields(Object.keys(b).map((k) => [k, a[k] ?? null, b[k] ?? null] as const));
}

function compareObjectives(from: readonly Objective[], to: readonly Objective[]): ObjectiveChange[] {
  return pair(from, to).map(({ a, b }) => {
    const fields = compareRecords(objectiveFields(a), objectiveFields(b), a !== null && b !== null);
    return {
      lineageId: lineageOf((b ?? a) as Objective),
      change: changeKind(a, b, fields.length, false),
      fromPosition: a?.position ?? null,
      toPosition: b?.position ?? null,
      statement: { from: a?.statement ?? null, to: b?.statement ?? null },
      fields,
    };
  });
}

/**
 * Compares plan version `from` with version `to` (usually older with newer).
 *
 * @example
 * comparePlans(v1, v2).summary // { fieldsChanged: 1, goalsAdded: 0, goalsRemoved: 0, goalsChanged: 1 }
 */
export function comparePlans(from: TreatmentPlan, to: TreatmentPlan): PlanComparison {
  const fields = diffFields([
    ...PLAN_FIELDS.map((f) => [f, from[f], to[f]] as const),
    [
      'diagnoses',
      from.diagnoses.map((d) => `${d.code} ${d.description}${d.primary ? ' (primary)' : ''}`),
      to.diagnoses.map((d) => `${d.code} ${d.description}${d.primary ? ' (primary)' : ''}`),
    ] as const,
  ]);
  const goals: GoalChange[] = pair(from.goals, to.goals).map(({ a, b }) => {
    const goalFieldChanges = compareRecords(goalFields(a), goalFields(b), a !== null && b !== null);
    const objectives = compareObjectives(a?.objectives ?? [], b?.objectives ?? []);
    const positionMoved = a !== null && b !== null && a.position !== b.position;
    const nestedChanged = positionMoved || objectives.some((o) => o.change !== 'unchanged');
    return {
      lineageId: lineageOf((b ?? a) as Goal),
      change: changeKind(a, b, goalFieldChanges.length, nestedChanged),
      fromPosition: a?.position ?? null,
      toPosition: b?.position ?? null,
      statement: { from: a?.statement ?? null, to: b?.statement ?? null },
      fields: goalFieldChanges,
      objectives,
    };
  });
  const ref = (p: TreatmentPlan): PlanVersionRef => ({
    id: p.id,
    version: p.version,
    status: p.status,
    contentHash: p.contentHash,
  });
  return {
    from: ref(from),
    to: ref(to),
    fields,
    goals,
    summary: {
      fieldsChanged: fields.length,
      goalsAdded: goals.filter((g) => g.change === 'added').length,
      goalsRemoved: goals.filter((g) => g.change === 'removed').length,
      goalsChanged: goals.filter((g) => g.change === 'changed').length,
    },
  };
}
