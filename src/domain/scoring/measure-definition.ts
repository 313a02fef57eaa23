/**
 * The shape of an outcome-measure instrument definition (DESIGN 2.3). Instruments are data: one JSON file per
 * instrument in `src/measures/`, validated by `measureDefinitionSchema` (src/measures/measure-schema.ts) and loaded
 * by `listMeasures()` / `getMeasure(id)` (src/measures/registry.ts). The scoring engine in this folder reads
 * nothing but this type.
 *
 * Every clinical number (band, cut-off, threshold, rule) cites its source in `reference/measures.md` through the
 * `citations` map (keyed by field name) or a `source` field on the rule itself.
 *
 * @example
 * import { getMeasure } from '../../measures/registry.js';
 * const phq9: MeasureDefinition | undefined = getMeasure('PHQ-9');
 * phq9?.range; // { min: 0, max: 27 }
 * phq9?.bands?.map((band) => band.label); // ['minimal', 'mild', 'moderate', 'moderately severe', 'severe']
 */

/**
 * How much of an instrument the data file reproduces.
 *
 * @example
 * getMeasure('wsas')!.content === MeasureContent.scoreOnly; // true: licence unclear, no item text
 */
export const MeasureContent = {
  /** Item text and option labels are included (public domain or reproduction explicitly allowed). */
  full: 'full',
  /** Item numbers and response values only; no item text (licence unclear or no verified source text). */
  scoreOnly: 'score-only',
} as const;
export type MeasureContent = (typeof MeasureContent)[keyof typeof MeasureContent];

/**
 * Licence status of an instrument, as summarised in reference/measures.md.
 *
 * @example
 * getMeasure('k10')!.licence.status; // 'unrestricted-with-notice'
 */
export const LicenceStatus = {
  publicDomain: 'public-domain',
  usGovernmentWork: 'us-government-work',
  /** Free use provided a notice is shown (K10). */
  unrestrictedWithNotice: 'unrestricted-with-notice',
  /** Free use under conditions that may conflict with an open-source licence (DASS-21, AUDIT). */
  conditional: 'conditional',
  /** Copyrighted; permission to reproduce is not clear (WSAS). */
  unclear: 'unclear',
} as const;
export type LicenceStatus = (typeof LicenceStatus)[keyof typeof LicenceStatus];

/**
 * What the licence allows, in data.
 *
 * @example
 * const licence: MeasureLicence = { status: 'unrestricted-with-notice', summary: 'unrestricted use with the © WHO 2003 notice',
 *   note: '…', requiredNotice: '© World Health Organization 2003. …' };
 */
export interface MeasureLicence {
  readonly status: LicenceStatus;
  /** One line for lists and documents ("public domain", "score-only: item text not reproduced (licence unclear)"). */
  readonly summary: string;
  /** What the licence allows and why this file includes what it includes. */
  readonly note: string;
  /** A notice that must accompany the instrument wherever it is shown (K10), else null. */
  readonly requiredNotice: string | null;
}

/**
 * Which way is better. Every instrument shipped today is `lower-is-better`.
 *
 * @example
 * getMeasure('phq9')!.direction === ScoreDirection.lowerIsBetter; // true
 */
export const ScoreDirection = { lowerIsBetter: 'lower-is-better', higherIsBetter: 'higher-is-better' } as const;
export type ScoreDirection = (typeof ScoreDirection)[keyof typeof ScoreDirection];

/**
 * An inclusive integer range.
 *
 * @example
 * const k10Range: ScoreRange = { min: 10, max: 50 };
 */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

/**
 * A severity band: inclusive integer bounds and the instrument's own label.
 *
 * @example
 * const band: Band = { min: 15, max: 19, label: 'moderately severe' };
 */
export interface Band {
  readonly min: number;
  readonly max: number;
  readonly label: string;
}

/**
 * One allowed answer of an item.
 *
 * @example
 * const option: ResponseOption = { value: 1, label: 'Several days', loinc: 'LA6569-3' };
 */
export interface ResponseOption {
  /** The score of this option. */
  readonly value: number;
  /** The option's wording, or null when the file is score-only. */
  readonly label: string | null;
  /** LOINC answer code (LA…) where reference/measures.md gives one. */
  readonly loinc: string | null;
}

