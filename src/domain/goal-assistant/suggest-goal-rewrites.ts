/**
 * The goal assistant (DESIGN 2.5): for a vague or incomplete goal and the client's data, one to three SMART rewrites.
 * Deterministic, explainable and offline:
 * - the problem area comes from the words of the goal (goal-library keywords), else the formulation;
 * - the measure is an instrument the client has a latest score on (the baseline), or a behaviour the client counts;
 * - the target is a clinically sourced rule for instruments — below the caseness cut-off, a reliable improvement,
 *   remission, the next band down (reference/measures.md, via the instrument definition) — or, for behaviour counts,
 *   the goal library's labelled starting proposal;
 * - the due date is the goal's own deadline when it states one, else the end of the plan.
 * Every rewrite is analysed with `analyzeGoalText` before it is returned, and only rewrites that meet Specific,
 * Measurable and Time-bound (and Achievable and Relevant where the analysis can judge them) are kept.
 *
 * @example
 * suggestGoalRewrites({ text: 'Reduce anxiety', today: '2026-09-01', instruments: listMeasures(),
 *   plan: { startDate: '2026-09-01', durationWeeks: 16 }, client: { latestScores: { gad7: 15 } } })
 *   .map((rewrite) => rewrite.text);
 * // ['Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 16 weeks',
 * //  'Reduce anxiety symptoms on the GAD-7 from 15 to 11 or below within 16 weeks']
 */
import type { Formulation, ProblemArea } from '../formulation/formulation.js';
import { fillTemplate } from '../goal-library/fill-template.js';
import {
  behaviorTargetValue,
  chooseInstrumentTarget,
  type TargetDraft,
} from '../goal-library/instantiate-problem-model.js';
import { INSTRUMENT_TARGET_RULES, type InstrumentTargetRule } from '../goal-library/instrument-target-rule.js';
import { getProblemModel, listProblemModels } from '../goal-library/list-problem-models.js';
import type { LibraryMeasure, LibraryTargetRule, ProblemModel } from '../goal-library/problem-model.js';
import { type InstrumentTargetProposal, proposeInstrumentTargets } from '../goal-library/propose-instrument-targets.js';
import { analyzeGoalText } from '../goal-text/analyze-goal-text.js';
import type { GoalAnalysis, GoalContext, SmartVerdicts } from '../goal-text/goal-analysis.js';
import { addDays, type CalendarDate, daysBetween } from '../shared/calendar-date.js';
import type { Period } from '../treatment-plans/target.js';
import { detectProblemAreas } from './detect-problem-areas.js';
import { type AssistantInstrument, toGoalTextInstruments } from './to-goal-text-instruments.js';

/**
 * A behaviour the client counts, with its current count.
 *
 * @example
 * const panic: BehaviorBaseline = { behavior: 'panic attacks', value: 4, per: 'week' };
 */
export interface BehaviorBaseline {
  /** What is counted, in the words used with the client ("panic attacks"). */
  readonly behavior: string;
  /** The count per `per` at baseline. */
  readonly value: number;
  readonly per: Period;
  /** The goal library's behaviour id when the count was set up from the library ("panic-attacks"). */
  readonly behaviorId?: string;
}

/**
 * What the assistant knows about the client; every field optional.
 *
 * @example
 * const client: RewriteClientContext = { latestScores: { gad7: 15 }, formulation, endorsed: true };
 */
export interface RewriteClientContext {
  /** The latest total per instrument id: the baseline of instrument targets. */
  readonly latestScores?: Readonly<Record<string, number>>;
  readonly behaviorBaselines?: readonly BehaviorBaseline[];
  /** The formulation: its problem areas guide the choice and its elements become the rewrite's links. */
  readonly formulation?: Formulation | null;
  /** Whether the client has endorsed the goal (passed to the analysis' Relevant judgement). */
  readonly endorsed?: boolean;
}

/**
 * Input of `suggestGoalRewrites`.
 *
 * @example
 * const input: SuggestGoalRewritesInput = { text: 'Reduce anxiety', today: '2026-09-01', instruments,
 *   plan: { startDate: '2026-09-01', durationWeeks: 16 }, client: { latestScores: { gad7: 15 } } };
 */
