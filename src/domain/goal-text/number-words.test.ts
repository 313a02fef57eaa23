import { describe, expect, it } from 'vitest';
import { numberWordValue, readNumber } from './number-words.js';
import { tokenize } from './tokenize.js';

const read = (text: string) => readNumber(tokenize(text), 0);

describe('readNumber', () => {
  it.each([
    ['six', 6],
    ['thirty-three', 33],
    ['thirty three', 33],
    ['twenty', 20],
    ['one hundred and twenty', 120],
    ['a hundred', 100],
    ['one and a half', 1.5],
    ['a couple of', 2],
    ['a dozen', 12],
    ['half', 0.5],
    ['18', 18],
    ['zero', 0],
  ])('reads "%s" as %d', (text, value) => {
    expect(read(text)?.value).toBe(value);
  });

  it('reads ordinals in digits and words', () => {
    expect(read('8th')).toMatchObject({ value: 8, ordinal: true });
    expect(read('twelfth')).toMatchObject({ value: 12, ordinal: true });
    expect(read('twenty-first')).toMatchObject({ value: 21, ordinal: true });
  });

  it('marks once, twice and thrice as counts of occasions', () => {
    expect(read('twice')).toMatchObject({ value: 2, times: true });
  });

  it('returns the index after the number', () => {
    expect(read('thirty-three points')?.end).toBe(3);
  });

  it('returns null for words that are not numbers', () => {
    expect(read('anxiety')).toBeNull();
    expect(read('a week')).toBeNull();
  });
});

describe('numberWordValue', () => {
  it('gives the value of a single number word', () => {
    expect(numberWordValue('nineteen')).toBe(19);
    expect(numberWordValue('ninetieth')).toBe(90);
    expect(numberWordValue('several')).toBeUndefined();
  });
});
