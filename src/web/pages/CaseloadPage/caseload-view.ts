/**
 * The caseload's rows as the table shows them, and its sorting and filtering (pure, tested without a browser): one
 * row per client with the latest score per instrument and its trend, the plan's progress, and alert chips.
 *
 * @example
 * const rows = buildCaseloadRows(caseload, (id) => progressById[id], (id) => alertsById[id]);
 * sortCaseloadRows(filterCaseloadRows(rows, { text: 'avery', show: 'all' }), { key: 'attention', descending: true });
 */
import type { ProgressWord } from '../../../domain/progress/summarize-plan-progress.js';
import type { CaseloadRow, ClientProgress, StoredAlert } from '../../api/clients-api.js';
import { clientName } from '../../api/clients-api.js';
import { describeAlert } from '../../lib/describe-alert.js';
import { instrumentLabel } from '../../lib/instrument-label.js';

/**
 * A latest score with its trend: the change since the previous value of the same measure in the plan's series.
 *
 * @example
 * const score: ScoreCell = { instrumentId: 'phq9', label: 'PHQ-9', total: 11, severity: 'moderate', date: '2026-11-26', change: -1 };
 */
export interface ScoreCell {
  readonly instrumentId: string;
  readonly label: string;
  readonly total: number;
  readonly severity: string | null;
  readonly date: string;
  /** Latest minus the previous value (null when there is no earlier value in the plan's series). */
  readonly change: number | null;
}

/**
 * An alert chip.
 *
 * @example
 * const chip: AlertChip = { key: 'critical-item-answered:a:9', label: 'Risk item', tone: 'critical', detail: '…' };
 */
export interface AlertChip {
  readonly key: string;
  readonly label: string;
  readonly tone: 'critical' | 'warning' | 'info';
  readonly detail: string;
}

/**
 * One caseload row. `progress` and `alerts` are undefined while they load.
 *
 * @example
 * row.name // 'Avery, Jordan'
 */
export interface CaseloadViewRow {
  readonly clientId: string;
  readonly name: string;
  readonly recordNumber: string;
  readonly status: CaseloadRow['client']['status'];
  readonly scores: readonly ScoreCell[];
  /** The plan: null when there is none; undefined while loading. */
  readonly plan: { readonly status: string; readonly overall: ProgressWord | null } | null | undefined;
  /** Target counts of the active goals by status (empty without a plan). */
  readonly statusCounts: Readonly<Partial<Record<string, number>>>;
  readonly chips: readonly AlertChip[] | undefined;
}

/** How urgent a progress word is, most urgent highest. */
const WORD_RANK: Readonly<Record<string, number>> = {
  overdue: 6,
  'off-track': 5,
  'no-data': 3,
  'not-started': 2,
  'on-track': 1,
  met: 0,
  'no-targets': 2,
};

function scoreCells(row: CaseloadRow, progress: ClientProgress | undefined): ScoreCell[] {
  return row.latestScores.map((s) => {
    let change: number | null = null;
    if (progress?.progress) {
      // A plan target's series that ends with this very score (an instrument series: no `per`): the value before it.
      const targets = progress.progress.goals.flatMap((g) => [...g.targets, ...g.objectives.flatMap((o) => o.targets)]);
      for (const t of targets) {
        const points = progress.seriesByTargetId[t.targetId] ?? [];
        const latest = points.at(-1);
        const previous = points.at(-2);
        const isScore = latest?.per === undefined || latest.per === null;
        if (latest && previous && isScore && latest.value === s.total && latest.date === s.administeredOn) {
          change = latest.value - previous.value;
          break;
        }
      }
    }
    return {
      instrumentId: s.instrumentId,
      label: instrumentLabel(s.instrumentId),
      total: s.total,
      severity: s.severity,
      date: s.administeredOn,
      change,
    };
  });
}

