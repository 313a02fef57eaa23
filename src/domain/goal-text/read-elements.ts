/**
 * The first pass of the grammar: one left-to-right scan that turns tokens into elements — instrument names, deadlines,
 * durations, values (a number with its comparator, unit, counted noun and frequency), relative changes, named bands,
 * "zero" forms and bare frequencies. The second pass (`readTargets`) groups elements into clauses and targets.
 *
 * @example
 * readElements(tokenize('PHQ-9 from 18 to ≤9 within 16 weeks'), context).map((e) => e.kind);
 * // ['measure', 'value', 'value', 'deadline']
 */
import type { Comparator, Period } from '../treatment-plans/target.js';
import type { GoalTextInstrument, ValueUnit } from './goal-analysis.js';
import { CHANGE_NOUNS, OCCASION_NOUNS } from './goal-vocabulary.js';
import {
  compileMeasureNames,
  type MeasureNameMatcher,
  matchMeasureName,
  matchUnknownScale,
} from './match-measure-name.js';
import { readNumber } from './number-words.js';
import { readPrefixComparator, readSuffixComparator } from './read-comparator.js';
import { monthOf, readDate } from './read-date.js';
import { type DeadlineReading, readDeadline } from './read-deadline.js';
import { readFrequency } from './read-frequency.js';
import type { Token } from './tokenize.js';

/** A value: "≤1/month", "at least 5 per week", "~4 hours", "9 or below", "3 depressive thoughts per week". */
export interface ValueElement {
  readonly kind: 'value';
  readonly value: number;
  /** Lower and upper bound of a range ("4-5 hours"); equal to `value` otherwise. */
  readonly low: number;
  readonly high: number;
  readonly comparator: Comparator | null;
  readonly unit: ValueUnit | 'point' | null;
  /** Counted occasions ("times", "days", "nights", "twice"): a count, not a score. */
  readonly occasions: boolean;
  readonly per: Period | null;
  /** The top of a self-rating written with the value ("4/10", "3 out of 10"), else null. */
  readonly outOf: number | null;
  /** Token range of the words between the number and its frequency ("trips" in "2 trips/week"). */
  readonly nounStart: number;
  readonly nounEnd: number;
  readonly start: number;
  readonly end: number;
}

/** Every element the first pass finds. */
export type GoalElement =
  | {
      readonly kind: 'measure';
      readonly instrumentId: string;
      readonly subscale: string | null;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'scale'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: 'deadline'; readonly reading: DeadlineReading; readonly start: number; readonly end: number }
  | { readonly kind: 'duration'; readonly start: number; readonly end: number }
  | ValueElement
  | {
      readonly kind: 'change';
      readonly amount: number;
      readonly percent: boolean;
      /** Direction named by the words ("reduction", "lower"), if any. */
      readonly sense: 'decrease' | 'increase' | 'improve' | null;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'reliable'; readonly start: number; readonly end: number }
  | { readonly kind: 'band'; readonly label: string; readonly start: number; readonly end: number }
  | { readonly kind: 'caseness'; readonly start: number; readonly end: number }
  | { readonly kind: 'remission'; readonly start: number; readonly end: number }
  | { readonly kind: 'zero'; readonly start: number; readonly end: number }
  | {
      readonly kind: 'frequency';
      readonly per: Period;
      readonly count: number | null;
      readonly start: number;
      readonly end: number;
    };

/** What the first pass needs besides the tokens. */
export interface ReadElementsContext {
  readonly today: string;
  readonly instruments: readonly GoalTextInstrument[];
  /** Skip unknown-scale detection (for text written all in capitals). */
  readonly allCaps: boolean;
}

const UNIT_WORDS: ReadonlyMap<string, ValueUnit | 'point'> = new Map<string, ValueUnit | 'point'>([
  ['minute', 'minute'],
  ['minutes', 'minute'],
  ['min', 'minute'],
  ['mins', 'minute'],
  ['hour', 'hour'],
  ['hours', 'hour'],
  ['hr', 'hour'],
  ['hrs', 'hour'],
  ['h', 'hour'],
  ['percent', 'percent'],
  ['pct', 'percent'],
  ['point', 'point'],
  ['points', 'point'],
  ['pts', 'point'],
  ['pt', 'point'],
]);

