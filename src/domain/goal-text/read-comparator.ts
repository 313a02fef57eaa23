/**
 * Comparator phrases. Prefix forms come before the number ("≤", "<=", "no more than", "at most", "under", "below",
 * "fewer than", "at least", "a minimum of", "more than"); suffix forms follow it ("or below", "or less", "or more",
 * "or fewer", "+", "max"). "Under", "below", "fewer than" and "less than" are strict (`<`); "no more than", "at most"
 * and "or below" include the value (`<=`).
 *
 * @example
 * readPrefixComparator(tokenize('no more than 2'), 0); // { comparator: '<=', end: 3 }
 */
import type { Comparator } from '../treatment-plans/target.js';
import type { Token } from './tokenize.js';

/** A comparator read from the tokens; `end` is the index after it. */
export interface ComparatorReading {
  readonly comparator: Comparator;
  readonly end: number;
}

interface Phrase {
  readonly words: readonly string[];
  readonly comparator: Comparator;
}

/** Phrases by their first word, longest first, so "no more than" wins over "no". */
type PhraseIndex = ReadonlyMap<string, readonly Phrase[]>;

function phrases(table: Readonly<Record<string, Comparator>>): PhraseIndex {
  const index = new Map<string, Phrase[]>();
  for (const [text, comparator] of Object.entries(table)) {
    const words = text.split(' ');
    const list = index.get(words[0] ?? '') ?? [];
    list.push({ words, comparator });
    index.set(words[0] ?? '', list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const PREFIX_SYMBOLS: Readonly<Record<string, Comparator>> = {
  '<=': '<=',
  '>=': '>=',
  '<': '<',
  '>': '>',
  '=': '=',
};

const PREFIX_PHRASES = phrases({
  'no more than': '<=',
  'not more than': '<=',
  'no greater than': '<=',
  'no higher than': '<=',
  'not higher than': '<=',
  'not exceeding': '<=',
  'not to exceed': '<=',
  'at most': '<=',
  'a maximum of': '<=',
  'maximum of': '<=',
  'a max of': '<=',
  'max of': '<=',
  maximum: '<=',
  max: '<=',
  'up to': '<=',
  'equal to or less than': '<=',
  'less than or equal to': '<=',
  'fewer than or equal to': '<=',
  'equal to or below': '<=',
  'at or below': '<=',
  'at or under': '<=',
  'no fewer than': '>=',
  'not fewer than': '>=',
  'no less than': '>=',
  'not less than': '>=',
  'no lower than': '>=',
  'at least': '>=',
  'a minimum of': '>=',
  'minimum of': '>=',
  'a min of': '>=',
  minimum: '>=',
  'equal to or more than': '>=',
  'more than or equal to': '>=',
  'greater than or equal to': '>=',
  'at or above': '>=',
  'fewer than': '<',
  'less than': '<',
  'lower than': '<',
  under: '<',
  below: '<',
  'more than': '>',
  'greater than': '>',
  'higher than': '>',
  over: '>',
  above: '>',
  exceeding: '>',
  exactly: '=',
});

const SUFFIX_PHRASES = phrases({
  'or less': '<=',
  'or fewer': '<=',
  'or below': '<=',
  'or under': '<=',
  'or lower': '<=',
  'or lesser': '<=',
  'or smaller': '<=',
  'at most': '<=',
  max: '<=',
  maximum: '<=',
  'or more': '>=',
  'or greater': '>=',
  'or above': '>=',
  'or higher': '>=',
  'or over': '>=',
  'at least': '>=',
  minimum: '>=',
  plus: '>=',
});

function matchPhrase(tokens: readonly Token[], index: number, table: PhraseIndex): ComparatorReading | null {
  const first = tokens[index];
  if (first === undefined || first.kind !== 'word') return null;
  const candidates = table.get(first.norm);
  if (candidates === undefined) return null;
  for (const phrase of candidates) {
    let ok = true;
    for (let k = 0; k < phrase.words.length; k++) {
      const token = tokens[index + k];
      if (token === undefined || token.kind !== 'word' || token.norm !== phrase.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { comparator: phrase.comparator, end: index + phrase.words.length };
  }
  return null;
}

/**
 * Reads a comparator that precedes a number ("≤", "at least", "fewer than"), or returns null.
 *
 * @example
 * readPrefixComparator(tokenize('≤9'), 0)?.comparator; // '<='
 */
export function readPrefixComparator(tokens: readonly Token[], index: number): ComparatorReading | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (token.kind === 'symbol') {
    const comparator = PREFIX_SYMBOLS[token.norm];
    return comparator === undefined ? null : { comparator, end: index + 1 };
  }
  if (token.kind !== 'word') return null;
  return matchPhrase(tokens, index, PREFIX_PHRASES);
}

/**
 * Reads a comparator that follows a number ("or below", "or more", "+"), or returns null.
 *
 * @example
 * readSuffixComparator(tokenize('9 or below'), 1)?.comparator; // '<='
 */
export function readSuffixComparator(tokens: readonly Token[], index: number): ComparatorReading | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (token.kind === 'symbol') {
    // "5+" (no space): five or more.
    if (token.norm === '+' && !token.spaceBefore) return { comparator: '>=', end: index + 1 };
    return null;
  }
  if (token.kind !== 'word') return null;
  return matchPhrase(tokens, index, SUFFIX_PHRASES);
}
