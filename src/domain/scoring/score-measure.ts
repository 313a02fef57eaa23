import { AppError } from '../shared/app-error.js';
import { type Issue, issue } from '../shared/issue.js';
import { findBand } from './interpret-score.js';
import { MeasureCode } from './measure-code.js';
import type { MeasureDefinition, MeasureItem } from './measure-definition.js';

/**
 * A flag on a scored response (DESIGN 3.2).
 *
 * @example
 * const flag: ScoreFlag = { code: 'critical-item', item: 9 };
 */
export interface ScoreFlag {
  readonly code: typeof MeasureCode.criticalItem | typeof MeasureCode.criticalItemMissing;
  readonly item: number;
}

/**
 * A scored response. The first seven fields are the `cairn measures score --json` contract (DESIGN 3.2);
 * `subscaleSeverity` and `missingItems` are extra detail.
 *
 * @example
 * const score: MeasureScore = { instrument: 'gad7', version: '1.0.0', total: 11, severity: 'moderate', prorated: true,
 *   subscales: {}, subscaleSeverity: {}, flags: [], missingItems: [7] };
 */
export interface MeasureScore {
  readonly instrument: string;
  /** The definition version used; store it with the score. */
  readonly version: string;
  /** The total, or null for an instrument reported only by subscales (DASS-21). */
  readonly total: number | null;
  /** The total's band label in the instrument's own words, or null when it has no bands (PCL-5). */
  readonly severity: string | null;
  /** True when missing items were replaced by the mean of the answered items. */
  readonly prorated: boolean;
  /** Subscale scores by subscale id (PCL-5 clusters `B`…`E`; DASS-21 `depression`…); `{}` when none. */
  readonly subscales: Readonly<Record<string, number>>;
  /** Band label per subscale that has bands (DASS-21); `{}` otherwise. */
  readonly subscaleSeverity: Readonly<Record<string, string | null>>;
  readonly flags: readonly ScoreFlag[];
  /** Items that were missing and replaced by the mean (empty unless prorated). */
  readonly missingItems: readonly number[];
}

/**
 * The outcome of scoring: a score, or the issues that make the answers unscorable.
 *
 * @example
 * const outcome: ScoreMeasureOutcome = scoreMeasure(getMeasure('phq2')!, [1, null]);
 * if (outcome.kind === 'invalid') outcome.issues[0]?.code; // 'item-missing'
 */
export type ScoreMeasureOutcome =
  | { readonly kind: 'scored'; readonly result: MeasureScore }
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] };

/** A whole number, or a ratio to be rounded half up at the end. */
interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Scores one administration of an instrument. Pure: the answers are one entry per scored item in item order, `null`
 * for a missing answer. Never throws for bad answers; returns `{ kind: 'invalid', issues }` instead, with one issue per
 * problem (codes in `MeasureCode`; `path` is `['answers', index]`; `data.item` and `data.allowed` name the item and its
 * allowed values).
 *
 * Rules, all read from the definition (sources in reference/measures.md):
 * - Total and subscales are sums of item scores (reverse items reversed) times their multiplier.
 * - Missing items: with a `prorate` rule, up to `maxMissing` missing items are replaced by the mean of the answered
 *   items and each score is rounded half up at the end (`prorated: true`); more → `too-many-missing-items`. With no
 *   rule, each missing item is `item-missing`. Items left out by design (`omittedWhen`) or by skip logic score as the
 *   definition says and do not count as missing.
 * - Critical items: an answer at or above `minValue` adds `{ code: 'critical-item', item }`; a critical item that is
 *   missing adds `{ code: 'critical-item-missing', item }`. The critical item is never imputed.
 *
 * @example
 * const outcome = scoreMeasure(getMeasure('phq9')!, [3, 3, 2, 2, 2, 2, 2, 1, 1]);
 * // { kind: 'scored', result: { instrument: 'phq9', version: '1.0.0', total: 18, severity: 'moderately severe',
 * //   prorated: false, subscales: {}, subscaleSeverity: {}, flags: [{ code: 'critical-item', item: 9 }], missingItems: [] } }
 * scoreMeasure(getMeasure('pcl5')!, [...Array(19).fill(1), null]).kind; // 'invalid' (item-missing)
 */
