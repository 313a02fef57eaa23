import { describe, expect, it } from 'vitest';
import { readForTest } from '../testing/read-for-test.js';
import { dueDateOf, judgeTimeBound } from './judge-time-bound.js';

const judge = (text: string, context?: { startDate?: string; sessionsPerWeek?: number }) =>
  judgeTimeBound(
    readForTest(text),
    text,
    context === undefined ? { today: '2026-09-01' } : { today: '2026-09-01', context },
  );

describe('judgeTimeBound', () => {
  it('resolves a relative deadline from today', () => {
    const { verdict, deadline } = judge('Lower GAD-7 to 7 within 12 weeks.');
    expect(verdict.met).toBe(true);
    expect(deadline).toMatchObject({ kind: 'relative', amount: 12, unit: 'week', dueDate: '2026-11-24' });
  });

  it('resolves a relative deadline from the goal start when given', () => {
    expect(judge('Lower GAD-7 to 7 within 4 weeks.', { startDate: '2026-10-01' }).deadline).toMatchObject({
      dueDate: '2026-10-29',
    });
  });

  it('dates a session deadline only with a session rate', () => {
    expect(judge('Complete the hierarchy by session 12.').deadline).toMatchObject({ unit: 'session', dueDate: null });
    expect(judge('Complete the hierarchy by session 12.', { sessionsPerWeek: 1 }).deadline).toMatchObject({
      dueDate: '2026-11-24',
    });
  });

  it('finds no deadline in a duration', () => {
    const { verdict, findings } = judge('Walk for 30 minutes 3 times a week.');
    expect(verdict.met).toBe(false);
    expect(findings.map((f) => f.code)).toEqual(['goal-missing-deadline']);
  });

  it('accepts a plan milestone and asks for a date', () => {
    const { verdict, deadline, findings } = judge('Return to work by discharge.');
    expect(verdict.met).toBe(true);
    expect(deadline).toBeNull();
    expect(findings[0]).toMatchObject({ code: 'goal-deadline-not-dated', severity: 'info' });
  });

  it('warns about a deadline that has passed', () => {
    expect(judge('Return to work by 1 March 2026.').findings[0]?.code).toBe('goal-deadline-passed');
  });

  it('rejects a date that does not exist', () => {
    const { verdict, findings } = judge('Return to work by 30 February 2027.');
    expect(verdict.met).toBe(false);
    expect(findings.map((f) => f.code)).toEqual(['goal-invalid-date']);
  });
});

describe('dueDateOf', () => {
  it('adds days, weeks, months and sessions', () => {
    expect(dueDateOf(10, 'day', '2026-09-01', undefined)).toBe('2026-09-11');
    expect(dueDateOf(2, 'week', '2026-09-01', undefined)).toBe('2026-09-15');
    expect(dueDateOf(6, 'month', '2026-08-31', undefined)).toBe('2027-02-28');
    expect(dueDateOf(6, 'session', '2026-09-01', 2)).toBe('2026-09-22');
  });
});
