import { classifyReliableChange } from '../../domain/progress/reliable-change.js';
import type { SeriesPoint } from '../../domain/progress/series-point.js';
import { type PlanProgress, summarizePlanProgress } from '../../domain/progress/summarize-plan-progress.js';
import type { TargetProgress, TargetStatusDecision } from '../../domain/progress/target-status.js';
import type { CalendarDate } from '../../domain/shared/calendar-date.js';
import type { Goal } from '../../domain/treatment-plans/goal.js';
import type { Target } from '../../domain/treatment-plans/target.js';
import { getMeasure } from '../../measures/registry.js';
import type { ClientRecord } from '../client-record.js';
import { recordTargetSeries } from '../record-target-series.js';
import type { ChartBlock, DocumentBlock, DocumentModel } from './document-model.js';
import { describeTargetGoal, describeTargetMeasure } from './treatment-plan-document.js';

/**
 * What a progress report is built from: the client's record (with its current plan; all its administrations and
 * logs, not only the period's, so baselines before the period count) and the reporting period.
 *
 * @example
 * const input: ProgressReportInput = { record, from: '2026-09-01', to: '2026-11-26' };
 */
export interface ProgressReportInput {
  readonly record: ClientRecord;
  /** First day of the period, or null for "since the plan's start". */
  readonly from: CalendarDate | null;
  /** Last day of the period: the statuses are judged as of this day. */
  readonly to: CalendarDate;
}

const STATUS_TEXT: Readonly<Record<TargetProgress['status'], string>> = {
  met: 'met',
  'on-track': 'on track',
  'off-track': 'off track',
  'not-started': 'not started',
  overdue: 'overdue',
  'no-data': 'no data',
};

/**
 * The progress report (DESIGN 2.7) of the client's current plan, judged as of `to` with the same rules as the
 * progress endpoint (summarizePlanProgress): per goal, and per target of the goal and of its
 * objectives, the baseline, the latest value, the change, the reliable-change flag, the status with the rule that
 * decided it, the expected trajectory, a chart (values, expected line, goal line) and the values of the period.
 * Throws when the record has no plan (the caller checks first).
 *
 * @example
 * const doc = buildProgressReportDocument({ record, from: null, to: '2026-11-26' });
 * doc.blocks.some((b) => b.kind === 'chart'); // true
 */