export interface SuggestGoalRewritesInput {
  /** The goal as written. */
  readonly text: string;
  readonly today: CalendarDate;
  /** Instrument definitions (from the measures registry). Pass the same array each time (see `toGoalTextInstruments`). */
  readonly instruments: readonly AssistantInstrument[];
  /** When the goal starts and how long the plan runs. */
  readonly plan: { readonly startDate: CalendarDate; readonly durationWeeks: number };
  readonly client?: RewriteClientContext;
}

/**
 * Where a rewrite's target comes from.
 *
 * @example
 * const rule: RewriteRule = { kind: 'instrument', rule: 'below-caseness', source: 'reference/measures.md §2 … [S18]' };
 */
export type RewriteRule =
  | {
      readonly kind: 'instrument';
      readonly rule: InstrumentTargetRule;
      /** reference/measures.md section and source ids, from the instrument definition. */
      readonly source: string;
    }
  | {
      readonly kind: 'behavior-default';
      /** The goal-library item whose starting proposal was used ("panic.goal.fewer-attacks"). */
      readonly libraryId: string;
      /** Why this value: a starting proposal to agree with the client (no published threshold exists). */
      readonly rationale: string;
      readonly source: string;
    };

/**
 * One SMART rewrite.
 *
 * @example
 * const [best]: GoalRewrite[] = suggestGoalRewrites(input); // best.smart.specific.met === true
 */
export interface GoalRewrite {
  readonly text: string;
  /** How it was built, in plain words: baseline, target rule, due date. */
  readonly explanation: string;
  readonly rule: RewriteRule;
  /** The structured target; `baseline` is null when the client's count is still to be recorded. */
  readonly target: TargetDraft;
  readonly problemArea: ProblemArea | null;
  /** Formulation elements the rewrite addresses (from the formulation's library keys for the area). */
  readonly formulationElementIds: readonly string[];
  /** The SMART verdicts of the rewrite itself, from `analyzeGoalText` with the client context. */
  readonly smart: SmartVerdicts;
}

/**
 * At most this many rewrites are returned.
 *
 * @example
 * suggestGoalRewrites(input).length <= MAX_REWRITES; // true
 */
export const MAX_REWRITES = 3;

interface Frame {
  readonly input: SuggestGoalRewritesInput;
  readonly client: RewriteClientContext;
  readonly weeks: number;
  readonly dueDate: CalendarDate;
  readonly areas: readonly ProblemArea[];
}

interface Candidate {
  readonly text: string;
  readonly explanation: string;
  readonly rule: RewriteRule;
  readonly target: TargetDraft;
  readonly problemArea: ProblemArea | null;
}

/**
 * One to three SMART rewrites of the goal, best first; empty when the client's data gives nothing to build on (no
 * score on a relevant instrument, no counted behaviour, and no problem area in the words or the formulation).
 *
 * @example
 * suggestGoalRewrites({ text: 'fewer panic attacks', today, instruments, plan,
 *   client: { behaviorBaselines: [{ behavior: 'panic attacks', value: 4, per: 'week' }] } })[0]?.text;
 * // 'Reduce panic attacks from 4 to 2 or fewer per week within 16 weeks'
 */
export function suggestGoalRewrites(input: SuggestGoalRewritesInput): GoalRewrite[] {
  const client = input.client ?? {};
  const goalTextInstruments = toGoalTextInstruments(input.instruments);
  const original = analyzeGoalText(input.text, { today: input.today, instruments: goalTextInstruments });
  const { weeks, dueDate } = deadlineOf(original, input);
  const fromText = detectProblemAreas(input.text);
  const areas = fromText.length > 0 ? fromText : [...(client.formulation?.problemAreas ?? [])];
  const frame: Frame = { input, client, weeks, dueDate, areas };

  const candidates =
    instrumentNamedInText(original, frame) ??
    behaviorNamedInText(original, frame) ??
    fromLibraryGoals(frame) ??
    anyScoredInstrument(frame) ??
    [];

  const rewrites: GoalRewrite[] = [];
  for (const candidate of candidates) {
    const formulationElementIds = linksFor(candidate.problemArea, client.formulation ?? null);
    const context: GoalContext = {
      latestScores: client.latestScores ?? {},
      startDate: input.plan.startDate,
      ...(client.formulation ? { formulationElementIds } : {}),
      ...(client.endorsed === undefined ? {} : { endorsed: client.endorsed }),
    };
    const analysis = analyzeGoalText(candidate.text, { today: input.today, instruments: goalTextInstruments, context });
    if (!passes(analysis.smart)) continue;
    rewrites.push({ ...candidate, formulationElementIds, smart: analysis.smart });
    if (rewrites.length === MAX_REWRITES) break;
  }
  return rewrites;
}