const APPROX_WORDS = new Set([
  'about',
  'approximately',
  'approx',
  'around',
  'roughly',
  'nearly',
  'almost',
  'circa',
  'ca',
  'average',
  'avg',
]);
const RANGE_NOUNS = new Set(['range', 'band', 'category', 'level', 'severity', 'zone', 'levels']);
const NOT_ZERO_AFTER_NO = new Set([
  'more',
  'longer',
  'less',
  'later',
  'one',
  'fewer',
  'greater',
  'higher',
  'than',
  'lower',
  'change',
  'worse',
  'significant',
  'reliable',
  'increase',
  'decrease',
  'reduction',
  'deterioration',
  'matter',
  'other',
]);
/** Words that may sit between a number and its frequency ("2 trips/week", "3 depressive thoughts per week"). */
/** Words that may link counted nouns once one noun was read ("14 units of alcohol per week"). */
const LINK_WORDS = new Set(['of', 'with', 'at', 'in', 'on', 'to']);
const VALUE_BREAK_WORDS = new Set([
  'to',
  'from',
  'by',
  'within',
  'and',
  'or',
  'in',
  'on',
  'at',
  'for',
  'than',
  'of',
  'with',
  'without',
  'over',
  'under',
  'before',
  'after',
  'during',
  'when',
  'while',
  'using',
  'via',
  'through',
]);

interface BandLabel {
  readonly label: string;
  readonly words: readonly string[];
}

const firstWordCache = new WeakMap<readonly BandLabel[], ReadonlySet<string>>();

function labelFirstWords(labels: readonly BandLabel[]): ReadonlySet<string> {
  let words = firstWordCache.get(labels);
  if (words === undefined) {
    words = new Set(labels.map((l) => l.words[0] ?? ''));
    firstWordCache.set(labels, words);
  }
  return words;
}

const bandCache = new WeakMap<readonly GoalTextInstrument[], readonly BandLabel[]>();

function bandLabels(instruments: readonly GoalTextInstrument[]): readonly BandLabel[] {
  const cached = bandCache.get(instruments);
  if (cached !== undefined) return cached;
  const seen = new Map<string, BandLabel>();
  for (const instrument of instruments) {
    for (const band of instrument.bands ?? []) {
      for (const label of labelVariants(band.label)) {
        if (!seen.has(label)) seen.set(label, { label, words: label.split(' ') });
      }
    }
  }
  const labels = [...seen.values()].sort((a, b) => b.words.length - a.words.length);
  bandCache.set(instruments, labels);
  return labels;
}

/**
 * The ways a band label may be written: its parts and alternatives, in lower case.
 *
 * @example
 * labelVariants('zone II (hazardous)'); // ['zone ii (hazardous)', 'hazardous', …]
 */
export function labelVariants(label: string): string[] {
  const lower = label.toLowerCase().trim();
  const variants = new Set<string>([lower.replace(/[-/]/g, ' ').replace(/\s+/g, ' ')]);
  for (const part of lower.split(/[/()]|\bor\b|,| - | – /)) {
    const cleaned = part.replace(/[-]/g, ' ').replace(/\s+/g, ' ').trim();
    if (cleaned !== '' && cleaned !== 'zone' && !/^zone [ivx]+$/.test(cleaned)) variants.add(cleaned);
  }
  return [...variants].filter((v) => v.length > 0);
}

function wordAt(tokens: readonly Token[], index: number): string {
  const token = tokens[index];
  return token !== undefined && token.kind === 'word' ? token.norm : '';
}

function normAt(tokens: readonly Token[], index: number): string {
  return tokens[index]?.norm ?? '';
}

function matchWords(tokens: readonly Token[], index: number, words: readonly string[]): number {
  let i = index;
  for (const word of words) {
    if (normAt(tokens, i) === '-' && tokens[i]?.spaceBefore === false) i++;
    if (wordAt(tokens, i) !== word) return -1;
    i++;
  }
  return i;
}

/**
 * Reads every element of the text in one pass. Tokens not covered by an element are plain words for the second pass.
 *
 * @example
 * readElements(tokenize('3/week'), { today: '2026-09-01', instruments: [], allCaps: false })[0]; // { kind: 'value', value: 3, per: 'week', … }
 */
