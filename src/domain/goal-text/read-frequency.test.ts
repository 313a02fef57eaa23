import { describe, expect, it } from 'vitest';
import { periodOf, readFrequency } from './read-frequency.js';
import { tokenize } from './tokenize.js';

describe('readFrequency', () => {
  it.each([
    ['/week', 'week', null],
    ['/wk', 'week', null],
    ['/day', 'day', null],
    ['per week', 'week', null],
    ['per night', 'day', null],
    ['a week', 'week', null],
    ['a month', 'month', null],
    ['each week', 'week', 1],
    ['every day', 'day', 1],
    ['every morning', 'day', 1],
    ['weekly', 'week', 1],
    ['daily', 'day', 1],
    ['nightly', 'day', 1],
    ['monthly', 'month', 1],
    ['each workday', 'week', 5],
    ['every working day', 'week', 5],
    ['on weekdays', 'week', 5],
    ['every weekend', 'week', 1],
    ['out of 7 days', 'week', null],
    ['out of seven', 'week', null],
    ['in a day', 'day', null],
  ])('reads "%s" as per %s (count %s)', (text, per, count) => {
    expect(readFrequency(tokenize(text), 0)).toMatchObject({ per, count });
  });

  it('reads "twice daily" as once per day after the count word', () => {
    expect(readFrequency(tokenize('twice daily'), 1)).toEqual({ per: 'day', count: 1, end: 2 });
  });

  it('does not read "an evening class" as a frequency', () => {
    expect(readFrequency(tokenize('an evening class'), 0)).toBeNull();
  });

  it('returns null for words that are not frequencies', () => {
    expect(readFrequency(tokenize('within 8 weeks'), 0)).toBeNull();
  });
});

describe('periodOf', () => {
  it('names the period of a period word', () => {
    expect(periodOf('night')).toBe('day');
    expect(periodOf('wk')).toBe('week');
    expect(periodOf('session')).toBeUndefined();
  });
});
