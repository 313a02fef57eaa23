import { describe, expect, it } from 'vitest';
import { readDeadline } from './read-deadline.js';
import { tokenize } from './tokenize.js';

const today = '2026-09-01';
const read = (text: string) => readDeadline(tokenize(text), 0, today);

describe('readDeadline', () => {
  it.each([
    ['within 16 weeks', 16, 'week'],
    ['within the next 3 months', 3, 'month'],
    ['within a month', 1, 'month'],
    ['within one year', 12, 'month'],
    ['within 90 days', 90, 'day'],
    ['within 6-8 weeks', 8, 'week'],
    ['within 8 weeks of starting treatment', 8, 'week'],
    ['within the first 90 days of treatment', 90, 'day'],
    ['in 6 weeks', 6, 'week'],
    ["in 3 months' time", 3, 'month'],
    ['in 16 wks', 16, 'week'],
    ['over the next 12 weeks', 12, 'week'],
    ['over a 12-week period', 12, 'week'],
    ['over the 12-week programme', 12, 'week'],
    ['during the first 8 weeks', 8, 'week'],
    ['for the next 4 weeks', 4, 'week'],
    ['by week 8', 8, 'week'],
    ['by week eight', 8, 'week'],
    ['by the end of week 8', 8, 'week'],
    ['by the 8th week', 8, 'week'],
    ['by the end of the second month', 2, 'month'],
    ['by session 12', 12, 'session'],
    ['by the twelfth session', 12, 'session'],
    ['by the end of session 12', 12, 'session'],
    ['by month 4', 4, 'month'],
    ['by 12 weeks', 12, 'week'],
    ['in the first session', 1, 'session'],
    ['at week 12', 12, 'week'],
    ['at 16 weeks', 16, 'week'],
    ['at the 3-month review', 3, 'month'],
    ['at the six month review', 6, 'month'],
    ['at 6-month follow-up', 6, 'month'],
    ['by the 6-month review', 6, 'month'],
    ['after 12 weeks of treatment', 12, 'week'],
    ['12 weeks from now', 12, 'week'],
    ['this week', 1, 'week'],
    ['within 12 sessions of CPT', 12, 'session'],
  ])('reads "%s" as %d %s', (text, amount, unit) => {
    expect(read(text)).toMatchObject({ kind: 'relative', amount, unit });
  });

  it.each([
    ['by 31 December 2026', '2026-12-31'],
    ['by 2027-02-15', '2027-02-15'],
    ['by 15/03/2027', '2027-03-15'],
    ['by March 31st, 2027', '2027-03-31'],
    ['by the end of January 2027', '2027-01-31'],
    ['by the end of March', '2027-03-31'],
    ['by the end of the year', '2026-12-31'],
    ['no later than 1 June 2027', '2027-06-01'],
    ['on or before 1 June 2027', '2027-06-01'],
    ['until 30 November 2026', '2026-11-30'],
    ['in June 2027', '2027-06-30'],
    ['by the end of next month', '2026-10-31'],
    ['on 5 June 2027', '2027-06-05'],
    ['by 3/31', '2027-03-31'],
  ])('reads "%s" as the date %s', (text, date) => {
    expect(read(text)).toMatchObject({ kind: 'date', date, valid: true });
  });

  it.each([
    'by discharge',
    'by the end of treatment',
    'at the next review',
    'by the next session',
    'over the course of treatment',
  ])('reads "%s" as a plan milestone', (text) => {
    expect(read(text)?.kind).toBe('milestone');
  });

  it.each([
    'for 30 days',
    'for 8 consecutive weeks',
    'for at least 2 weeks',
    'within 2 days of a trigger',
    'every 2 weeks',
  ])('reads "%s" as a duration, not a deadline', (text) => {
    expect(read(text)?.kind).toBe('duration');
  });

  it.each([
    'within 30 minutes',
    'for 30 minutes',
    'by 10 points',
    'by increasing activities',
    'in the morning',
    'at least 5',
  ])('does not read "%s" as a time phrase', (text) => {
    expect(read(text)).toBeNull();
  });

  it('reads an adjective time as a duration ("an 8-week course")', () => {
    expect(readDeadline(tokenize('an 8-week course'), 1, today)?.kind).toBe('duration');
  });

  it('does not read "3 times in 2 weeks" as a deadline', () => {
    expect(readDeadline(tokenize('3 times in 2 weeks'), 2, today)?.kind).toBe('duration');
  });
});
