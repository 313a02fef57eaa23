/**
 * The types of the SMART goal-text analysis (DESIGN 2.5 and 3.2): what `analyzeGoalText` takes and returns.
 *
 * The field names follow the `cairn goals check` JSON contract exactly; the `kind` discriminants, `unit`,
 * `subscale`, `dueDate` and `spans` are the extra fields the contract allows.
 *
 * @example
 * const analysis: GoalAnalysis = analyzeGoalText('Lower GAD-7 from 15 to ≤7 within 12 weeks.', {
 *   today: '2026-09-01', instruments,
 * });
 * analysis.targets[0]?.target; // { kind: 'absolute', value: 7, comparator: '<=', per: null }
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Issue, Span } from '../shared/issue.js';
import type { Comparator, Direction, Period } from '../treatment-plans/target.js';
import type { GoalTextFindingCode } from './goal-text-finding-code.js';

export type { Comparator, Direction, Period, Span };

/**
 * An instrument as the goal-text analysis needs it. Built from the measures registry by the caller (the domain must
 * not import `src/measures`); see `toGoalTextInstrument` in the CLI command for the mapping.
 *
 * @example
 * const phq9: GoalTextInstrument = { id: 'phq9', shortName: 'PHQ-9', names: ['Patient Health Questionnaire'],
 *   range: { min: 0, max: 27 }, bands: [{ min: 5, max: 9, label: 'mild' }], reliableChangeThreshold: 6,
 *   typicalChangePerWeek: null };
 */
export interface GoalTextInstrument {
  /** Lowercase id, e.g. `phq9`. */
  readonly id: string;
  /** The usual short name, e.g. `PHQ-9`. Spelling variants (PHQ9, PHQ 9, phq-9) are matched automatically. */
  readonly shortName: string;
  /** The full name and other usual spellings ("Patient Health Questionnaire", "PCL"). */
  readonly names: readonly string[];
  /** The total score's range. */
  readonly range: { readonly min: number; readonly max: number };
  /** Severity bands of the total, or null when the instrument has none (PCL-5). Labels in lower case. */
  readonly bands: readonly { readonly min: number; readonly max: number; readonly label: string }[] | null;
  /** Points of change that count as reliable change, or null when not sourced. */
  readonly reliableChangeThreshold: number | null;
  /** Usual change in points per week during treatment, or null when not sourced. */
  readonly typicalChangePerWeek: number | null;
  /** The score at or above which a person counts as a case ("below caseness" targets it with `<`); optional. */
  readonly casenessCutoff?: number | null;
  /** The instrument's remission rule ("remission" targets it), e.g. PHQ-9 `{ value: 5, comparator: '<' }`; optional. */
  readonly remission?: { readonly value: number; readonly comparator: Comparator } | null;
  /** Reduction in percent that counts as a response ("treatment response" targets it), e.g. PHQ-9 50; optional. */
  readonly responsePercent?: number | null;
  /** Which way is better; every instrument shipped today is `lower-is-better` (the default). */
  readonly direction?: 'lower-is-better' | 'higher-is-better';
  /** Named subscales ("depression" of DASS-21, cluster "B" of PCL-5), if any, with their own range and bands. */
  readonly subscales?: readonly GoalTextSubscale[];
}

/** A subscale as the goal-text analysis needs it. */
export interface GoalTextSubscale {
  readonly id: string;
  /** Names of the subscale as written after or before the instrument ("depression", "cluster B", "intrusion"). */
  readonly names: readonly string[];
  readonly range?: { readonly min: number; readonly max: number };
  readonly bands?: readonly { readonly min: number; readonly max: number; readonly label: string }[] | null;
}

/**
 * What is known about the client and the plan. When given, Achievable and Relevant are judged; when absent they are
 * null ("needs the client's data"). Every field is optional: a criterion whose inputs are missing stays null.
 *
 * @example
 * const context: GoalContext = { latestScores: { phq9: 18 }, startDate: '2026-09-01',
 *   formulationElementIds: ['fe1'], endorsed: true };
 */
export interface GoalContext {
  /** The client's latest total per instrument id; the baseline when the text states none. */
  readonly latestScores?: Readonly<Record<string, number>>;
  /** When the goal starts (plan or goal start date); "within 12 weeks" counts from here. Defaults to `today`. */
  readonly startDate?: CalendarDate;
  /** Ids of the formulation elements this goal is linked to (an empty list means: linked to none). */
  readonly formulationElementIds?: readonly string[];
  /** Whether the client has endorsed the goal (undefined: not known). */
  readonly endorsed?: boolean;
  /** Sessions per week, to turn "by session 12" into a date (undefined: session deadlines have no date). */
  readonly sessionsPerWeek?: number;
}