/** S, M and T met; A and R not judged false. */
function passes(smart: SmartVerdicts): boolean {
  return (
    smart.specific.met === true &&
    smart.measurable.met === true &&
    smart.timeBound.met === true &&
    smart.achievable.met !== false &&
    smart.relevant.met !== false
  );
}

/** The goal's own deadline when it states one that falls after the start, else the plan's end. */
function deadlineOf(analysis: GoalAnalysis, input: SuggestGoalRewritesInput): { weeks: number; dueDate: CalendarDate } {
  const own = analysis.deadline?.dueDate ?? null;
  if (own !== null && own > input.plan.startDate) {
    const weeks = Math.max(1, Math.round(daysBetween(input.plan.startDate, own) / 7));
    return { weeks, dueDate: addDays(input.plan.startDate, weeks * 7) };
  }
  const weeks = Math.max(1, Math.round(input.plan.durationWeeks));
  return { weeks, dueDate: addDays(input.plan.startDate, weeks * 7) };
}

/** Route 1: the text names an instrument the client has a score on. */
function instrumentNamedInText(analysis: GoalAnalysis, frame: Frame): Candidate[] | null {
  for (const target of analysis.targets) {
    if (target.measure === null || target.subscale !== undefined) continue;
    const instrument = frame.input.instruments.find((candidate) => candidate.id === target.measure);
    const score = target.baseline?.value ?? frame.client.latestScores?.[target.measure];
    if (!instrument || score === undefined) continue;
    const model = modelUsing(instrument.id, frame.areas);
    const candidates = instrumentCandidates(instrument, score, model, frame);
    if (candidates.length > 0) return candidates;
  }
  return null;
}

/** Route 2: the text names a behaviour the client counts (or one the library knows, to be counted from now). */
function behaviorNamedInText(analysis: GoalAnalysis, frame: Frame): Candidate[] | null {
  for (const target of analysis.targets) {
    if (target.kind !== 'behavior' || target.behavior === null) continue;
    const named = target.behavior;
    const baseline = (frame.client.behaviorBaselines ?? []).find((b) => sameBehavior(b.behavior, named));
    const library = findLibraryBehavior(baseline?.behaviorId ?? null, named, frame.areas);
    if (!library) continue;
    const candidate = behaviorCandidate(library, baseline ?? null, frame, baseline?.behavior ?? named);
    if (candidate) return [candidate];
  }
  return null;
}

/** Route 3: the area's library goals, in order, the first the client has data for; else a behaviour to count. */
function fromLibraryGoals(frame: Frame): Candidate[] | null {
  const scores = frame.client.latestScores ?? {};
  for (const area of frame.areas) {
    const model = getProblemModel(area);
    for (const goal of model.goals) {
      if (goal.measure.kind === 'instrument') {
        for (const id of goal.measure.instrumentIds) {
          const instrument = frame.input.instruments.find((candidate) => candidate.id === id);
          const score = scores[id];
          if (!instrument || score === undefined) continue;
          const candidates = instrumentCandidates(instrument, score, model, frame);
          if (candidates.length > 0) return candidates;
        }
      } else if (goal.measure.kind === 'behavior' && goal.targetRule && goal.targetRule.kind !== 'instrument-rules') {
        const measure = goal.measure;
        const baseline = (frame.client.behaviorBaselines ?? []).find(
          (b) => b.behaviorId === measure.behaviorId || sameBehavior(b.behavior, measure.label),
        );
        if (!baseline) continue;
        const library = { model, libraryId: goal.id, measure, rule: goal.targetRule };
        const candidate = behaviorCandidate(library, baseline, frame, baseline.behavior);
        if (candidate) return [candidate];
      }
    }
  }
  // No data on any of the areas' measures: a behaviour to count from now, with a relative target.
  for (const area of frame.areas) {
    const model = getProblemModel(area);
    for (const goal of model.goals) {
      if (goal.measure.kind !== 'behavior' || !goal.targetRule || goal.targetRule.kind === 'instrument-rules') continue;
      const library = { model, libraryId: goal.id, measure: goal.measure, rule: goal.targetRule };
      const candidate = behaviorCandidate(library, null, frame, goal.measure.label);
      if (candidate) return [candidate];
    }
  }
  return null;
}

