import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const norms = (text: string) => tokenize(text).map((t) => t.norm);

describe('tokenize', () => {
  it('splits letters from digits so PHQ9 and PHQ-9 give the same words', () => {
    expect(norms('PHQ9')).toEqual(['phq', '9']);
    expect(norms('PHQ-9')).toEqual(['phq', '-', '9']);
  });

  it('normalises typographic comparators, dashes and arrows', () => {
    expect(norms('≤9 ≥5 – → =<3 =>4')).toEqual(['<=', '9', '>=', '5', '-', '->', '<=', '3', '>=', '4']);
  });

  it('keeps decimals and thousands groups in one number', () => {
    const [a, b] = tokenize('1.5 10,000');
    expect(a?.value).toBe(1.5);
    expect(b?.value).toBe(10000);
  });

  it('does not read a dotted date as a decimal', () => {
    expect(norms('31.03.2027')).toEqual(['31', '.', '03', '.', '2027']);
  });

  it('reads frequencies written with a slash as three tokens', () => {
    expect(tokenize('3/week').map((t) => [t.kind, t.norm])).toEqual([
      ['number', '3'],
      ['symbol', '/'],
      ['word', 'week'],
    ]);
  });

  it('keeps apostrophes inside words', () => {
    expect(norms("client's")).toEqual(["client's"]);
  });

  it('records where each token is and whether space precedes it', () => {
    const tokens = tokenize('GAD 7');
    expect(tokens.map((t) => [t.start, t.end, t.spaceBefore])).toEqual([
      [0, 3, true],
      [4, 5, true],
    ]);
  });

  it('reads vulgar fractions as numbers', () => {
    expect(tokenize('½ hour')[0]?.value).toBe(0.5);
  });

  it('returns no tokens for white space only', () => {
    expect(tokenize('  \n\t ')).toEqual([]);
  });
});