export function buildProgressReportDocument(input: ProgressReportInput): DocumentModel {
  const { record } = input;
  const plan = record.plan;
  if (!plan) throw new Error('buildProgressReportDocument: the record has no plan');
  const seriesByTargetId = recordTargetSeries(record);
  const progress = summarizePlanProgress(plan.goals, seriesByTargetId, { today: input.to, instruments: getMeasure });
  const c = record.client;
  const from = input.from ?? plan.establishedDate;
  const counts = Object.entries(progress.statusCounts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${STATUS_TEXT[status as TargetProgress['status']]}`)
    .join(', ');
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: 'Client' },
    {
      kind: 'fields',
      rows: [
        ['Name', `${c.givenName} ${c.familyName}`],
        ['Record number', c.recordNumber],
        ['Date of birth', c.dateOfBirth ?? 'not recorded'],
      ],
    },
    { kind: 'heading', level: 1, text: 'Report' },
    {
      kind: 'fields',
      rows: [
        ['Period', `${from} to ${input.to}`],
        ['Plan', `version ${plan.version}, established ${plan.establishedDate}`],
        ['Overall progress', `${overallText(progress.overall)}${counts ? ` (targets: ${counts})` : ''}`],
        [
          'How status is judged',
          'Each target is compared with its expected trajectory, a straight line from the baseline at the start ' +
            'date to the goal at the due date; a reliable change is a change of at least the instrument’s ' +
            'reliable-change threshold.',
        ],
      ],
    },
  ];
  for (const goal of plan.goals) {
    const goalProgress = progress.goals.find((g) => g.goalId === goal.id);
    blocks.push(
      { kind: 'heading', level: 1, text: `Goal ${goal.position}` },
      {
        kind: 'fields',
        rows: [
          ['In the client’s words', goal.clientWords ?? 'not recorded'],
          ['Clinical statement', goal.statement],
          ['Goal status', goal.status],
          ['Progress', goalProgress ? overallText(goalProgress.overall) : 'no targets'],
        ],
      },
    );
    const targets: { label: string; target: Target }[] = [
      ...goal.targets.map((t) => ({ label: `Goal ${goal.position}`, target: t })),
      ...goal.objectives.flatMap((o) =>
        o.targets.map((t) => ({ label: `Objective ${goal.position}.${o.position}`, target: t })),
      ),
    ];
    if (targets.length === 0) blocks.push({ kind: 'paragraph', text: 'This goal has no measurable target.' });
    for (const { label, target } of targets) {
      const tp = findTargetProgress(progress, goal, target.id);
      blocks.push(...targetBlocks(label, target, tp, record, seriesByTargetId[target.id] ?? [], from, input.to));
    }
  }
  return {
    title: 'Progress report',
    subtitle: record.practiceName,
    footer: `${c.recordNumber} · progress report ${from} to ${input.to} · plan version ${plan.version}`,
    blocks,
  };
}

function overallText(word: string): string {
  return word.replace(/-/g, ' ');
}

function findTargetProgress(progress: PlanProgress, goal: Goal, targetId: string): TargetProgress | null {
  const g = progress.goals.find((x) => x.goalId === goal.id);
  if (!g) return null;
  return (
    g.targets.find((t) => t.targetId === targetId) ??
    g.objectives.flatMap((o) => o.targets).find((t) => t.targetId === targetId) ??
    null
  );
}

/** A number as printed: at most one decimal. */
function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function signed(n: number): string {
  return n > 0 ? `+${num(n)}` : num(n);
}

function reliableChangeText(target: Target, tp: TargetProgress | null): string {
  if (target.measure.kind !== 'instrument') return 'not applicable (not a standardised instrument)';
  const def = getMeasure(target.measure.instrumentId);
  if (!def || def.reliableChangeThreshold === null || target.measure.subscale !== undefined) {
    return 'no sourced reliable-change threshold for this measure';
  }
  if (!tp?.baseline || !tp.latest) return 'not yet known';
  const flag = classifyReliableChange(def, tp.baseline.value, tp.latest.value);
  const threshold = `threshold ${def.reliableChangeThreshold} points`;
  switch (flag) {
    case 'improvement':
      return `reliable improvement (${threshold})`;
    case 'deterioration':
      return `reliable deterioration (${threshold})`;
    default:
      return `no reliable change (${threshold})`;
  }
}

/** The status with the rule that decided it, in words. */
function statusText(tp: TargetProgress): string {
  const d: TargetStatusDecision = tp.decision;
  const status = STATUS_TEXT[tp.status];
  switch (d.rule) {
    case 'goal-met':
      return `${status}: the latest value ${num(d.data.latest)} (${d.data.latestDate}) satisfies the goal`;
    case 'behind-expected-trajectory':
    case 'on-expected-trajectory': {
      const where =
        d.data.worseBy > 0
          ? `${num(d.data.worseBy)} behind the expected ${num(d.data.expected)}`
          : `${num(-d.data.worseBy)} ahead of the expected ${num(d.data.expected)}`;
      return `${status}: ${num(d.data.latest)} at week ${d.data.week} is ${where} (tolerance ${num(d.data.tolerance)})`;
    }
    case 'due-date-passed':
      return `${status}: the due date ${d.data.dueDate} passed ${d.data.daysOverdue} days ago and the goal is not met`;
    case 'due-date-passed-without-measurement':
      return `${status}: the due date ${d.data.dueDate} passed with no measurement since the start`;
    case 'held-goal-lost':
      return `${status}: the baseline met the goal and the latest value ${num(d.data.latest)} no longer does`;
    case 'before-start':
      return `${status}: the target starts on ${d.data.startDate}`;
    case 'no-measurement-since-start':
      return `${status}: nothing measured since the start date ${d.data.startDate}`;
    default:
      return `${status} (${d.rule.replace(/-/g, ' ')})`;
  }
}

function targetBlocks(
  label: string,
  target: Target,
  tp: TargetProgress | null,
  record: ClientRecord,
  series: readonly SeriesPoint[],
  from: CalendarDate,
  to: CalendarDate,
): DocumentBlock[] {
  const name = describeTargetMeasure(target, record);
  const per = target.per ? ` per ${target.per}` : '';
  const trajectory = tp?.expectedTrajectory;
  const facts: DocumentBlock[] = [
    { kind: 'heading', level: 2, text: `${label} target: ${name}` },
    {
      kind: 'fields',
      rows: [
        ['Target', `${describeTargetGoal(target)} by ${target.dueDate} (started ${target.startDate})`],
        [
          'Baseline',
          tp?.baseline
            ? `${num(tp.baseline.value)}${per}${tp.baseline.date ? ` on ${tp.baseline.date}` : ''}`
            : 'not yet known',
        ],
        ['Latest', tp?.latest ? `${num(tp.latest.value)}${per} on ${tp.latest.date}` : 'no value yet'],
        ['Change', tp?.change !== null && tp?.change !== undefined ? `${signed(tp.change)} from baseline` : '—'],
        ['Reliable change', reliableChangeText(target, tp)],
        ['Status', tp ? statusText(tp) : 'not judged'],
        [
          'Expected trajectory',
          trajectory
            ? `${num(trajectory.from.value)} on ${trajectory.from.date} to ${num(trajectory.to.value)} on ${trajectory.to.date}` +
              (tp?.expected !== null && tp?.expected !== undefined
                ? `; expected at the latest value: ${num(tp.expected)}`
                : '')
            : 'none (no baseline or goal on the scale)',
        ],
      ],
    },
  ];
  const points = [...series].filter((p) => p.date >= from && p.date <= to).sort((a, b) => a.date.localeCompare(b.date));
  if (points.length === 0) {
    return [...facts, { kind: 'paragraph', text: 'No value recorded in the period.' }];
  }
  const blocks: DocumentBlock[] = [{ kind: 'group', blocks: [...facts, chartOf(target, name, tp, points, from, to)] }];
  blocks.push({
    kind: 'table',
    columns: ['Date', `Value${per}`, 'Expected'],
    widths: [2, 2, 2],
    rows: points.map((p) => [
      p.date,
      num(p.value),
      trajectory ? num(valueOnLine(trajectory.from, trajectory.to, p.date)) : '—',
    ]),
  });
  return blocks;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function valueOnLine(a: { date: string; value: number }, b: { date: string; value: number }, date: string): number {
  const x0 = dayNumber(a.date);
  const x1 = dayNumber(b.date);
  const x = dayNumber(date);
  if (x <= x0 || x1 === x0) return a.value;
  if (x >= x1) return b.value;
  return a.value + ((b.value - a.value) * (x - x0)) / (x1 - x0);
}

/** The expected line (flat before its start and after its due date) between two axis dates, as a polyline. */
function clipLine(
  a: { date: string; value: number },
  b: { date: string; value: number },
  start: string,
  end: string,
): { date: string; value: number }[] {
  const dates = [start, a.date, b.date, end].filter((d) => d >= start && d <= end).sort();
  return [...new Set(dates)].map((date) => ({ date, value: valueOnLine(a, b, date) }));
}

/** A rounded-up upper bound for the y axis ("nice" steps). */
function niceCeil(n: number): number {
  if (n <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= n) return m * step;
  return 10 * step;
}

function chartOf(
  target: Target,
  name: string,
  tp: TargetProgress | null,
  points: readonly SeriesPoint[],
  from: CalendarDate,
  to: CalendarDate,
): ChartBlock {
  const def =
    target.measure.kind === 'instrument' && target.measure.subscale === undefined
      ? getMeasure(target.measure.instrumentId)
      : undefined;
  const trajectory = tp?.expectedTrajectory ?? null;
  const goalValue = tp?.goal?.value ?? null;
  const values = [
    ...points.map((p) => p.value),
    ...(trajectory ? [trajectory.from.value, trajectory.to.value] : []),
    ...(goalValue !== null ? [goalValue] : []),
  ];
  const yMin = def ? def.range.min : Math.min(0, ...values);
  const yMax = def ? def.range.max : niceCeil(Math.max(...values) * 1.1);
  const start = [from, points[0]?.date ?? from].sort()[0] ?? from;
  return {
    kind: 'chart',
    caption: `${name}: measured values (solid), expected trajectory (dashed)${goalValue !== null ? `, goal ${num(goalValue)} (dotted)` : ''}`,
    fromDate: start,
    toDate: to,
    yMin,
    yMax,
    points: points.map((p) => ({ date: p.date, value: p.value })),
    expected: trajectory ? clipLine(trajectory.from, trajectory.to, start, to) : null,
    goalValue,
  };
}
