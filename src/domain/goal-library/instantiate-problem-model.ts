/**
 * Turns a library model into ready-to-adapt goal, objective and intervention drafts for one client (DESIGN 2.2):
 * statement slots filled from the client's baseline (latest instrument scores, behaviour counts), a target set by the
 * library's target rule, and due dates from the plan's start and duration. Drafts have no ids: the application
 * assigns them when the clinician adopts a draft.
 *
 * @example
 * const drafts = instantiateProblemModel(getProblemModel('gad'), {
 *   startDate: '2026-09-01', durationWeeks: 16, instruments: [gad7], baseline: { latestScores: { gad7: 15 } },
 * });
 * drafts.goals[0]?.statement; // 'Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 16 weeks'
 */
import { addDays, type CalendarDate } from '../shared/calendar-date.js';
import type { Intervention } from '../treatment-plans/goal.js';
import type { Target } from '../treatment-plans/target.js';
import { getCbtIntervention } from './cbt-intervention.js';
import { fillTemplate, type TemplateValues } from './fill-template.js';
import type {
  LibraryMeasure,
  LibraryObjective,
  LibraryTargetRule,
  ProblemModel,
  TemplateSlot,
} from './problem-model.js';
import {
  type InstrumentTargetProposal,
  proposeInstrumentTargets,
  type TargetRuleInstrument,
} from './propose-instrument-targets.js';

/**
 * What is known of the client's starting point.
 *
 * @example
 * const baseline: ClientBaseline = { latestScores: { gad7: 15 }, behaviorCounts: { 'panic-attacks': 4 } };
 */
export interface ClientBaseline {
  /** The latest total per instrument id. */
  readonly latestScores?: Readonly<Record<string, number>>;
  /** Behaviour counts per the library measure's period, by library `behaviorId` ("panic-attacks": 4). */
  readonly behaviorCounts?: Readonly<Record<string, number>>;
}

/**
 * Options of `instantiateProblemModel`.
 *
 * @example
 * const options: InstantiateProblemModelOptions = { startDate: '2026-09-01', durationWeeks: 16, instruments, baseline: {} };
 */
export interface InstantiateProblemModelOptions {
  /** The plan's (or the goals') start date. */
  readonly startDate: CalendarDate;
  /** The plan's duration in weeks; goals fall due at its end, objectives at their `dueFraction` of it. */
  readonly durationWeeks: number;
  /** Instrument definitions (from the measures registry). */
  readonly instruments: readonly TargetRuleInstrument[];
  readonly baseline: ClientBaseline;
  /** Only these maintaining factors (keys); goals addressing none of them are left out. Default: all. */
  readonly factorKeys?: readonly string[];
}

/**
 * A target without an id, ready to become a `Target`.
 *
 * @example
 * const target: TargetDraft | null = instantiateProblemModel(model, options).goals[0]?.target ?? null;
 */
export type TargetDraft = Omit<Target, 'id'>;

/**
 * An intervention without an id, ready to become an `Intervention`.
 *
 * @example
 * const ba: InterventionDraft = { libraryId: 'behavioural-activation', name: 'Behavioural activation', deliveredBy: 'clinician in session', frequency: 'weekly' };
 */
export type InterventionDraft = Omit<Intervention, 'id'>;

/**
 * Where a draft's target value comes from.
 *
 * @example
 * const basis: TargetBasis = { kind: 'library-default', rationale: 'A starting proposal …' };
 */
export type TargetBasis =
  | { readonly kind: 'instrument-rule'; readonly proposal: InstrumentTargetProposal }
  | { readonly kind: 'library-default'; readonly rationale: string };

/**
 * What goals and objectives drafts share.
 *
 * @example
 * const item: LibraryItemDraft | undefined = instantiateProblemModel(model, options).goals[0]; // item.missing: []
 */