function chipsOf(
  progress: ClientProgress | undefined,
  alerts: readonly StoredAlert[] | undefined,
): AlertChip[] | undefined {
  if (alerts === undefined || progress === undefined) return undefined;
  const chips: AlertChip[] = alerts
    .filter((a) => a.closure === null)
    .map((a) => {
      const words = describeAlert(a.alert);
      return { key: a.alert.key, label: words.chip, tone: words.tone, detail: words.detail };
    });
  const counts = progress.progress?.statusCounts;
  if (counts && counts.overdue > 0) {
    chips.push({
      key: 'overdue',
      label: `Overdue ${counts.overdue}`,
      tone: 'warning',
      detail: `${counts.overdue} target(s) past their due date and not met`,
    });
  }
  if (counts && counts['off-track'] > 0) {
    chips.push({
      key: 'off-track',
      label: `Off track ${counts['off-track']}`,
      tone: 'warning',
      detail: `${counts['off-track']} target(s) behind the expected line`,
    });
  }
  if (progress.plan && progress.plan.status === 'draft') {
    chips.push({
      key: 'unsigned',
      label: 'Plan unsigned',
      tone: 'info',
      detail: 'The current plan is a draft that has not been signed',
    });
  }
  if (progress.plan === null)
    chips.push({ key: 'no-plan', label: 'No plan', tone: 'info', detail: 'The client has no treatment plan yet' });
  return chips;
}

/**
 * Builds the rows from the caseload page and each client's progress and open alerts (undefined while loading).
 *
 * @example
 * buildCaseloadRows(items, (id) => progress[id], (id) => alerts[id])[0]?.chips // [{ label: 'Risk item', … }]
 */
export function buildCaseloadRows(
  rows: readonly CaseloadRow[],
  progressOf: (clientId: string) => ClientProgress | undefined,
  alertsOf: (clientId: string) => readonly StoredAlert[] | undefined,
): CaseloadViewRow[] {
  return rows.map((row) => {
    const progress = progressOf(row.client.id);
    const alerts = alertsOf(row.client.id);
    return {
      clientId: row.client.id,
      name: clientName(row.client),
      recordNumber: row.client.recordNumber,
      status: row.client.status,
      scores: scoreCells(row, progress),
      plan:
        progress === undefined
          ? undefined
          : progress.plan === null
            ? null
            : { status: progress.plan.status, overall: progress.progress?.overall ?? null },
      statusCounts: progress?.progress?.statusCounts ?? {},
      chips: chipsOf(progress, alerts),
    };
  });
}

/** What the caseload shows. */
export type CaseloadShow = 'all' | 'risk' | 'attention' | 'no-plan';

/**
 * Keeps the rows that match the search text (name or record number) and the "show" choice.
 *
 * @example
 * filterCaseloadRows(rows, { text: 'DEMO-001', show: 'all' }).length // 1
 */
export function filterCaseloadRows(
  rows: readonly CaseloadViewRow[],
  filter: { readonly text: string; readonly show: CaseloadShow },
): CaseloadViewRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (text && !row.name.toLowerCase().includes(text) && !row.recordNumber.toLowerCase().includes(text)) return false;
    switch (filter.show) {
      case 'all':
        return true;
      case 'risk':
        return (row.chips ?? []).some((c) => c.tone === 'critical');
      case 'attention':
        return (row.chips ?? []).some((c) => c.tone !== 'info') || attentionRank(row) >= 5;
      case 'no-plan':
        return row.plan === null;
      default:
        return true;
    }
  });
}

/** Sort keys of the caseload. */
export type CaseloadSortKey = 'name' | 'score' | 'progress' | 'attention';

function attentionRank(row: CaseloadViewRow): number {
  const critical = (row.chips ?? []).filter((c) => c.tone === 'critical').length;
  const warning = (row.chips ?? []).filter((c) => c.tone === 'warning').length;
  const word = row.plan?.overall ? (WORD_RANK[row.plan.overall] ?? 0) : 0;
  return critical * 100 + warning * 10 + word;
}

/**
 * Sorts rows; ties are broken by name so the order is stable.
 *
 * @example
 * sortCaseloadRows(rows, { key: 'attention', descending: true })[0]?.chips?.[0]?.tone // 'critical'
 */
export function sortCaseloadRows(
  rows: readonly CaseloadViewRow[],
  sort: { readonly key: CaseloadSortKey; readonly descending: boolean },
): CaseloadViewRow[] {
  const value = (row: CaseloadViewRow): number | string => {
    switch (sort.key) {
      case 'name':
        return row.name.toLowerCase();
      case 'score':
        return row.scores[0]?.total ?? -1;
      case 'progress':
        return row.plan?.overall ? (WORD_RANK[row.plan.overall] ?? 0) : -1;
      case 'attention':
        return attentionRank(row);
    }
  };
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x < y) return -direction;
    if (x > y) return direction;
    return a.name.localeCompare(b.name);
  });
}