/** A verdict on one SMART criterion: met (true/false) or not judged (null), why, and the words it rests on. */
export interface CriterionVerdict {
  readonly met: boolean | null;
  readonly reason: string;
  /** Half-open character ranges of the input text that the verdict rests on. */
  readonly spans?: readonly Span[];
}

/** The five SMART verdicts. */
export interface SmartVerdicts {
  readonly specific: CriterionVerdict;
  readonly measurable: CriterionVerdict;
  readonly achievable: CriterionVerdict;
  readonly relevant: CriterionVerdict;
  readonly timeBound: CriterionVerdict;
}

/** A value as stated: a score, or a count per period (`per` null for scores and one-off counts). */
export interface GoalTextValue {
  readonly value: number;
  readonly per: Period | null;
}

/** The unit of a value that is a duration or an amount of time ("≤1 hour", "30 minutes"). */
export const ValueUnit = { minute: 'minute', hour: 'hour', day: 'day', percent: 'percent' } as const;
export type ValueUnit = (typeof ValueUnit)[keyof typeof ValueUnit];

/**
 * What the target asks for:
 * - `absolute`: a value with a comparator ("≤9", "at least 5 per week", "zero");
 * - `change`: a change in points, negative for a reduction ("by at least 10 points" → -10);
 * - `change-percent`: a change in percent of baseline ("a 50% reduction" → -50);
 * - `reliable-improvement`: a reliable improvement on the instrument; `change` is minus its reliable-change
 *   threshold, or null when the instrument has none.
 */
export type GoalTextGoal =
  | { readonly kind: 'absolute'; readonly value: number; readonly comparator: Comparator; readonly per: Period | null }
  | { readonly kind: 'change'; readonly change: number }
  | { readonly kind: 'change-percent'; readonly changePercent: number }
  | { readonly kind: 'reliable-improvement'; readonly change: number | null };

/**
 * One target found in the text, in text order:
 * - `instrument`: a validated scale is named (`measure` is its id);
 * - `behavior`: something counted or timed (`behavior` says what, e.g. "panic attacks");
 * - `task`: a defined task or event that is done or not ("complete an exposure hierarchy", "resume driving").
 * `target` is null when the text names what changes but not how much ("reduce panic attacks by week 8").
 */
export interface GoalTextTarget {
  readonly kind: 'instrument' | 'behavior' | 'task';
  /** Instrument id when a validated scale is named, else null. */
  readonly measure: string | null;
  /** What is counted or done when it is not a scale, else null. */
  readonly behavior: string | null;
  readonly direction: Direction | null;
  readonly baseline: GoalTextValue | null;
  readonly target: GoalTextGoal | null;
  /** Unit of baseline and target values when they are times or durations. */
  readonly unit?: ValueUnit;
  /** The name of a scale that is not in the instrument list ("BDI-II"), when one is named. */
  readonly scaleName?: string;
  /** Subscale id when one is named ("DASS-21 depression" → `depression`). */
  readonly subscale?: string;
  /** The words of this target in the text. */
  readonly spans?: readonly Span[];
}

/** Units of a relative deadline. Years are given in months. */
export const DeadlineUnit = { day: 'day', week: 'week', month: 'month', session: 'session' } as const;
export type DeadlineUnit = (typeof DeadlineUnit)[keyof typeof DeadlineUnit];

/**
 * The deadline: an amount of time from the goal's start ("within 16 weeks", "by week 8", "by session 12"), or a
 * calendar date ("by 31 March 2027"). `dueDate` is the resolved date (from `context.startDate`, else `today`), null
 * when it cannot be resolved (sessions without a session rate).
 */
export type GoalTextDeadline =
  | {
      readonly kind: 'relative';
      readonly amount: number;
      readonly unit: DeadlineUnit;
      readonly dueDate: CalendarDate | null;
      readonly spans?: readonly Span[];
    }
  | {
      readonly kind: 'date';
      readonly date: CalendarDate;
      readonly dueDate: CalendarDate;
      readonly spans?: readonly Span[];
    };

/** A finding about the goal text: an `Issue` with a concrete suggestion. Codes are in `GoalTextFindingCode`. */
export interface GoalTextFinding extends Issue {
  readonly code: GoalTextFindingCode;
  readonly suggestion: string;
}

/** The result of analysing one goal or objective statement (the `cairn goals check` object without `id`). */
export interface GoalAnalysis {
  readonly smart: SmartVerdicts;
  readonly targets: readonly GoalTextTarget[];
  readonly deadline: GoalTextDeadline | null;
  readonly findings: readonly GoalTextFinding[];
}

/** Options of `analyzeGoalText`. */
export interface AnalyzeGoalTextOptions {
  /** Today's date (YYYY-MM-DD); dates without a year resolve forward from it. */
  readonly today: CalendarDate;
  /** The instruments whose names are recognised. */
  readonly instruments: readonly GoalTextInstrument[];
  /** The client's data; when given, Achievable and Relevant are judged. */
  readonly context?: GoalContext;
}