/** Route 4: no area known; an instrument the client has a score on, in the instrument list's order. */
function anyScoredInstrument(frame: Frame): Candidate[] | null {
  for (const instrument of frame.input.instruments) {
    const score = frame.client.latestScores?.[instrument.id];
    if (score === undefined) continue;
    const candidates = instrumentCandidates(instrument, score, modelUsing(instrument.id, []), frame);
    if (candidates.length > 0) return candidates;
  }
  return null;
}

function instrumentCandidates(
  instrument: AssistantInstrument,
  baseline: number,
  model: ProblemModel | null,
  frame: Frame,
): Candidate[] {
  const goal = model?.goals.find(
    (g) => g.measure.kind === 'instrument' && g.measure.instrumentIds.includes(instrument.id),
  );
  const preferred = goal?.targetRule?.kind === 'instrument-rules' ? goal.targetRule.prefer : [];
  const order = [...preferred, ...INSTRUMENT_TARGET_RULES.filter((rule) => !preferred.includes(rule))];
  const proposals = proposeInstrumentTargets(instrument, baseline, { prefer: order });
  const chosen: InstrumentTargetProposal[] = [];
  let remaining = [...proposals];
  while (chosen.length < MAX_REWRITES) {
    const next = chooseInstrumentTarget(remaining, instrument, frame.weeks);
    if (!next || (next.reliable === false && chosen.length > 0)) break;
    chosen.push(next);
    remaining = remaining.filter((proposal) => proposal.value !== next.value);
  }
  const template =
    goal?.statement ?? 'Reduce the {instrument} score from {baseline} to {target} or below within {weeks} weeks';
  const band = instrument.bands?.find((b) => baseline >= b.min && baseline <= b.max)?.label;
  return chosen.map((proposal) => ({
    text: fillTemplate(template, {
      instrument: instrument.shortName,
      baseline,
      target: proposal.value,
      weeks: frame.weeks,
    }).text,
    explanation: [
      `Baseline: the client's latest ${instrument.shortName} score, ${baseline}${band ? ` (${band})` : ''}.`,
      `Target: ${proposal.value} or below. ${proposal.explanation}`,
      dueWords(frame),
    ].join(' '),
    rule: { kind: 'instrument', rule: proposal.rule, source: proposal.source },
    target: {
      measure: { kind: 'instrument', instrumentId: instrument.id },
      direction: 'decrease',
      baseline,
      goal: { kind: 'absolute', value: proposal.value, comparator: proposal.comparator },
      per: null,
      startDate: frame.input.plan.startDate,
      dueDate: frame.dueDate,
    },
    problemArea: model?.problemArea ?? null,
  }));
}

interface LibraryBehavior {
  readonly model: ProblemModel;
  readonly libraryId: string;
  readonly measure: Extract<LibraryMeasure, { kind: 'behavior' }>;
  readonly rule: Exclude<LibraryTargetRule, { kind: 'instrument-rules' }>;
}

