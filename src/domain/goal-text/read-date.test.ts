import { describe, expect, it } from 'vitest';
import { lastDayOfMonth, monthOf, readDate } from './read-date.js';
import { tokenize } from './tokenize.js';

const today = '2026-09-01';
const read = (text: string, options: { allowShortNumeric?: boolean; endOfPeriod?: boolean } = {}) =>
  readDate(tokenize(text), 0, { today, ...options });

describe('readDate', () => {
  it.each([
    ['2027-03-31', '2027-03-31'],
    ['3/31/2027', '2027-03-31'],
    ['31/03/2027', '2027-03-31'],
    ['01/09/2027', '2027-01-09'],
    ['31.03.2027', '2027-03-31'],
    ['31/03/27', '2027-03-31'],
    ['March 31, 2027', '2027-03-31'],
    ['March 31st, 2027', '2027-03-31'],
    ['Mar. 31 2027', '2027-03-31'],
    ['31 March 2027', '2027-03-31'],
    ['31st of March 2027', '2027-03-31'],
    ['Dec 1 2026', '2026-12-01'],
    ['March 2027', '2027-03-01'],
  ])('reads "%s" as %s', (text, date) => {
    expect(read(text)?.date).toBe(date);
  });

  it('resolves a date without a year forward from today', () => {
    expect(read('March 31')?.date).toBe('2027-03-31');
    expect(read('December 1')?.date).toBe('2026-12-01');
    expect(read('1 September')?.date).toBe('2026-09-01');
  });

  it('reads a month alone as its last day after "end of"', () => {
    expect(read('February 2027', { endOfPeriod: true })?.date).toBe('2027-02-28');
  });

  it('reads month/day without a year only when allowed', () => {
    expect(read('3/31')).toBeNull();
    expect(read('3/31', { allowShortNumeric: true })?.date).toBe('2027-03-31');
  });

  it('marks dates that do not exist as invalid', () => {
    expect(read('February 30 2027')).toMatchObject({ valid: false });
  });

  it('does not read "may" the verb as a month', () => {
    expect(read('may 5')).toBeNull();
    expect(read('May 5 2027')?.date).toBe('2027-05-05');
  });

  it('returns null for a number that is not a date', () => {
    expect(read('18 to 9')).toBeNull();
  });
});

describe('monthOf', () => {
  it('gives the month number of month names and abbreviations', () => {
    expect(monthOf(tokenize('Sept')[0])).toBe(9);
    expect(monthOf(tokenize('week')[0])).toBeUndefined();
  });
});

describe('lastDayOfMonth', () => {
  it('knows leap years', () => {
    expect(lastDayOfMonth(2028, 2)).toBe(29);
    expect(lastDayOfMonth(2027, 2)).toBe(28);
    expect(lastDayOfMonth(2027, 4)).toBe(30);
  });
});
