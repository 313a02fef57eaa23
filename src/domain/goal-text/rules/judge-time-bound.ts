/**
 * Time-bound: the goal says when it is due — an amount of time from the start ("within 16 weeks", "by week 8",
 * "by session 12", "at the 3-month review"), a calendar date ("by 31 March 2027"), or a plan milestone without a
 * date ("by discharge", "at the next review"; time-bound, but `goal-deadline-not-dated`). Durations are not deadlines:
 * "walk for 30 minutes", "fall asleep within 30 minutes of going to bed", "for 4 consecutive weeks".
 * The first deadline in the text is the goal's deadline.
 *
 * @example
 * judgeTimeBound(reading, text, { today: '2026-09-01' }).deadline; // { kind: 'relative', amount: 16, unit: 'week', dueDate: '2026-12-22' }
 */
import { addDays, addMonths } from '../../shared/calendar-date.js';
import type { CriterionVerdict, GoalContext, GoalTextDeadline, GoalTextFinding } from '../goal-analysis.js';
import { makeFinding } from '../make-finding.js';
import type { DeadlineMention, TargetsReading } from '../read-targets.js';

/** The Time-bound verdict, the deadline and the findings. */
export interface TimeBoundJudgement {
  readonly verdict: CriterionVerdict;
  readonly deadline: GoalTextDeadline | null;
  readonly findings: readonly GoalTextFinding[];
}

/**
 * The date a relative deadline falls on, counted from `start`; null for sessions without a session rate.
 *
 * @example
 * dueDateOf(16, 'week', '2026-09-01', undefined); // '2026-12-22'
 */
export function dueDateOf(
  amount: number,
  unit: 'day' | 'week' | 'month' | 'session',
  start: string,
  sessionsPerWeek: number | undefined,
): string | null {
  switch (unit) {
    case 'day':
      return addDays(start, Math.round(amount));
    case 'week':
      return addDays(start, Math.round(amount * 7));
    case 'month': {
      const whole = Math.floor(amount);
      const date = addMonths(start, whole);
      return amount === whole ? date : addDays(date, Math.round((amount - whole) * 30));
    }
    case 'session':
      return sessionsPerWeek === undefined || !(sessionsPerWeek > 0)
        ? null
        : addDays(start, Math.round((amount / sessionsPerWeek) * 7));
  }
}

function plural(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/**
 * Judges Time-bound and resolves the deadline.
 *
 * @example
 * judgeTimeBound(reading, 'Attend work five days a week.', { today: '2026-09-01' }).verdict.met; // false
 */
export function judgeTimeBound(
  reading: TargetsReading,
  text: string,
  options: { readonly today: string; readonly context?: GoalContext },
): TimeBoundJudgement {
  const start = options.context?.startDate ?? options.today;
  const findings: GoalTextFinding[] = [];
  let deadline: GoalTextDeadline | null = null;
  let milestone: DeadlineMention | null = null;
  let invalid: DeadlineMention | null = null;
  for (const mention of reading.deadlines) {
    const r = mention.reading;
    if (r.kind === 'milestone') {
      milestone = milestone ?? mention;
      continue;
    }
    if (r.kind === 'date' && !r.valid) {
      invalid = invalid ?? mention;
      continue;
    }
    if (deadline !== null) continue;
    if (r.kind === 'relative') {
      deadline = {
        kind: 'relative',
        amount: r.amount,
        unit: r.unit,
        dueDate: dueDateOf(r.amount, r.unit, start, options.context?.sessionsPerWeek),
        spans: [mention.span],
      };
    } else if (r.kind === 'date') {
      deadline = { kind: 'date', date: r.date, dueDate: r.date, spans: [mention.span] };
      if (r.date <= options.today)
        findings.push(makeFinding('goal-deadline-passed', 'warning', { date: r.date }, mention.span));
    }
  }
  if (invalid !== null) {
    findings.push(
      makeFinding(
        'goal-invalid-date',
        'error',
        { words: text.slice(invalid.span.start, invalid.span.end) },
        invalid.span,
      ),
    );
  }
  if (deadline !== null) {
    const reason =
      deadline.kind === 'relative'
        ? `Due ${deadline.unit === 'session' ? `by session ${deadline.amount}` : `within ${plural(deadline.amount, deadline.unit)}`}${deadline.dueDate === null ? '' : ` (${deadline.dueDate})`}.`
        : `Due by ${deadline.date}.`;
    return { verdict: { met: true, reason, spans: deadline.spans ?? [] }, deadline, findings };
  }
  if (milestone !== null) {
    const words = text.slice(milestone.span.start, milestone.span.end);
    findings.push(makeFinding('goal-deadline-not-dated', 'info', { words }, milestone.span));
    return {
      verdict: { met: true, reason: `Due ${words} (a plan milestone without a date).`, spans: [milestone.span] },
      deadline: null,
      findings,
    };
  }
  if (invalid === null) findings.push(makeFinding('goal-missing-deadline', 'warning', {}));
  const reason = invalid !== null ? 'The deadline is not a real calendar date.' : 'No deadline is given.';
  return { verdict: { met: false, reason }, deadline: null, findings };
}