function behaviorCandidate(
  library: LibraryBehavior,
  baseline: BehaviorBaseline | null,
  frame: Frame,
  label: string,
): Candidate | null {
  const { measure, rule } = library;
  const per = baseline?.per ?? measure.per;
  const fewer = measure.direction === 'decrease' ? 'or fewer' : 'or more';
  const source = `docs/goal-library.md: goal-library starting proposal (${library.libraryId})`;
  const ruleOut: RewriteRule = {
    kind: 'behavior-default',
    libraryId: library.libraryId,
    rationale: rule.rationale,
    source,
  };
  const base = { startDate: frame.input.plan.startDate, dueDate: frame.dueDate, per };
  const measureOut = { kind: 'behavior', behaviorId: baseline?.behaviorId ?? measure.behaviorId } as const;

  if (baseline === null) {
    if (rule.kind !== 'change-percent') return null;
    const verb = measure.direction === 'decrease' ? 'Reduce' : 'Increase';
    return {
      text: `${verb} ${label} by ${Math.abs(rule.changePercent)}% within ${frame.weeks} weeks`,
      explanation: [
        `There is no score or count to use as a baseline yet: record ${label} (per ${per}) for the first one to two weeks; that count is the baseline.`,
        `Target: a ${Math.abs(rule.changePercent)}% ${measure.direction === 'decrease' ? 'reduction' : 'increase'} from it. ${rule.rationale}`,
        dueWords(frame),
      ].join(' '),
      rule: ruleOut,
      target: {
        ...base,
        measure: measureOut,
        direction: measure.direction,
        baseline: null,
        goal: { kind: 'change-percent', changePercent: rule.changePercent },
      },
      problemArea: library.model.problemArea,
    };
  }
  const value = behaviorTargetValue(rule, baseline.value, measure);
  if (value === null) return null;
  const verb = measure.direction === 'decrease' ? 'Reduce' : 'Increase';
  return {
    text: `${verb} ${label} from ${baseline.value} to ${value} ${fewer} per ${per} within ${frame.weeks} weeks`,
    explanation: [
      `Baseline: ${baseline.value} ${label} per ${per}, as the client recorded.`,
      `Target: ${value} ${fewer} per ${per}. ${rule.rationale}`,
      dueWords(frame),
    ].join(' '),
    rule: ruleOut,
    target: {
      ...base,
      measure: measureOut,
      direction: measure.direction,
      baseline: baseline.value,
      goal: { kind: 'absolute', value, comparator: measure.direction === 'decrease' ? '<=' : '>=' },
    },
    problemArea: library.model.problemArea,
  };
}

function dueWords(frame: Frame): string {
  return frame.weeks === Math.round(frame.input.plan.durationWeeks)
    ? `Due: ${frame.dueDate}, the end of the ${frame.weeks}-week plan.`
    : `Due: ${frame.dueDate}, ${frame.weeks} weeks from the start, as the goal says.`;
}

/** The library model of the first area whose goals use this instrument; else any model that does. */
function modelUsing(instrumentId: string, areas: readonly ProblemArea[]): ProblemModel | null {
  const uses = (model: ProblemModel) =>
    model.goals.some((goal) => goal.measure.kind === 'instrument' && goal.measure.instrumentIds[0] === instrumentId);
  const inAreas = areas.map(getProblemModel).find(uses);
  return inAreas ?? listProblemModels().find(uses) ?? null;
}

/** A library behaviour measure by id, else by label, preferring the given areas' models. */
function findLibraryBehavior(
  behaviorId: string | null,
  named: string,
  areas: readonly ProblemArea[],
): LibraryBehavior | null {
  const models = [...areas.map(getProblemModel), ...listProblemModels().filter((m) => !areas.includes(m.problemArea))];
  for (const model of models) {
    const items = [...model.goals, ...model.maintainingFactors.flatMap((factor) => factor.objectives)];
    for (const item of items) {
      const measure = item.measure;
      const rule = item.targetRule;
      if (measure.kind !== 'behavior' || !rule || rule.kind === 'instrument-rules') continue;
      if (measure.behaviorId === behaviorId || sameBehavior(measure.label, named)) {
        return { model, libraryId: item.id, measure, rule };
      }
    }
  }
  return null;
}

/**
 * Same behaviour in different words: after lower-casing and dropping plural "s", the words are equal, or the shorter
 * (of at least two words) runs inside the longer ("nights of poor sleep" in "nights of poor sleep on the sleep diary").
 */
function sameBehavior(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .map((word) => word.replace(/s$/, ''));
  const [short, long] = [words(a), words(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  if (short.join(' ') === long.join(' ')) return true;
  return short.length >= 2 && ` ${long.join(' ')} `.includes(` ${short.join(' ')} `);
}

/** The formulation elements picked from the area's library pick-list. */
function linksFor(area: ProblemArea | null, formulation: Formulation | null): string[] {
  if (!formulation || area === null) return [];
  return formulation.elements
    .filter((element) => element.libraryKey?.startsWith(`${area}.`))
    .map((element) => element.id);
}