export function readElements(tokens: readonly Token[], context: ReadElementsContext): GoalElement[] {
  const matcher = compileMeasureNames(context.instruments);
  const labels = bandLabels(context.instruments);
  const elements: GoalElement[] = [];
  let i = 0;
  while (i < tokens.length) {
    const element = readElementAt(tokens, i, context, matcher, labels, elements);
    if (element === null) {
      i++;
      continue;
    }
    elements.push(element);
    i = Math.max(element.end, i + 1);
  }
  return elements;
}

function readElementAt(
  tokens: readonly Token[],
  i: number,
  context: ReadElementsContext,
  matcher: MeasureNameMatcher,
  labels: readonly BandLabel[],
  previous: readonly GoalElement[],
): GoalElement | null {
  const token = tokens[i];
  if (token === undefined) return null;

  const measure = matchMeasureName(tokens, i, matcher);
  if (measure !== null)
    return {
      kind: 'measure',
      instrumentId: measure.instrumentId,
      subscale: measure.subscale,
      start: i,
      end: measure.end,
    };
  if (!context.allCaps) {
    const scale = matchUnknownScale(tokens, i);
    if (scale !== null) return { kind: 'scale', name: scale.name, start: i, end: scale.end };
  }

  const word = token.kind === 'word' ? token.norm : '';

  // "in a week" right after a count is a frequency ("3 drinks in a day"), otherwise a deadline ("in a week").
  if (word === 'in' && afterCount(previous, i)) {
    const frequency = readFrequency(tokens, i);
    if (frequency !== null)
      return { kind: 'frequency', per: frequency.per, count: frequency.count, start: i, end: frequency.end };
  }

  if (word === 'within') {
    // "within 30 minutes": a value, not a deadline.
    const value = readValue(tokens, i + 1, i, '<=');
    if (value !== null && (value.unit === 'minute' || value.unit === 'hour')) return value;
  }

  const deadline = readDeadline(tokens, i, context.today);
  if (deadline !== null) {
    if (deadline.kind === 'duration') {
      // "respond within 2 days of receipt": a time limit on each occasion, a value in days.
      const days = word === 'within' ? readNumber(tokens, i + 1) : null;
      const dayWord = days === null ? '' : wordAt(tokens, days.end);
      if (days !== null && (dayWord === 'day' || dayWord === 'days')) {
        return plainValue(days.value, '<=', 'day', deadline.start, deadline.end);
      }
      return { kind: 'duration', start: deadline.start, end: deadline.end };
    }
    return { kind: 'deadline', reading: deadline, start: deadline.start, end: deadline.end };
  }

  if (word === 'by') {
    const change = readByChange(tokens, i);
    if (change !== null) return change;
  }

  const special = readSpecial(tokens, i, word, labels);
  if (special !== null) return special;

  // A date that is not a deadline ("on 5 June", "since March 2026") is neither a value nor a deadline.
  if (monthOf(token) !== undefined || (token.kind === 'number' && token.text.length <= 4)) {
    const date = readDate(tokens, i, { today: context.today });
    if (date !== null) return { kind: 'duration', start: i, end: date.end };
  }

  const value = readValue(tokens, i, i, null);
  if (value !== null) return asChange(tokens, value) ?? value;

  if (token.kind === 'word' || token.norm === '/') {
    const frequency = readFrequency(tokens, i);
    if (frequency !== null)
      return { kind: 'frequency', per: frequency.per, count: frequency.count, start: i, end: frequency.end };
  }
  return null;
}

function afterCount(previous: readonly GoalElement[], index: number): boolean {
  const last = previous[previous.length - 1];
  return last !== undefined && last.kind === 'value' && last.per === null && index - last.end <= 3;
}

