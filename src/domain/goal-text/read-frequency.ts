/**
 * Frequencies: the period a count is per ("3/week", "per week", "a week", "each night", "weekly", "daily",
 * "out of 7 days", "in a month") and the implied count of the adverbs and workday forms ("daily" is once a day,
 * "each workday" is 5 a week, "every weekend" once a week).
 *
 * @example
 * readFrequency(tokenize('twice daily'), 1); // { per: 'day', count: 1, end: 2 }
 */
import type { Period } from '../treatment-plans/target.js';
import type { Token } from './tokenize.js';

/** A frequency read from the tokens. `count` is the count implied by the words themselves, if any. */
export interface FrequencyReading {
  readonly per: Period;
  readonly count: number | null;
  readonly end: number;
}

const PERIOD_WORDS: ReadonlyMap<string, Period> = new Map([
  ['day', 'day'],
  ['d', 'day'],
  ['night', 'day'],
  ['evening', 'day'],
  ['morning', 'day'],
  ['week', 'week'],
  ['wk', 'week'],
  ['w', 'week'],
  ['month', 'month'],
  ['mo', 'month'],
  ['mth', 'month'],
  ['mon', 'month'],
]);

const ADVERBS: ReadonlyMap<string, Period> = new Map([
  ['daily', 'day'],
  ['nightly', 'day'],
  ['weekly', 'week'],
  ['monthly', 'month'],
]);

const WORKDAY_WORDS = new Set(['workday', 'weekday', 'working']);
const EACH_WORDS = new Set(['a', 'an', 'each', 'every', 'per']);

function wordAt(tokens: readonly Token[], index: number): string {
  const token = tokens[index];
  return token !== undefined && token.kind === 'word' ? token.norm : '';
}

/**
 * The period named by a period word ("week", "wk", "night"), or undefined.
 *
 * @example
 * periodOf('night'); // 'day'
 */
export function periodOf(word: string): Period | undefined {
  return PERIOD_WORDS.get(word);
}

/**
 * Reads a frequency starting at `index`, or returns null when none starts there.
 *
 * @example
 * readFrequency(tokenize('3/week'), 1)?.per; // 'week'
 */
export function readFrequency(tokens: readonly Token[], index: number): FrequencyReading | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (token.kind === 'symbol') {
    if (token.norm !== '/') return null;
    const per = PERIOD_WORDS.get(wordAt(tokens, index + 1));
    return per === undefined ? null : { per, count: null, end: index + 2 };
  }
  if (token.kind !== 'word') return null;
  const word = token.norm;

  const adverb = ADVERBS.get(word);
  if (adverb !== undefined) return { per: adverb, count: 1, end: index + 1 };

  if (EACH_WORDS.has(word) || word === 'on') {
    let i = index + 1;
    if (wordAt(tokens, i) === 'calendar') i++;
    const next = wordAt(tokens, i);
    if (word !== 'on') {
      const per = PERIOD_WORDS.get(next);
      const partOfDay = next === 'evening' || next === 'morning';
      if (per !== undefined && next !== 'd' && next !== 'w' && !(partOfDay && (word === 'a' || word === 'an'))) {
        // "every morning", "each week": once per period; "a week", "per week" follow a count.
        return { per, count: word === 'each' || word === 'every' ? 1 : null, end: i + 1 };
      }
    }
    // "each workday", "every working day", "on weekdays", "every weekend"
    if (WORKDAY_WORDS.has(next) || next === 'weekdays' || next === 'workdays') {
      const end = next === 'working' && wordAt(tokens, i + 1) === 'day' ? i + 2 : i + 1;
      if (next === 'working' && end === i + 1) return null;
      return { per: 'week', count: 5, end };
    }
    if ((next === 'weekend' || next === 'weekends') && word !== 'a') return { per: 'week', count: 1, end: i + 1 };
    return null;
  }

  // "out of 7 days", "out of seven nights"
  if (word === 'out' && wordAt(tokens, index + 1) === 'of') {
    const seven = tokens[index + 2];
    const isSeven = seven !== undefined && (seven.norm === '7' || seven.norm === 'seven');
    if (!isSeven) return null;
    const unit = wordAt(tokens, index + 3);
    return { per: 'week', count: null, end: unit === 'days' || unit === 'nights' ? index + 4 : index + 3 };
  }

  // "in a week", "in a day", "in one month"
  if (word === 'in') {
    const article = wordAt(tokens, index + 1);
    const per = PERIOD_WORDS.get(wordAt(tokens, index + 2));
    if ((article === 'a' || article === 'one' || article === 'any') && per !== undefined) {
      return { per, count: null, end: index + 3 };
    }
  }
  return null;
}
