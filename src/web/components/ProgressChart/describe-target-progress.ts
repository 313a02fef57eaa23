/**
 * The plain-language status line of a target (DESIGN 2.4, issue 6): the computed status and the rule that decided it,
 * with its numbers, e.g. "off track: 3.5 points above the expected line at week 6". Reads only the decision the
 * domain's `computeTargetStatus` returned, so the words always match the rule that was applied.
 *
 * @example
 * describeTargetProgress(progress) // 'off track: 3.5 points above the expected line at week 6'
 * describeTargetProgress(progress, { unit: 'panic attacks per week' }) // 'on track: 0.5 panic attacks per week below …'
 */
import type { TargetProgress, TargetStatus } from '../../../domain/progress/target-status.js';
import { comparatorSymbol, formatDate, formatNumber, plural } from '../../lib/format.js';

/**
 * How the values are counted: `points` (the default, for instruments), or a behaviour's unit in words.
 *
 * @example
 * const units: ProgressUnits = { unit: 'panic attacks per week' };
 */
export interface ProgressUnits {
  /** Plural noun of the values; "points" gives "1 point" / "3 points". */
  readonly unit?: string;
}

/**
 * Status words as shown in badges and status lines.
 *
 * @example
 * STATUS_WORDS['off-track'] // 'off track'
 */
export const STATUS_WORDS: Readonly<Record<TargetStatus, string>> = {
  met: 'met',
  'on-track': 'on track',
  'off-track': 'off track',
  'not-started': 'not started',
  overdue: 'overdue',
  'no-data': 'no data',
};

function amount(value: number, units: ProgressUnits): string {
  const unit = units.unit ?? 'points';
  if (unit === 'points') return plural(value, 'point');
  return `${formatNumber(value)} ${unit}`;
}

function days(count: number): string {
  return plural(count, 'day');
}

/**
 * The status line.
 *
 * @example
 * describeTargetProgress({ status: 'met', decision: { rule: 'goal-met', data: { latest: 8, latestDate: '2026-12-01',
 *   goalValue: 9, comparator: '<=' } }, … }) // 'met: latest 8 on 1 Dec 2026 meets the target ≤ 9'
 */
export function describeTargetProgress(
  progress: Pick<TargetProgress, 'status' | 'decision'>,
  units: ProgressUnits = {},
): string {
  const word = STATUS_WORDS[progress.status];
  const d = progress.decision;
  switch (d.rule) {
    case 'before-start':
      return `${word}: starts on ${formatDate(d.data.startDate)} (in ${days(d.data.daysUntilStart)})`;
    case 'no-baseline-or-values':
      return `${word}: no baseline and nothing measured yet`;
    case 'reliable-change-threshold-unknown':
      return `${word}: this measure has no reliable-change threshold, so a reliable-improvement goal cannot be judged`;
    case 'improvement-direction-unknown':
      return `${word}: the target holds a value (direction "maintain"), so improvement is not defined`;
    case 'due-date-passed-without-measurement':
      return `${word}: nothing measured since the start; due ${formatDate(d.data.dueDate)} (${days(d.data.daysOverdue)} ago)`;
    case 'no-measurement-since-start':
      return `${word}: nothing measured since the start ${days(d.data.daysSinceStart)} ago`;
    case 'goal-met':
      return `${word}: latest ${formatNumber(d.data.latest)} on ${formatDate(d.data.latestDate)} meets the target ${comparatorSymbol(d.data.comparator)} ${formatNumber(d.data.goalValue)}`;
    case 'due-date-passed':
      return `${word}: latest ${formatNumber(d.data.latest)} has not reached the target ${comparatorSymbol(d.data.comparator)} ${formatNumber(d.data.goalValue)}; due ${formatDate(d.data.dueDate)} (${days(d.data.daysOverdue)} ago)`;
    case 'held-goal-lost':
      return `${word}: latest ${formatNumber(d.data.latest)} no longer meets the target ${comparatorSymbol(d.data.comparator)} ${formatNumber(d.data.goalValue)} that the baseline ${formatNumber(d.data.baseline)} met`;
    case 'behind-expected-trajectory':
    case 'on-expected-trajectory': {
      const { worseBy, better, week, tolerance } = d.data;
      const distance = Math.abs(worseBy);
      if (Math.round(distance * 10) === 0) return `${word}: on the expected line at week ${week}`;
      const side = better === 'nearer' ? 'away from' : worseBy > 0 === (better === 'lower') ? 'above' : 'below';
      const line = `${word}: ${amount(distance, units)} ${side} the expected line at week ${week}`;
      if (d.rule === 'on-expected-trajectory' && worseBy > 0) {
        return `${line}, within the tolerance of ${amount(tolerance, units)}`;
      }
      return line;
    }
  }
}