/** Reliable change, bands, caseness, remission, zero forms, halving and doubling. */
function readSpecial(
  tokens: readonly Token[],
  i: number,
  word: string,
  labels: readonly BandLabel[],
): GoalElement | null {
  if (word === '') return null;
  switch (word) {
    case 'reliable':
    case 'reliably': {
      const next = wordAt(tokens, i + 1);
      if (
        next === 'improvement' ||
        next === 'change' ||
        next === 'recovery' ||
        next === 'improve' ||
        next === 'improved' ||
        next === 'reduction'
      ) {
        return { kind: 'reliable', start: i, end: i + 2 };
      }
      return null;
    }
    case 'remission':
      return { kind: 'remission', start: i, end: i + 1 };
    case 'subclinical':
    case 'nonclinical':
    case 'non':
    case 'sub':
    case 'below':
    case 'under':
    case 'caseness': {
      const end = readCaseness(tokens, i);
      if (end < 0) return null;
      // "below the cut-off of 33", "below the clinical cut-off (33)": the number is the target.
      const at = normAt(tokens, end) === '(' || wordAt(tokens, end) === 'of' ? end + 1 : -1;
      const number = at > 0 ? readNumber(tokens, at) : null;
      if (number !== null && !number.ordinal) {
        const close = normAt(tokens, number.end) === ')' ? number.end + 1 : number.end;
        return plainValue(number.value, '<', null, i, close);
      }
      return { kind: 'caseness', start: i, end };
    }
    case 'zero':
    case 'none':
    case 'nil': {
      // "from zero to three": a number, read as a value.
      const before = wordAt(tokens, i - 1);
      if (
        word === 'zero' &&
        (before === 'from' || before === 'to' || before === 'of' || wordAt(tokens, i + 1) === 'to')
      )
        return null;
      // "zero panic attacks", "none": value 0 (read by readValue for "zero" followed by a unit or count).
      if (word === 'zero' && (tokens[i + 1]?.kind === 'symbol' || readFrequency(tokens, i + 1) !== null)) return null;
      return { kind: 'zero', start: i, end: i + 1 };
    }
    case 'no': {
      const next = tokens[i + 1];
      if (next === undefined || next.kind !== 'word' || NOT_ZERO_AFTER_NO.has(next.norm)) return null;
      return { kind: 'zero', start: i, end: i + 1 };
    }
    case 'abstinent':
    case 'abstinence':
    case 'sober':
    case 'sobriety':
      return { kind: 'zero', start: i, end: i + 1 };
    case 'free':
      if (wordAt(tokens, i + 1) === 'of' || wordAt(tokens, i + 1) === 'from')
        return { kind: 'zero', start: i, end: i + 2 };
      return null;
    case 'halve':
    case 'halved':
      return { kind: 'change', amount: 50, percent: true, sense: 'decrease', start: i, end: i + 1 };
    case 'double':
    case 'doubled':
      if (readNumber(tokens, i + 1) !== null) return null;
      return { kind: 'change', amount: 100, percent: true, sense: 'increase', start: i, end: i + 1 };
    default:
      break;
  }
  // "cut in half"
  if (word === 'cut' && wordAt(tokens, i + 1) === 'in' && wordAt(tokens, i + 2) === 'half') {
    return { kind: 'change', amount: 50, percent: true, sense: 'decrease', start: i, end: i + 3 };
  }
  return readBand(tokens, i, labels);
}

/** "below the clinical cut-off", "below caseness", "subclinical range", "non-clinical range". Returns end or -1. */
function readCaseness(tokens: readonly Token[], i: number): number {
  const word = wordAt(tokens, i);
  let j = i;
  if (word === 'below' || word === 'under') {
    j++;
    if (wordAt(tokens, j) === 'the') j++;
    if (wordAt(tokens, j) === 'caseness') return withRangeNoun(tokens, j + 1);
    // "below the clinical cut-off", "below the probable PTSD cut-off", "under the clinical threshold"
    for (let skipped = 0; skipped < 3; skipped++) {
      const end = cutoffEnd(tokens, j);
      if (end > 0) return end;
      if (tokens[j]?.kind !== 'word') return -1;
      j++;
    }
    return -1;
  }
  if (word === 'caseness') return i + 1;
  if (word === 'subclinical' || word === 'nonclinical') return withRangeNoun(tokens, i + 1);
  if ((word === 'non' || word === 'sub') && normAt(tokens, i + 1) === '-' && wordAt(tokens, i + 2) === 'clinical') {
    return withRangeNoun(tokens, i + 3);
  }
  return -1;
}