/**
 * A scored item.
 *
 * @example
 * const item: MeasureItem = { number: 1, text: null, label: 'work', loinc: null,
 *   options: [{ value: 0, label: null, loinc: null }, { value: 8, label: null, loinc: null }], omittedWhen: null };
 */
export interface MeasureItem {
  /** 1-based item number; items are numbered 1…n in order. */
  readonly number: number;
  /** The item's wording, or null when the file is score-only. */
  readonly text: string | null;
  /** A short content label that is not the item's wording ("work", "stomach pain"), or null. */
  readonly label: string | null;
  /** LOINC question code where reference/measures.md gives one. */
  readonly loinc: string | null;
  /** The allowed answers, ascending by value. */
  readonly options: readonly ResponseOption[];
  /**
   * When the item may be left out by design (PHQ-15 item 4 for men), the condition in words; a missing answer then
   * scores 0 and is not a missing item. Null for ordinary items.
   */
  readonly omittedWhen: string | null;
}

/**
 * An item printed on the form but not part of any score (PHQ-9 item 10). Not part of the answers array.
 *
 * @example
 * getMeasure('phq9')!.unscoredItems[0]?.loinc; // '69722-7'
 */
export interface UnscoredItem {
  readonly number: number;
  readonly text: string | null;
  readonly loinc: string | null;
  readonly options: readonly ResponseOption[];
}

/**
 * A subscale: its items, multiplier, range and bands.
 *
 * @example
 * const intrusion: SubscaleDefinition = { id: 'B', name: 'Intrusion (cluster B)', items: [1, 2, 3, 4, 5], multiplier: 1,
 *   range: { min: 0, max: 20 }, bands: null };
 */
export interface SubscaleDefinition {
  /** Key in the result's `subscales` record ("B", "depression"). */
  readonly id: string;
  readonly name: string;
  readonly items: readonly number[];
  /** Applied to the item sum (DASS-21: 2). */
  readonly multiplier: number;
  readonly range: ScoreRange;
  /** Bands for this subscale in the instrument's own labels, or null when none are sourced. */
  readonly bands: readonly Band[] | null;
}

/**
 * Skip logic: when every `whenItems` answer is present and their sum is at most `whenSumAtMost`, a missing answer to
 * any of `skippedItems` scores `skippedScore` and is not a missing item (AUDIT: item 1 = 0 skips to items 9–10).
 *
 * @example
 * const rule: SkipRule = { whenItems: [1], whenSumAtMost: 0, skippedItems: [2, 3, 4, 5, 6, 7, 8], skippedScore: 0, source: '…' };
 */
export interface SkipRule {
  readonly whenItems: readonly number[];
  readonly whenSumAtMost: number;
  readonly skippedItems: readonly number[];
  readonly skippedScore: number;
  readonly source: string;
}

/**
 * How the scores are made from the item answers.
 *
 * @example
 * const phq9Scoring: MeasureScoring = { total: { kind: 'sum', items: [1, 2, 3, 4, 5, 6, 7, 8, 9], multiplier: 1 },
 *   subscales: [], reverseItems: [], skipRules: [] };
 */
export interface MeasureScoring {
  /** How the total is made, or null when the instrument is reported only by subscales (DASS-21). */
  readonly total: { readonly kind: 'sum'; readonly items: readonly number[]; readonly multiplier: number } | null;
  readonly subscales: readonly SubscaleDefinition[];
  /** Reverse-scored items: score = (lowest + highest option value) − answer. */
  readonly reverseItems: readonly number[];
  readonly skipRules: readonly SkipRule[];
}

/**
 * What to do with missing answers.
 * - `none`: no sourced rule, so any missing item makes the response unscorable (PCL-5, DASS-21, …).
 * - `prorate`: up to `maxMissing` missing items are replaced by the mean of the answered items; the total is then
 *   rounded half up and `prorated` is true (NHS Data Dictionary rule for PHQ-9 and GAD-7).
 *
 * @example
 * const nhs: MissingItemRule = { kind: 'prorate', maxMissing: 2, rounding: 'half-up', source: 'reference/measures.md §1 [S6]' };
 */
export type MissingItemRule =
  | { readonly kind: 'none'; readonly source: string }
  | { readonly kind: 'prorate'; readonly maxMissing: number; readonly rounding: 'half-up'; readonly source: string };

