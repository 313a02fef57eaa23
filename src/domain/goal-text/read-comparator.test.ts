import { describe, expect, it } from 'vitest';
import { readPrefixComparator, readSuffixComparator } from './read-comparator.js';
import { tokenize } from './tokenize.js';

describe('readPrefixComparator', () => {
  it.each([
    ['≤ 9', '<='],
    ['<= 9', '<='],
    ['no more than 2', '<='],
    ['at most 2', '<='],
    ['a maximum of 2', '<='],
    ['under 10', '<'],
    ['below 10', '<'],
    ['fewer than 2', '<'],
    ['less than 5', '<'],
    ['at least 5', '>='],
    ['≥ 5', '>='],
    ['no fewer than 3', '>='],
    ['more than 3', '>'],
    ['over 3', '>'],
    ['exactly 3', '='],
  ])('reads "%s" as %s', (text, comparator) => {
    expect(readPrefixComparator(tokenize(text), 0)?.comparator).toBe(comparator);
  });

  it('prefers the longest phrase ("no more than" over "more than")', () => {
    expect(readPrefixComparator(tokenize('no more than 2'), 0)).toEqual({ comparator: '<=', end: 3 });
  });

  it('returns null for other words', () => {
    expect(readPrefixComparator(tokenize('reduce'), 0)).toBeNull();
  });
});

describe('readSuffixComparator', () => {
  it.each([
    ['9 or below', '<='],
    ['9 or less', '<='],
    ['1 or fewer', '<='],
    ['33 or lower', '<='],
    ['5 or more', '>='],
    ['85% or greater', '>='],
    ['5+', '>='],
  ])('reads the suffix of "%s"', (text, comparator) => {
    const tokens = tokenize(text);
    const index = tokens.findIndex((t, k) => k > 0 && (t.kind === 'word' || t.norm === '+'));
    expect(readSuffixComparator(tokens, index)?.comparator).toBe(comparator);
  });
});