export interface LibraryItemDraft {
  /** The library id it came from. */
  readonly libraryId: string;
  readonly statement: string;
  /** Slots that could not be filled (shown as `[slot]` in the statement); empty when the draft is complete. */
  readonly missing: readonly TemplateSlot[];
  /** The structured target, or null for tasks and when the baseline or instrument is missing. */
  readonly target: TargetDraft | null;
  /** Why the target value is what it is, with the rule's source; null without a target. */
  readonly basis: TargetBasis | null;
  readonly dueDate: CalendarDate;
}

/**
 * An objective draft with its interventions; `factorKey` is the maintaining factor it addresses.
 *
 * @example
 * const step: ObjectiveDraft | undefined = instantiateProblemModel(model, options).goals[0]?.objectives[0];
 */
export interface ObjectiveDraft extends LibraryItemDraft {
  readonly factorKey: string;
  readonly interventions: readonly InterventionDraft[];
}

/**
 * A goal draft with its objectives (each factor's objectives sit under the first goal that addresses it).
 *
 * @example
 * const goal: GoalDraft | undefined = instantiateProblemModel(getProblemModel('gad'), options).goals[0];
 */
export interface GoalDraft extends LibraryItemDraft {
  readonly clientWordsPrompt: string;
  readonly objectives: readonly ObjectiveDraft[];
}

/**
 * The drafts of one model.
 *
 * @example
 * const drafts: ModelDrafts = instantiateProblemModel(getProblemModel('gad'), options); // drafts.modelId === 'gad'
 */
export interface ModelDrafts {
  readonly modelId: string;
  readonly modelVersion: number;
  readonly goals: readonly GoalDraft[];
}

/**
 * Instantiates a model for a client.
 *
 * @example
 * instantiateProblemModel(getProblemModel('panic'), { startDate: '2026-09-01', durationWeeks: 12, instruments: [],
 *   baseline: { behaviorCounts: { 'panic-attacks': 4 } } }).goals[0]?.statement;
 * // 'Reduce panic attacks from 4 to 2 or fewer per week within 12 weeks'
 */
export function instantiateProblemModel(model: ProblemModel, options: InstantiateProblemModelOptions): ModelDrafts {
  const wanted = options.factorKeys ? new Set(options.factorKeys) : null;
  const assigned = new Set<string>();
  const goals: GoalDraft[] = [];
  for (const goal of model.goals) {
    const addressed = goal.addresses.filter((key) => wanted === null || wanted.has(key));
    if (addressed.length === 0) continue;
    const objectives: ObjectiveDraft[] = [];
    for (const key of addressed) {
      if (assigned.has(key)) continue;
      assigned.add(key);
      const factor = model.maintainingFactors.find((candidate) => candidate.key === key);
      for (const objective of factor?.objectives ?? []) objectives.push(draftObjective(objective, key, options));
    }
    const item = draftItem(goal.id, goal.statement, goal.measure, goal.targetRule, options.durationWeeks, options);
    goals.push({ ...item, clientWordsPrompt: goal.clientWordsPrompt, objectives });
  }
  return { modelId: model.id, modelVersion: model.version, goals };
}

function draftObjective(
  objective: LibraryObjective,
  factorKey: string,
  options: InstantiateProblemModelOptions,
): ObjectiveDraft {
  const weeks = Math.max(1, Math.round(options.durationWeeks * objective.dueFraction));
  const item = draftItem(objective.id, objective.statement, objective.measure, objective.targetRule, weeks, options);
  const interventions = objective.interventions.map((use) => ({
    libraryId: use.interventionId,
    name: getCbtIntervention(use.interventionId)?.name ?? use.interventionId,
    deliveredBy: use.deliveredBy,
    frequency: use.frequency,
  }));
  return { ...item, factorKey, interventions };
}