/** The end of "cut-off", "cutoff", "cut off", "threshold", "clinical range", or -1. */
function cutoffEnd(tokens: readonly Token[], j: number): number {
  const what = wordAt(tokens, j);
  if (what === 'cut' && normAt(tokens, j + 1) === '-' && wordAt(tokens, j + 2) === 'off') return j + 3;
  if (what === 'cut' && wordAt(tokens, j + 1) === 'off') return j + 2;
  if (what === 'cutoff' || what === 'threshold' || what === 'cutpoint') return j + 1;
  if ((what === 'range' || what === 'level') && wordAt(tokens, j - 1) === 'clinical') return j + 1;
  return -1;
}

function withRangeNoun(tokens: readonly Token[], index: number): number {
  return RANGE_NOUNS.has(wordAt(tokens, index)) ? index + 1 : index;
}

/** A named band: "the mild range", "to mild", "from moderately severe". The role words stay for the second pass. */
function readBand(tokens: readonly Token[], i: number, labels: readonly BandLabel[]): GoalElement | null {
  if (!labelFirstWords(labels).has(wordAt(tokens, i))) return null;
  for (const { label, words } of labels) {
    const end = matchWords(tokens, i, words);
    if (end < 0) continue;
    const before = wordAt(tokens, i - 1) === 'the' ? wordAt(tokens, i - 2) : wordAt(tokens, i - 1);
    const roleWord =
      before === 'to' ||
      before === 'into' ||
      before === 'from' ||
      before === 'within' ||
      before === 'in' ||
      before === 'reach' ||
      before === 'achieve';
    const rangeNoun = RANGE_NOUNS.has(wordAt(tokens, end));
    // "moderate exercise" is not a band; "to moderate", "the moderate range" are.
    if (!rangeNoun && !roleWord) continue;
    return { kind: 'band', label, start: i, end: rangeNoun ? end + 1 : end };
  }
  return null;
}

/** "by 10 points", "by at least 50%", "by half", "by a third". */
function readByChange(tokens: readonly Token[], i: number): GoalElement | null {
  let j = i + 1;
  const comparator = readPrefixComparator(tokens, j);
  if (comparator !== null) j = comparator.end;
  if (wordAt(tokens, j) === 'half' || (wordAt(tokens, j) === 'a' && wordAt(tokens, j + 1) === 'half')) {
    return {
      kind: 'change',
      amount: 50,
      percent: true,
      sense: null,
      start: i,
      end: wordAt(tokens, j) === 'a' ? j + 2 : j + 1,
    };
  }
  const number = readNumber(tokens, j);
  if (number === null || number.ordinal || number.times) return null;
  let end = number.end;
  // Not a deadline ("by 12 weeks") or a date ("by 31 March"): those were read before.
  const unit = UNIT_WORDS.get(wordAt(tokens, end));
  const percent =
    normAt(tokens, end) === '%' ||
    unit === 'percent' ||
    (wordAt(tokens, end) === 'per' && wordAt(tokens, end + 1) === 'cent');
  if (percent) end += wordAt(tokens, end) === 'per' ? 2 : 1;
  else if (unit === 'point') end++;
  else if (unit === 'minute' || unit === 'hour') return null;
  const suffix = readSuffixComparator(tokens, end);
  if (suffix !== null) end = suffix.end;
  if (!percent && unit !== 'point' && wordAt(tokens, end) === 'points') end++;
  return { kind: 'change', amount: number.value, percent, sense: null, start: i, end };
}

/** "50% reduction", "5-point drop", "6 points lower" after a value was read. */
function asChange(tokens: readonly Token[], value: ValueElement): GoalElement | null {
  if (value.unit !== 'percent' && value.unit !== 'point') return null;
  if (value.comparator === '<' || value.comparator === '>') return null;
  let j = value.end;
  if (normAt(tokens, j) === '-') j++;
  const sense = CHANGE_NOUNS.get(wordAt(tokens, j));
  if (sense !== undefined) {
    return {
      kind: 'change',
      amount: value.value,
      percent: value.unit === 'percent',
      sense,
      start: value.start,
      end: j + 1,
    };
  }
  // "a 50% or greater reduction"
  if (value.unit === 'percent' && wordAt(tokens, j) === 'or') {
    const after = CHANGE_NOUNS.get(wordAt(tokens, j + 2));
    if (after !== undefined)
      return { kind: 'change', amount: value.value, percent: true, sense: after, start: value.start, end: j + 3 };
  }
  // "6 points" alone is a change in points unless it follows "to"/"from" (a score): decided in the second pass.
  return null;
}