export function scoreMeasure(definition: MeasureDefinition, answers: readonly (number | null)[]): ScoreMeasureOutcome {
  const { items } = definition;
  if (answers.length !== items.length) {
    return invalid([
      issue(
        MeasureCode.answerCountMismatch,
        'error',
        `${definition.shortName} has ${items.length} scored items; got ${answers.length} answers.`,
        { path: ['answers'], data: { expected: items.length, actual: answers.length } },
      ),
    ]);
  }

  const valueIssues = items.flatMap((item, index) => checkAnswer(item, answers[index] ?? null, index));
  if (valueIssues.length > 0) return invalid(valueIssues);

  // Item scores for answered items; fixed scores for items left out by design or skipped; the rest are missing.
  const scores = new Map<number, number>();
  const missing: number[] = [];
  items.forEach((item, index) => {
    const answer = answers[index] ?? null;
    if (answer !== null) {
      scores.set(item.number, scoreItem(definition, item, answer));
      return;
    }
    const fixed = fixedScoreForUnanswered(definition, item, answers);
    if (fixed === null) missing.push(item.number);
    else scores.set(item.number, fixed);
  });

  const answeredScores = items.filter((_, index) => answers[index] != null).map((item) => scores.get(item.number) ?? 0);
  const missingIssues = checkMissing(definition, missing, answeredScores.length);
  if (missingIssues.length > 0) return invalid(missingIssues);

  // Mean of the answered items as an exact ratio (only used when something is missing).
  const mean: Ratio = { numerator: sum(answeredScores), denominator: Math.max(answeredScores.length, 1) };
  const scoreOf = (itemNumbers: readonly number[], multiplier: number): number =>
    roundHalfUp(sumWithMean(itemNumbers, scores, mean), multiplier);

  const totalRule = definition.scoring.total;
  const total = totalRule === null ? null : scoreOf(totalRule.items, totalRule.multiplier);
  const subscales: Record<string, number> = {};
  const subscaleSeverity: Record<string, string | null> = {};
  for (const subscale of definition.scoring.subscales) {
    const value = scoreOf(subscale.items, subscale.multiplier);
    subscales[subscale.id] = value;
    if (subscale.bands !== null) subscaleSeverity[subscale.id] = findBand(subscale.bands, value)?.label ?? null;
  }

  const flags: ScoreFlag[] = [];
  for (const critical of definition.criticalItems) {
    const answer = answers[critical.item - 1] ?? null;
    if (answer === null) flags.push({ code: MeasureCode.criticalItemMissing, item: critical.item });
    else if (answer >= critical.minValue) flags.push({ code: MeasureCode.criticalItem, item: critical.item });
  }

  return {
    kind: 'scored',
    result: {
      instrument: definition.id,
      version: definition.version,
      total,
      severity: total === null ? null : (findBand(definition.bands, total)?.label ?? null),
      prorated: missing.length > 0,
      subscales,
      subscaleSeverity,
      flags,
      missingItems: missing,
    },
  };
}

/**
 * Like `scoreMeasure`, for callers that refuse unscorable input: returns the score or throws
 * `AppError('unscorable-response')` carrying the issues.
 *
 * @example
 * const { total } = scoreMeasureOrThrow(getMeasure('gad7')!, [1, 1, 1, 1, 1, 0, 0]); // 5
 */
export function scoreMeasureOrThrow(definition: MeasureDefinition, answers: readonly (number | null)[]): MeasureScore {
  const outcome = scoreMeasure(definition, answers);
  if (outcome.kind === 'scored') return outcome.result;
  throw new AppError('unscorable-response', `The answers to the ${definition.shortName} cannot be scored.`, {
    issues: outcome.issues,
  });
}

/**
 * The allowed answers of an item as words: "0, 1, 2, 3".
 *
 * @example
 * describeAllowedValues(getMeasure('audit')!.items[8]!); // '0, 2, 4'
 */