function draftItem(
  libraryId: string,
  template: string,
  measure: LibraryMeasure,
  rule: LibraryTargetRule | null,
  weeks: number,
  options: InstantiateProblemModelOptions,
): LibraryItemDraft {
  const dueDate = addDays(options.startDate, weeks * 7);
  const values: TemplateValues = { weeks };
  let target: TargetDraft | null = null;
  let basis: TargetBasis | null = null;
  const base = { startDate: options.startDate, dueDate };

  if (measure.kind === 'instrument' && rule?.kind === 'instrument-rules') {
    const scores = options.baseline.latestScores ?? {};
    const defined = measure.instrumentIds
      .map((id) => options.instruments.find((instrument) => instrument.id === id))
      .filter((instrument): instrument is TargetRuleInstrument => instrument !== undefined);
    const instrument = defined.find((candidate) => scores[candidate.id] !== undefined) ?? defined[0];
    if (instrument) {
      values.instrument = instrument.shortName;
      const score = scores[instrument.id];
      if (score !== undefined) {
        values.baseline = score;
        const proposal = chooseInstrumentTarget(
          proposeInstrumentTargets(instrument, score, { prefer: rule.prefer }),
          instrument,
          weeks,
        );
        if (proposal) {
          values.target = proposal.value;
          basis = { kind: 'instrument-rule', proposal };
          target = {
            ...base,
            measure: { kind: 'instrument', instrumentId: instrument.id },
            direction: 'decrease',
            baseline: score,
            goal: { kind: 'absolute', value: proposal.value, comparator: proposal.comparator },
            per: null,
          };
        }
      }
    }
  } else if (measure.kind === 'behavior' && rule !== null && rule.kind !== 'instrument-rules') {
    values.behavior = measure.label;
    const count = options.baseline.behaviorCounts?.[measure.behaviorId];
    if (count !== undefined) {
      values.baseline = count;
      const value = behaviorTargetValue(rule, count, measure);
      if (value !== null) {
        values.target = value;
        basis = { kind: 'library-default', rationale: rule.rationale };
        target = {
          ...base,
          measure: { kind: 'behavior', behaviorId: measure.behaviorId },
          direction: measure.direction,
          baseline: count,
          goal: { kind: 'absolute', value, comparator: measure.direction === 'increase' ? '>=' : '<=' },
          per: measure.per,
        };
      }
    }
  }
  const filled = fillTemplate(template, values);
  return { libraryId, statement: filled.text, missing: filled.missing, target, basis, dueDate };
}

/**
 * The first proposal that is a reliable change (or whose instrument has no threshold) and, when the instrument has a
 * sourced typical change per week, reachable in the weeks given; else the first proposal; else null.
 *
 * @example
 * chooseInstrumentTarget(proposeInstrumentTargets(gad7, 15), gad7, 16)?.value; // 7
 */
export function chooseInstrumentTarget(
  proposals: readonly InstrumentTargetProposal[],
  instrument: Pick<TargetRuleInstrument, 'typicalChangePerWeek'>,
  weeks: number,
): InstrumentTargetProposal | null {
  const reachable = (proposal: InstrumentTargetProposal) =>
    instrument.typicalChangePerWeek === null || Math.abs(proposal.change) <= instrument.typicalChangePerWeek * weeks;
  return (
    proposals.find((proposal) => proposal.reliable !== false && reachable(proposal)) ??
    proposals.find(reachable) ??
    null
  );
}

/**
 * The target count a library rule gives from a behaviour baseline, kept within 0 and the measure's maximum; null when
 * the rule asks for no change from this baseline (halving zero).
 *
 * @example
 * behaviorTargetValue({ kind: 'change-percent', changePercent: -50, rationale: '…' }, 5, { direction: 'decrease' }); // 2
 */
export function behaviorTargetValue(
  rule: Exclude<LibraryTargetRule, { kind: 'instrument-rules' }>,
  baseline: number,
  measure: { readonly direction: string; readonly max?: number },
): number | null {
  let value: number;
  switch (rule.kind) {
    case 'absolute':
      value = rule.value;
      break;
    case 'change':
      value = baseline + rule.change;
      break;
    case 'change-percent': {
      const raw = baseline * (1 + rule.changePercent / 100);
      value = measure.direction === 'decrease' ? Math.floor(raw) : Math.ceil(raw);
      break;
    }
  }
  value = Math.max(0, Math.min(measure.max ?? Number.POSITIVE_INFINITY, value));
  const improves = measure.direction === 'decrease' ? value < baseline : value > baseline;
  return improves ? value : null;
}
