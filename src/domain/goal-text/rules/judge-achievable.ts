/**
 * Achievable (only with a client context). For each target with a value:
 * - the baseline is the stated one, else the client's latest score on the instrument;
 * - the target must lie within the instrument's range, and a change must not go past its floor or ceiling
 *   (`goal-target-past-floor`); a target below the floor ("PHQ-9 < 0") cannot be reached;
 * - when the instrument has a usual change per week (only when sourced; none today, see reference/measures.md), the
 *   change needed per week to the deadline must not exceed it (`goal-change-too-fast`);
 * - a dated deadline must lie after today.
 * Met when every target passes; not met when one fails; null when there is no value to judge or an instrument target
 * has no baseline at all.
 *
 * @example
 * judgeAchievable(reading, deadline, { today, context: { latestScores: { phq9: 8 } } }).verdict.met; // false for "reduce PHQ-9 by 10 points"
 */
import { daysBetween } from '../../shared/calendar-date.js';
import type { GoalContext, GoalTextDeadline, GoalTextFinding } from '../goal-analysis.js';
import { makeFinding } from '../make-finding.js';
import type { ClauseReading, TargetsReading } from '../read-targets.js';
import { rangeOf } from './check-target-values.js';
import type { Judgement } from './judge-specific.js';

interface ClauseVerdict {
  readonly ok: boolean | null;
  readonly reason: string;
}

function judgeClause(
  clause: ClauseReading,
  deadline: GoalTextDeadline | null,
  options: { readonly today: string; readonly context: GoalContext },
  findings: GoalTextFinding[],
): ClauseVerdict {
  const target = clause.target;
  const goal = target.target;
  const instrument = clause.instrument;
  if (goal === null) {
    return clause.task
      ? { ok: true, reason: `"${target.behavior ?? 'the task'}" is a defined task` }
      : { ok: null, reason: 'no value to reach' };
  }
  const latest = target.measure === null ? undefined : options.context.latestScores?.[target.measure];
  const baseline = target.baseline?.value ?? latest ?? null;
  if (instrument === null) {
    if (goal.kind === 'absolute' && (goal.value < 0 || (goal.value === 0 && goal.comparator === '<'))) {
      return { ok: false, reason: `a count cannot go below 0` };
    }
    if (goal.kind === 'change-percent' && goal.changePercent < -100)
      return { ok: false, reason: 'a reduction of more than 100%' };
    if (goal.kind === 'change' && baseline !== null && baseline + goal.change < 0) {
      return { ok: false, reason: `a change of ${goal.change} from ${baseline} goes below 0` };
    }
    return { ok: true, reason: `nothing in the text puts ${target.behavior ?? 'the target'} out of reach` };
  }
  const name = instrument.shortName;
  const range = rangeOf(instrument, target.subscale);
  if (goal.kind === 'absolute') {
    if (
      goal.value < range.min ||
      goal.value > range.max ||
      (goal.comparator === '<' && goal.value <= range.min) ||
      (goal.comparator === '>' && goal.value >= range.max)
    ) {
      return {
        ok: false,
        reason: `${name} ${goal.comparator} ${goal.value} is outside its range ${range.min}–${range.max}`,
      };
    }
  }
  if (baseline === null) return { ok: null, reason: `needs the client's ${name} baseline` };
  let end: number | null = null;
  let change: number | null = null;
  if (goal.kind === 'absolute') end = goal.value;
  if (goal.kind === 'change' || (goal.kind === 'reliable-improvement' && goal.change !== null)) change = goal.change;
  if (goal.kind === 'change-percent') change = (baseline * goal.changePercent) / 100;
  if (change !== null) {
    end = baseline + change;
    if (end < range.min || end > range.max || (goal.kind === 'change-percent' && goal.changePercent < -100)) {
      findings.push(
        makeFinding(
          'goal-target-past-floor',
          'error',
          { value: baseline, change, measure: name, min: range.min, max: range.max },
          clause.span,
        ),
      );
      return {
        ok: false,
        reason: `from ${baseline}, a change of ${change} goes past the ${name} range ${range.min}–${range.max}`,
      };
    }
  }
  const typical = instrument.typicalChangePerWeek;
  if (typical !== null && typical > 0 && end !== null && deadline !== null && deadline.dueDate !== null) {
    const start = options.context.startDate ?? options.today;
    const weeks = daysBetween(start, deadline.dueDate) / 7;
    if (weeks > 0) {
      const perWeek = Math.abs(end - baseline) / weeks;
      if (perWeek > typical) {
        const rounded = Math.round(perWeek * 10) / 10;
        findings.push(
          makeFinding(
            'goal-change-too-fast',
            'warning',
            { perWeek: rounded, typical, measure: name, weeks },
            clause.span,
          ),
        );
        return { ok: false, reason: `needs ${rounded} ${name} points a week, more than the usual ${typical}` };
      }
    }
  }
  const source = target.baseline === null ? `latest ${name} ${baseline}` : `baseline ${baseline}`;
  return { ok: true, reason: `${name} target is within its range from the ${source}` };
}

/**
 * Judges Achievable when a client context is given; null without one.
 *
 * @example
 * judgeAchievable(reading, null, { today: '2026-09-01' }).verdict.met; // null
 */
export function judgeAchievable(
  reading: TargetsReading,
  deadline: GoalTextDeadline | null,
  options: { readonly today: string; readonly context?: GoalContext },
): Judgement {
  const context = options.context;
  if (context === undefined) {
    return {
      verdict: { met: null, reason: "Needs the client's baseline and the time to the deadline." },
      findings: [],
    };
  }
  const findings: GoalTextFinding[] = [];
  const verdicts = reading.clauses.map((clause) => ({
    clause,
    verdict: judgeClause(clause, deadline, { today: options.today, context }, findings),
  }));
  if (deadline?.kind === 'date' && deadline.date <= options.today) {
    return { verdict: { met: false, reason: `The deadline ${deadline.date} has passed.` }, findings };
  }
  const failed = verdicts.filter((v) => v.verdict.ok === false);
  if (failed.length > 0) {
    return {
      verdict: {
        met: false,
        reason: `Not achievable: ${failed.map((v) => v.verdict.reason).join('; ')}.`,
        spans: failed.map((v) => v.clause.span),
      },
      findings,
    };
  }
  const judged = verdicts.filter((v) => v.verdict.ok === true);
  const unknown = verdicts.filter((v) => v.verdict.ok === null && v.clause.hasGoal);
  if (judged.length === 0 || unknown.length > 0) {
    const reason = unknown[0]?.verdict.reason ?? 'there is no target value to judge';
    return { verdict: { met: null, reason: `Cannot judge: ${reason}.` }, findings };
  }
  return {
    verdict: {
      met: true,
      reason: `${capitalise(judged.map((v) => v.verdict.reason).join('; '))}.`,
      spans: judged.map((v) => v.clause.span),
    },
    findings,
  };
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