interface UnitReading {
  readonly unit: ValueUnit | 'point' | null;
  readonly occasions: boolean;
  readonly outOf: number | null;
  readonly end: number;
}

/** The unit after a number: "4/10", "out of 10", "%", "per cent", "-point", "minutes", "hours", "times", "days". */
function readUnit(tokens: readonly Token[], index: number, times: boolean): UnitReading {
  const slash = tokens[index];
  const top = tokens[index + 1];
  if (slash?.norm === '/' && top?.kind === 'number' && (top.value === 10 || top.value === 100 || top.value === 5)) {
    return { unit: null, occasions: times, outOf: top.value, end: index + 2 };
  }
  if (wordAt(tokens, index) === 'out' && wordAt(tokens, index + 1) === 'of') {
    const of = tokens[index + 2];
    if (of?.kind === 'number' && (of.value === 10 || of.value === 100 || of.value === 5)) {
      return { unit: null, occasions: times, outOf: of.value, end: index + 3 };
    }
  }
  if (normAt(tokens, index) === '%') return { unit: 'percent', occasions: false, outOf: null, end: index + 1 };
  if (wordAt(tokens, index) === 'per' && wordAt(tokens, index + 1) === 'cent') {
    return { unit: 'percent', occasions: false, outOf: null, end: index + 2 };
  }
  if (
    normAt(tokens, index) === '-' &&
    !tokens[index + 1]?.spaceBefore &&
    UNIT_WORDS.get(wordAt(tokens, index + 1)) === 'point'
  ) {
    return { unit: 'point', occasions: false, outOf: null, end: index + 2 };
  }
  const word = wordAt(tokens, index);
  const unit = UNIT_WORDS.get(word);
  // "h" and "pt" only when glued ("1h").
  if (unit !== undefined && !((word === 'h' || word === 'pt') && tokens[index]?.spaceBefore)) {
    return { unit, occasions: false, outOf: null, end: index + 1 };
  }
  if (word === 'x' || OCCASION_NOUNS.has(word)) return { unit: null, occasions: true, outOf: null, end: index + 1 };
  return { unit: null, occasions: times, outOf: null, end: index };
}

/**
 * Reads a value starting at `index`: [comparator] [~] number [-number] [unit] [counted noun …] [frequency]
 * [comparator]. `start` is where the element starts (before "within"); `forced` is a comparator implied by the
 * trigger ("within 30 minutes" is ≤ 30 minutes).
 */