/**
 * An item whose answer needs attention at once, whatever the total (PHQ-9 item 9 > 0).
 *
 * @example
 * getMeasure('phq9')!.criticalItems; // [{ item: 9, minValue: 1, action: '…', source: '…' }]
 */
export interface CriticalItem {
  readonly item: number;
  /** The lowest answer that raises the `critical-item` flag. */
  readonly minValue: number;
  /** What the clinician should do, in words. */
  readonly action: string;
  readonly source: string;
}

/**
 * A remission rule: the later score is below `below`; it applies only when the first score is above `baselineAbove`.
 *
 * @example
 * const cms159: RemissionRule = { below: 5, baselineAbove: 9, source: 'reference/measures.md §1 [S9]' };
 */
export interface RemissionRule {
  readonly below: number;
  readonly baselineAbove: number | null;
  readonly source: string;
}

/**
 * A response rule: a reduction of at least `minReductionPercent` %; only when the first score is above `baselineAbove`.
 *
 * @example
 * const nqf1884: ResponseRule = { minReductionPercent: 50, baselineAbove: 9, source: 'reference/measures.md §1 [S10]' };
 */
export interface ResponseRule {
  readonly minReductionPercent: number;
  readonly baselineAbove: number | null;
  readonly source: string;
}

/**
 * Recovery rules that use `casenessCutoff` and `reliableChangeThreshold` (PHQ-9 and GAD-7 only).
 *
 * @example
 * const recovery: RecoveryRule = { kind: 'nhs-talking-therapies', source: 'reference/measures.md Methods B' };
 */
export interface RecoveryRule {
  readonly kind: 'nhs-talking-therapies';
  readonly source: string;
}

/**
 * A population mean and standard deviation.
 *
 * @example
 * const women: PopulationNorm = { population: 'women', mean: 3.1, sd: 3.5 }; // PHQ-9, Kocalevent 2013 [S80]
 */
export interface PopulationNorm {
  readonly population: string;
  readonly mean: number;
  readonly sd: number;
}

/**
 * Parameters for Jacobson–Truax clinically significant change (measures.md Methods A). Where a cut-off is published
 * directly it is used as is; otherwise it is computed from the norms (criterion c with clinical and functional norms,
 * criterion b with functional norms only).
 *
 * @example
 * const pcl5: JacobsonTruaxNorms = { reliability: null, clinical: null, functional: [], publishedCutoff: 28, source: '… [S29]' };
 */
export interface JacobsonTruaxNorms {
  /** Reliability (Cronbach's α or test–retest) for the RCI, or null. */
  readonly reliability: number | null;
  /** Clinical-sample mean and SD, or null when not sourced. */
  readonly clinical: { readonly mean: number; readonly sd: number } | null;
  /** General-population (functional) norms, one per population (e.g. women, men). */
  readonly functional: readonly PopulationNorm[];
  /** A published cut-off: a later score at or below it is in the functional range (PCL-5: 28). */
  readonly publishedCutoff: number | null;
  readonly source: string;
}

/**
 * A named cut-off that is not the caseness cut-off, e.g. a sex-specific screening threshold (AUDIT-C).
 *
 * @example
 * const men: ScreeningCutoff = { label: 'positive screen, men', atLeast: 4, source: 'reference/measures.md §6 [S46][S49]' };
 */
export interface ScreeningCutoff {
  readonly label: string;
  /** A score at or above this is positive. */
  readonly atLeast: number;
  readonly source: string;
}

/**
 * The expected outcome of a worked example.
 *
 * @example
 * const expected: ExpectedScore = { total: 18, severity: 'moderately severe', prorated: false, subscales: {},
 *   flags: [{ code: 'critical-item', item: 9 }] };
 */
export interface ExpectedScore {
  readonly total: number | null;
  readonly severity: string | null;
  readonly prorated: boolean;
  readonly subscales: Readonly<Record<string, number>>;
  /** Expected band label per subscale; checked only when given (instruments with subscale bands). */
  readonly subscaleSeverity?: Readonly<Record<string, string | null>>;
  readonly flags: readonly { readonly code: string; readonly item: number }[];
}

/**
 * A worked example: answers and either the expected score or the issue codes expected for a bad response.
 *
 * @example
 * const tooMany: WorkedExample = { description: 'three missing', answers: [1, 1, 1, 1, 1, 1, null, null, null],
 *   expected: { invalid: ['too-many-missing-items'] } };
 */