export function describeAllowedValues(item: MeasureItem): string {
  return item.options.map((option) => String(option.value)).join(', ');
}

function invalid(issues: readonly Issue[]): ScoreMeasureOutcome {
  return { kind: 'invalid', issues };
}

function checkAnswer(item: MeasureItem, answer: number | null, index: number): Issue[] {
  if (answer === null) return [];
  const allowed = item.options.map((option) => option.value);
  const extra = { path: ['answers', index], data: { item: item.number, allowed } };
  if (typeof answer !== 'number' || !Number.isInteger(answer)) {
    return [
      issue(
        MeasureCode.itemNotInteger,
        'error',
        `Item ${item.number} must be a whole number: one of ${describeAllowedValues(item)}.`,
        extra,
      ),
    ];
  }
  if (!allowed.includes(answer)) {
    return [
      issue(
        MeasureCode.itemOutOfRange,
        'error',
        `Item ${item.number} is out of range: allowed values are ${describeAllowedValues(item)}.`,
        extra,
      ),
    ];
  }
  return [];
}

function scoreItem(definition: MeasureDefinition, item: MeasureItem, answer: number): number {
  if (!definition.scoring.reverseItems.includes(item.number)) return answer;
  const values = item.options.map((option) => option.value);
  return Math.min(...values) + Math.max(...values) - answer;
}

/** The score of an unanswered item that is left out by design or skipped, or null when it is simply missing. */
function fixedScoreForUnanswered(
  definition: MeasureDefinition,
  item: MeasureItem,
  answers: readonly (number | null)[],
): number | null {
  if (item.omittedWhen !== null) return 0;
  for (const rule of definition.scoring.skipRules) {
    if (!rule.skippedItems.includes(item.number)) continue;
    const conditionAnswers = rule.whenItems.map((n) => answers[n - 1] ?? null);
    if (conditionAnswers.every((a) => a !== null) && sum(conditionAnswers as number[]) <= rule.whenSumAtMost) {
      return rule.skippedScore;
    }
  }
  return null;
}

function checkMissing(definition: MeasureDefinition, missing: readonly number[], answeredCount: number): Issue[] {
  if (missing.length === 0) return [];
  const rule = definition.missingItemRule;
  if (rule.kind === 'none') {
    return missing.map((item) =>
      issue(
        MeasureCode.itemMissing,
        'error',
        `Item ${item} is missing; the ${definition.shortName} has no missing-item rule, so every item must be answered.`,
        { path: ['answers', item - 1], data: { item, allowed: allowedValues(definition, item) } },
      ),
    );
  }
  if (missing.length > rule.maxMissing || answeredCount === 0) {
    return [
      issue(
        MeasureCode.tooManyMissingItems,
        'error',
        `${missing.length} items are missing (${missing.join(', ')}); the ${definition.shortName} can be scored with at most ${rule.maxMissing} missing.`,
        { path: ['answers'], data: { missing, maxMissing: rule.maxMissing } },
      ),
    ];
  }
  return [];
}

function allowedValues(definition: MeasureDefinition, itemNumber: number): number[] {
  return definition.items[itemNumber - 1]?.options.map((option) => option.value) ?? [];
}

/** Σ item scores over `itemNumbers`, a missing item counting as the mean, as a ratio over the mean's denominator. */
function sumWithMean(itemNumbers: readonly number[], scores: ReadonlyMap<number, number>, mean: Ratio): Ratio {
  let known = 0;
  let missingCount = 0;
  for (const n of itemNumbers) {
    const score = scores.get(n);
    if (score === undefined) missingCount += 1;
    else known += score;
  }
  if (missingCount === 0) return { numerator: known, denominator: 1 };
  return { numerator: known * mean.denominator + missingCount * mean.numerator, denominator: mean.denominator };
}

/** multiplier × ratio, rounded half up with integer arithmetic (no floating-point drift at .5). */
function roundHalfUp(ratio: Ratio, multiplier: number): number {
  const numerator = ratio.numerator * multiplier;
  return Math.floor((2 * numerator + ratio.denominator) / (2 * ratio.denominator));
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + v, 0);
}