function readValue(
  tokens: readonly Token[],
  index: number,
  start: number,
  forced: Comparator | null,
): ValueElement | null {
  let i = index;
  let comparator: Comparator | null = forced;
  const prefix = readPrefixComparator(tokens, i);
  if (prefix !== null) {
    comparator = prefix.comparator;
    i = prefix.end;
  }
  while (APPROX_WORDS.has(wordAt(tokens, i)) || normAt(tokens, i) === '~') {
    i++;
    if (wordAt(tokens, i) === 'of') i++;
  }
  const token = tokens[i];
  if (token === undefined) return null;
  // "a week" is a frequency, not one; "a/an" alone is never a value here.
  const number = readNumber(tokens, i);
  if (number === null || number.ordinal) return null;
  // A number glued to letters after it is a name or an ordinal ("8th" was read as an ordinal; "3rd"), or a time
  // of day ("10pm"); a number right after a letter is part of a name.
  const previous = tokens[i - 1];
  if (token.kind === 'number' && previous !== undefined && !token.spaceBefore && previous.kind === 'word') return null;
  let end = number.end;
  const low = number.value;
  let high = number.value;
  // Range: "4-5 hours", "2 or 3 times", "1–2/week".
  const separator = normAt(tokens, end);
  if (
    (separator === '-' || separator === 'or') &&
    !(separator === 'or' && readSuffixComparator(tokens, end) !== null)
  ) {
    const upper = readNumber(tokens, end + 1);
    if (upper !== null && !upper.ordinal && upper.value > number.value) {
      high = upper.value;
      end = upper.end;
    }
  }
  if (token.kind === 'number' && normAt(tokens, end) === ':' && tokens[end + 1]?.kind === 'number') return null; // a time "10:30"
  const wordAfter = wordAt(tokens, end);
  if (wordAfter === 'am' || wordAfter === 'pm' || wordAfter === "o'clock") return null;

  // A suffix right after the number: "9 or below", "6 or more points", "1 or fewer times per night".
  if (comparator === null) {
    const early = readSuffixComparator(tokens, end);
    if (early !== null) {
      comparator = early.comparator;
      end = early.end;
    }
  }
  const measured = readUnit(tokens, end, number.times);
  const { unit, outOf } = measured;
  let occasions = measured.occasions;
  end = measured.end;
  // An adjective ("10-item hierarchy", "8-week course"): not a value.
  if (
    unit === null &&
    normAt(tokens, number.end) === '-' &&
    tokens[number.end + 1]?.kind === 'word' &&
    !tokens[number.end + 1]?.spaceBefore &&
    high === low
  ) {
    return null;
  }

  // Counted nouns between the number and a frequency: "2 trips/week", "14 units of alcohol per week".
  let per: Period | null = null;
  let nounStart = end;
  let nounEnd = end;
  let frequency = readFrequency(tokens, end);
  if (frequency === null && unit !== 'percent' && unit !== 'point') {
    let j = end;
    let nouns = occasions && end > number.end ? 1 : 0;
    for (let steps = 0; steps < 6 && frequency === null; steps++) {
      const t = tokens[j];
      if (t === undefined) break;
      if (t.kind === 'word' && !VALUE_BREAK_WORDS.has(t.norm)) {
        j++;
        nouns++;
      } else if (t.kind === 'word' && nouns > 0 && LINK_WORDS.has(t.norm)) {
        j++;
      } else if (
        (t.norm === '/' || t.norm === '-') &&
        tokens[j + 1]?.kind === 'word' &&
        readFrequency(tokens, j) === null
      ) {
        j += 2;
      } else break;
      frequency = readFrequency(tokens, j);
    }
    if (frequency !== null) {
      nounStart = end;
      nounEnd = j;
      if (!occasions && OCCASION_NOUNS.has(wordAt(tokens, end))) occasions = true;
    }
  }
  if (frequency !== null) {
    per = frequency.per;
    end = frequency.end;
  } else if (unit === null && outOf === null) {
    // Counted things without a period: "3 coping strategies", "three jobs". Left as words for the subject.
    let j = end;
    while (
      j < end + 4 &&
      tokens[j]?.kind === 'word' &&
      !VALUE_BREAK_WORDS.has(wordAt(tokens, j)) &&
      !isSuffixStart(tokens, j)
    )
      j++;
    nounStart = end;
    nounEnd = j;
  }
  const suffix = readSuffixComparator(tokens, end);
  if (suffix !== null && comparator === null) {
    comparator = suffix.comparator;
    end = suffix.end;
  }
  // A bare "per week" right after a suffix: "9 or fewer per week".
  if (per === null) {
    const late = readFrequency(tokens, end);
    if (late !== null && (tokens[end]?.norm === '/' || wordAt(tokens, end) === 'per' || wordAt(tokens, end) === 'a')) {
      per = late.per;
      end = late.end;
    }
  }
  const value = comparator !== null && (comparator === '<=' || comparator === '<') ? high : low;
  return { kind: 'value', value, low, high, comparator, unit, occasions, per, outOf, nounStart, nounEnd, start, end };
}

function plainValue(
  value: number,
  comparator: Comparator,
  unit: ValueUnit | null,
  start: number,
  end: number,
): ValueElement {
  return {
    kind: 'value',
    value,
    low: value,
    high: value,
    comparator,
    unit,
    occasions: false,
    per: null,
    outOf: null,
    nounStart: end,
    nounEnd: end,
    start,
    end,
  };
}

function isSuffixStart(tokens: readonly Token[], index: number): boolean {
  return readSuffixComparator(tokens, index) !== null;
}
