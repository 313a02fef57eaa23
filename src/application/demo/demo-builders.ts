import type { MeasureDefinition } from '../../domain/scoring/measure-definition.js';
import { scoreMeasure } from '../../domain/scoring/score-measure.js';
import type { CalendarDate } from '../../domain/shared/calendar-date.js';
import type { Goal, Intervention, Objective } from '../../domain/treatment-plans/goal.js';
import type { Comparator, Direction, Period, Target, TargetGoal } from '../../domain/treatment-plans/target.js';
import type { Administration } from '../ports.js';

/**
 * Small builders the demo uses to write plans and histories tersely. Deterministic: ids come from the caller.
 *
 * @example
 * const answers = answersForTotal(phq9, 18, { 9: 1 }); // nine answers summing to 18 with item 9 = 1
 */
export function answersForTotal(
  definition: MeasureDefinition,
  total: number,
  fixed: Readonly<Record<number, number>> = {},
): number[] {
  const items = definition.items;
  const maxOf = (i: number) => Math.max(...(items[i]?.options.map((o) => o.value) ?? [0]));
  const answers = items.map((item) => fixed[item.number] ?? 0);
  let remaining = Math.max(0, total - answers.reduce((a, b) => a + b, 0));
  const free = items.map((item, i) => ({ i, n: item.number })).filter(({ n }) => fixed[n] === undefined);
  // Fill level by level so the answers stay even (a real response rarely maxes one item and zeroes the rest).
  for (let level = 1; remaining > 0 && level <= 4; level += 1) {
    for (const { i } of free) {
      if (remaining === 0) break;
      if ((answers[i] ?? 0) < level && level <= maxOf(i)) {
        answers[i] = level;
        remaining -= 1;
      }
    }
  }
  return answers;
}

/** A scored administration with its answers; throws if the demo data is not scorable (a bug in the demo). */
export function buildAdministration(
  definition: MeasureDefinition,
  input: {
    readonly id: string;
    readonly clientId: string;
    readonly on: CalendarDate;
    readonly answers: readonly (number | null)[];
    readonly recordedBy: string | null;
    readonly source?: Administration['source'];
  },
): Administration {
  const outcome = scoreMeasure(definition, input.answers);
  if (outcome.kind !== 'scored') {
    throw new Error(`demo data for ${definition.id} is not scorable: ${outcome.issues.map((i) => i.code).join(', ')}`);
  }
  const r = outcome.result;
  return {
    id: input.id,
    clientId: input.clientId,
    instrumentId: definition.id,
    instrumentVersion: r.version,
    administeredAt: `${input.on}T15:00:00.000Z`,
    administeredOn: input.on,
    source: input.source ?? 'session',
    answers: input.answers,
    total: r.total ?? 0,
    severity: r.severity,
    prorated: r.prorated,
    subscales: r.subscales,
    flags: r.flags.map((f) => ({ code: f.code, item: f.item })),
    recordedBy: input.recordedBy,
  };
}

export interface TargetSpec {
  readonly instrumentId?: string;
  readonly behaviorId?: string;
  /** A goal-attainment scale (−2 … +2) for a task whose completion is rated rather than counted. */
  readonly gas?: boolean;
  readonly direction: Direction;
  readonly baseline: number | null;
  readonly value: number;
  readonly comparator: Comparator;
  readonly per?: Period;
}

/** A target with an absolute goal. */
export function buildTarget(id: string, spec: TargetSpec, startDate: CalendarDate, dueDate: CalendarDate): Target {
  const goal: TargetGoal = { kind: 'absolute', value: spec.value, comparator: spec.comparator };
  return {
    id,
    measure: spec.gas
      ? { kind: 'gas' }
      : spec.instrumentId
        ? { kind: 'instrument', instrumentId: spec.instrumentId }
        : { kind: 'behavior', behaviorId: spec.behaviorId ?? '' },
    direction: spec.direction,
    baseline: spec.baseline,
    goal,
    per: spec.instrumentId || spec.gas ? null : (spec.per ?? 'week'),
    startDate,
    dueDate,
  };
}

export function buildIntervention(
  id: string,
  libraryId: string | null,
  name: string,
  frequency: string,
  deliveredBy = 'treating clinician',
): Intervention {
  return { id, libraryId, name, deliveredBy, frequency };
}

export function buildObjective(
  id: string,
  position: number,
  statement: string,
  dueDate: CalendarDate | null,
  targets: readonly Target[],
  interventions: readonly Intervention[],
): Objective {
  return { id, position, statement, dueDate, targets, interventions };
}

export function buildGoal(fields: Omit<Goal, 'status'> & { readonly status?: Goal['status'] }): Goal {
  return { status: 'active', ...fields };
}

/**
 * A small deterministic PRNG (mulberry32) so `cairn demo --seed S` makes the same data every time.
 *
 * @example
 * const rnd = seededRandom(42); rnd() // 0.6011… every time
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