export interface WorkedExample {
  readonly description: string;
  /** One entry per scored item; null is a missing answer. */
  readonly answers: readonly (number | null)[];
  readonly expected: ExpectedScore | { readonly invalid: readonly string[] };
}

/**
 * A worked change example, executed against `classifyChange`.
 *
 * @example
 * const design: WorkedChangeExample = { description: 'DESIGN 3.2', from: 18, to: 8, expected: { reliableChange: 'improvement',
 *   response: true, remission: false, recovery: true, reliableRecovery: true } };
 */
export interface WorkedChangeExample {
  readonly description: string;
  readonly from: number;
  readonly to: number;
  readonly expected: {
    readonly reliableChange: 'improvement' | 'deterioration' | 'none' | null;
    readonly response: boolean | null;
    readonly remission: boolean | null;
    readonly recovery: boolean | null;
    readonly reliableRecovery: boolean | null;
  };
}

/**
 * One instrument, as loaded from its data file (see the file comment above).
 *
 * @example
 * const gad7: MeasureDefinition = getMeasure('gad7')!;
 * gad7.casenessCutoff; // 8
 */
export interface MeasureDefinition {
  /** Lowercase letters and digits of the short name: `phq9`, `gad7`, `pcl5` … (DESIGN 3.2). */
  readonly id: string;
  /** Version of this definition; a stored score records it so a correction never rescores history silently. */
  readonly version: string;
  /** "PHQ-9". */
  readonly shortName: string;
  /** "Patient Health Questionnaire-9". */
  readonly name: string;
  /** Spellings clinicians write ("PHQ-9", "PHQ9", "PHQ 9", …); `getMeasure` matches them case-insensitively. */
  readonly aliases: readonly string[];
  readonly content: MeasureContent;
  readonly licence: MeasureLicence;
  /** Copyright line to show with the instrument. */
  readonly copyright: string;
  /** Where the facts come from: section and source ids of reference/measures.md. */
  readonly source: string;
  /** Publication(s) to cite when the instrument is used. */
  readonly citation: string;
  /** "last 2 weeks", or null when not stated by a source. */
  readonly recallPeriod: string | null;
  /** Instruction/stem shown above the items, or null (score-only files). */
  readonly instructions: string | null;
  readonly direction: ScoreDirection;
  /** The scored items, in order. The answers array has exactly one entry per item. */
  readonly items: readonly MeasureItem[];
  readonly unscoredItems: readonly UnscoredItem[];
  /**
   * Range of the total. For an instrument without a total (DASS-21, `scoring.total` null) this is the range shared
   * by every subscale.
   */
  readonly range: ScoreRange;
  readonly scoring: MeasureScoring;
  readonly missingItemRule: MissingItemRule;
  /** Severity bands of the total in the instrument's own labels; null when none are sourced (PCL-5). */
  readonly bands: readonly Band[] | null;
  /** A total at or above this is a "case" (NHS Talking Therapies caseness; screening cut-off elsewhere); else null. */
  readonly casenessCutoff: number | null;
  /** Other sourced cut-offs (sex-specific screening thresholds, …). */
  readonly screeningCutoffs: readonly ScreeningCutoff[];
  /** A change of at least this many points (either way) is reliable; null when not sourced. */
  readonly reliableChangeThreshold: number | null;
  /** Minimal clinically important difference in points, or null. */
  readonly mcid: number | null;
  readonly remission: RemissionRule | null;
  readonly response: ResponseRule | null;
  readonly recovery: RecoveryRule | null;
  readonly norms: JacobsonTruaxNorms | null;
  readonly criticalItems: readonly CriticalItem[];
  /** Typical change per week in points, only when sourced; null otherwise (no instrument has one today). */
  readonly typicalChangePerWeek: number | null;
  /** LOINC code of the total score, or null. */
  readonly loinc: string | null;
  /** LOINC code of the panel, or null. */
  readonly loincPanel: string | null;
  /** Source of each clinical field, keyed by field name (`bands`, `casenessCutoff`, `reliableChangeThreshold`, …). */
  readonly citations: Readonly<Record<string, string>>;
  readonly examples: readonly WorkedExample[];
  readonly changeExamples: readonly WorkedChangeExample[];
}
