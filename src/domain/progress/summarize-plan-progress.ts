/**
 * Progress of a whole plan: for each goal (and each of its objectives) the status of every target and one overall
 * word, plus one word for the plan's active goals. The API's progress endpoint and the caseload row use this.
 * docs/progress-rules.md §6.
 *
 * @example
 * const progress = summarizePlanProgress(plan.goals, { t1: [{ date: '2026-10-13', value: 12 }] }, {
 *   today: '2026-10-14', instruments: (id) => (id === 'phq9' ? { reliableChangeThreshold: 6 } : undefined),
 * });
 * progress.goals[0]?.overall // 'on-track'
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Goal, GoalStatus } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import type { InstrumentLookup } from './instrument-thresholds.js';
import type { ProgressSettings } from './progress-tolerance.js';
import type { SeriesPoint } from './series-point.js';
import { computeTargetStatus, type TargetProgress, type TargetStatus } from './target-status.js';

/**
 * One word for a set of targets (a goal, an objective, a plan). The six target statuses, plus `no-targets`.
 *
 * @example
 * const word: ProgressWord = ProgressWord.offTrack;
 */
export const ProgressWord = {
  /** Every target is met. */
  met: 'met',
  /** Nothing overdue or off track, and at least one target is on track or met. */
  onTrack: 'on-track',
  /** At least one target is off track (and none is overdue). */
  offTrack: 'off-track',
  /** At least one target is overdue. */
  overdue: 'overdue',
  /** No target has data since its start yet (some have not started; the rest have no data). */
  notStarted: 'not-started',
  /** No target can be judged for lack of data. */
  noData: 'no-data',
  /** There are no targets to judge. */
  noTargets: 'no-targets',
} as const;
export type ProgressWord = (typeof ProgressWord)[keyof typeof ProgressWord];

/**
 * An objective's targets and word.
 *
 * @example
 * const objective: ObjectiveProgress = { objectiveId: 'o1', overall: 'no-targets', targets: [] };
 */
export interface ObjectiveProgress {
  readonly objectiveId: string;
  readonly overall: ProgressWord;
  readonly targets: readonly TargetProgress[];
}

/**
 * A goal's targets and word. `overall` combines the goal's own targets only; objectives carry their own word.
 *
 * @example
 * const goal: GoalProgress = { goalId: 'g1', lifecycleStatus: 'active', overall: 'met', targets: [], objectives: [] };
 */
export interface GoalProgress {
  readonly goalId: string;
  /** The clinician-set lifecycle status (DESIGN 2.2), passed through unchanged. */
  readonly lifecycleStatus: GoalStatus;
  readonly overall: ProgressWord;
  readonly targets: readonly TargetProgress[];
  readonly objectives: readonly ObjectiveProgress[];
}

/**
 * The output of {@link summarizePlanProgress}:
 * - `today`: the date it was computed for;
 * - `goals`: one {@link GoalProgress} per goal, in the given order (every goal, whatever its lifecycle status);
 * - `overall`: the word over the **active** goals' words (`no-targets` when no active goal has a target);
 * - `statusCounts`: how many targets of the active goals (their own and their objectives') have each status.
 *
 * @example
 * const summary: PlanProgress = { today: '2026-10-14', goals: [], overall: 'no-targets', statusCounts: { met: 0, 'on-track': 0, 'off-track': 0, 'not-started': 0, overdue: 0, 'no-data': 0 } };
 */
export interface PlanProgress {
  readonly today: CalendarDate;
  readonly goals: readonly GoalProgress[];
  readonly overall: ProgressWord;
  readonly statusCounts: Readonly<Record<TargetStatus, number>>;
}

/**
 * What the summary is computed against.
 *
 * @example
 * const context: PlanProgressContext = { today: '2026-10-14', instruments: () => ({ reliableChangeThreshold: 6 }) };
 */
export interface PlanProgressContext {
  readonly today: CalendarDate;
  /** Finds an instrument's thresholds by id (a registry's `getMeasure` fits). */
  readonly instruments?: InstrumentLookup;
  readonly settings?: ProgressSettings;
}

/**
 * Combines words (or target statuses) into one, by precedence: any `overdue` → overdue; else any `off-track` →
 * off-track; else all `met` → met; else any `on-track` or `met` → on-track; else any `not-started` → not-started;
 * else any `no-data` → no-data; else (nothing, or only `no-targets`) → no-targets.
 *
 * @example
 * combineProgressWords(['met', 'on-track']) // 'on-track'
 * combineProgressWords(['met', 'off-track', 'no-data']) // 'off-track'
 */
export function combineProgressWords(words: readonly ProgressWord[]): ProgressWord {
  const judged = words.filter((word) => word !== 'no-targets');
  if (judged.length === 0) return ProgressWord.noTargets;
  if (judged.includes('overdue')) return ProgressWord.overdue;
  if (judged.includes('off-track')) return ProgressWord.offTrack;
  if (judged.every((word) => word === 'met')) return ProgressWord.met;
  if (judged.includes('on-track') || judged.includes('met')) return ProgressWord.onTrack;
  if (judged.includes('not-started')) return ProgressWord.notStarted;
  return ProgressWord.noData;
}

/**
 * Computes every target's status in a plan and sums them up per objective, per goal and for the active goals.
 * `seriesByTargetId` holds each target's series (missing → empty).
 *
 * @example
 * summarizePlanProgress([goal], { t1: [{ date: '2026-12-01', value: 8 }] }, { today: '2026-12-02' }).goals[0]?.overall // 'met'
 */
export function summarizePlanProgress(
  goals: readonly Pick<Goal, 'id' | 'status' | 'targets' | 'objectives'>[],
  seriesByTargetId: Readonly<Record<string, readonly SeriesPoint[]>>,
  context: PlanProgressContext,
): PlanProgress {
  const evaluate = (target: Target): TargetProgress =>
    computeTargetStatus(target, seriesByTargetId[target.id] ?? [], {
      today: context.today,
      instrument: target.measure.kind === 'instrument' ? context.instruments?.(target.measure.instrumentId) : null,
      ...(context.settings ? { settings: context.settings } : {}),
    });

  const statusCounts: Record<TargetStatus, number> = {
    met: 0,
    'on-track': 0,
    'off-track': 0,
    'not-started': 0,
    overdue: 0,
    'no-data': 0,
  };

  const goalProgress = goals.map((goal): GoalProgress => {
    const targets = goal.targets.map(evaluate);
    const objectives = goal.objectives.map((objective): ObjectiveProgress => {
      const objectiveTargets = objective.targets.map(evaluate);
      return {
        objectiveId: objective.id,
        overall: combineProgressWords(objectiveTargets.map((t) => t.status)),
        targets: objectiveTargets,
      };
    });
    if (goal.status === 'active') {
      for (const progress of [...targets, ...objectives.flatMap((o) => o.targets)]) statusCounts[progress.status] += 1;
    }
    return {
      goalId: goal.id,
      lifecycleStatus: goal.status,
      overall: combineProgressWords(targets.map((t) => t.status)),
      targets,
      objectives,
    };
  });

  const activeWords = goalProgress.filter((g) => g.lifecycleStatus === 'active').map((g) => g.overall);
  return { today: context.today, goals: goalProgress, overall: combineProgressWords(activeWords), statusCounts };
}
