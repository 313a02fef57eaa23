/**
 * Which alerts are open for a client today (issue 3 part 6). Pure: administrations, measurement dates, the plan's
 * progress, acknowledgements, settings and today come in; the open alerts come out, most urgent first.
 * docs/progress-rules.md §7 states each rule with its source.
 *
 * @example
 * computeOpenAlerts({ today: '2026-10-14', administrations: [{ id: 'adm-7', instrumentId: 'phq9', date: '2026-10-13',
 *   total: 14, flags: [{ code: 'critical-item', item: 9 }] }], acknowledgements: [], goals: [], progress: null,
 *   treatmentStartedOn: '2026-09-01', instruments: getMeasure })
 * // [{ code: 'critical-item-answered', severity: 'critical', closing: 'recorded-action', … }]
 */

import { classifyReliableChange } from '../progress/reliable-change.js';
import type { PlanProgress } from '../progress/summarize-plan-progress.js';
import type { TargetProgress } from '../progress/target-status.js';
import type { MeasureDefinition } from '../scoring/measure-definition.js';
import { addDays, type CalendarDate, daysBetween } from '../shared/calendar-date.js';
import type { Goal } from '../treatment-plans/goal.js';
import { type Alert, AlertCode, type AlertSubject, alertKey, type TargetSubject } from './alert.js';
import { type AlertAcknowledgement, isClosedBy } from './close-alert.js';

/**
 * One completed questionnaire as the alert rules need it: the total and the scoring flags
 * (`critical-item`, `critical-item-missing`, as in a `MeasureScore`).
 *
 * @example
 * const administration: AdministrationRecord = { id: 'adm-7', instrumentId: 'phq9', date: '2026-10-13', total: 14, flags: [{ code: 'critical-item', item: 9 }] };
 */
export interface AdministrationRecord {
  readonly id: string;
  readonly instrumentId: string;
  readonly date: CalendarDate;
  /** The total, or null when the instrument has none (DASS-21). */
  readonly total: number | null;
  readonly flags: readonly { readonly code: string; readonly item: number }[];
}

/**
 * The fields of an instrument definition the reliable-change rules need (a `MeasureDefinition` fits).
 *
 * @example
 * const phq9: ReliableChangeInstrument = { reliableChangeThreshold: 6, direction: 'lower-is-better' };
 */
export type ReliableChangeInstrument = Pick<MeasureDefinition, 'reliableChangeThreshold' | 'direction'>;

/**
 * Finds an instrument by id (the registry's `getMeasure` fits).
 *
 * @example
 * const lookup: ReliableChangeLookup = (id) => (id === 'phq9' ? phq9 : undefined);
 */
export type ReliableChangeLookup = (instrumentId: string) => ReliableChangeInstrument | null | undefined;

/**
 * Practice settings of the alert rules.
 *
 * @example
 * const settings: AlertSettings = { noMeasureWeeks: 6 };
 */
export interface AlertSettings {
  /** Weeks without any measurement, while in treatment, before `no-recent-measure` opens (default 4). */
  readonly noMeasureWeeks: number;
}

/**
 * The product default of the alert settings.
 *
 * @example
 * DEFAULT_ALERT_SETTINGS.noMeasureWeeks // 4
 */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { noMeasureWeeks: 4 };

/**
 * Everything the alert rules look at for one client.
 * - `administrations`: the client's administrations in the current episode of care (reliable deterioration
 *   compares the first and the latest of each instrument);
 * - `otherMeasurementDates`: dates of behaviour records and GAS ratings (they count as measurements);
 * - `goals` and `progress`: the current plan's goals and their computed progress (or `[]` and null);
 * - `acknowledgements`: recorded actions (they close alerts that need one);
 * - `treatmentStartedOn`: when treatment began; null turns `no-recent-measure` off (not in treatment).
 *
 * @example
 * const input: ClientAlertInput = { today: '2026-10-14', administrations: [], acknowledgements: [], goals: [], progress: null, treatmentStartedOn: null, instruments: () => undefined };
 */
export interface ClientAlertInput {
  readonly today: CalendarDate;
  readonly administrations: readonly AdministrationRecord[];
  readonly otherMeasurementDates?: readonly CalendarDate[];
  readonly goals: readonly Pick<Goal, 'id' | 'status' | 'targets' | 'objectives'>[];
  readonly progress: PlanProgress | null;
  readonly acknowledgements: readonly AlertAcknowledgement[];
  readonly treatmentStartedOn: CalendarDate | null;
  readonly instruments: ReliableChangeLookup;
  readonly settings?: AlertSettings;
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/**
 * Computes the open alerts, most urgent first (severity, then newest, then key):
 * - `critical-item-answered` (critical) for each administration flagged `critical-item`, and
 *   `critical-item-unanswered` (warning) for each flagged `critical-item-missing`, whatever their date, until a
 *   complete acknowledgement closes it (never automatically);
 * - `reliable-deterioration` (warning) per instrument whose latest total is worse than its first by at least the
 *   instrument's reliable-change threshold (reference/measures.md Methods A, B [S84]);
 * - `target-off-track` (warning) per target of an active goal (or of its objectives) whose status is `off-track`;
 * - `no-recent-measure` (info) when nothing was measured for `noMeasureWeeks` weeks since the later of the last
 *   measurement and the start of treatment (product rule).
 *
 * @example
 * computeOpenAlerts(input).map((a) => a.code) // ['critical-item-answered', 'reliable-deterioration']
 */
export function computeOpenAlerts(input: ClientAlertInput): Alert[] {
  const alerts: Alert[] = [
    ...criticalItemAlerts(input),
    ...reliableDeteriorationAlerts(input),
    ...offTrackAlerts(input),
    ...noRecentMeasureAlerts(input),
  ];
  return alerts.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.raisedOn < b.raisedOn ? 1 : a.raisedOn > b.raisedOn ? -1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function criticalItemAlerts(input: ClientAlertInput): Alert[] {
  const alerts: Alert[] = [];
  for (const administration of input.administrations) {
    for (const flag of administration.flags) {
      const code =
        flag.code === 'critical-item'
          ? AlertCode.criticalItemAnswered
          : flag.code === 'critical-item-missing'
            ? AlertCode.criticalItemUnanswered
            : null;
      if (code === null) continue;
      const subject = {
        kind: 'administration',
        administrationId: administration.id,
        instrumentId: administration.instrumentId,
        item: flag.item,
      } as const;
      const alert: Alert = {
        key: alertKey(code, subject),
        code,
        severity: code === AlertCode.criticalItemAnswered ? 'critical' : 'warning',
        closing: 'recorded-action',
        raisedOn: administration.date,
        subject,
        data: { item: flag.item },
      };
      const closed = input.acknowledgements.some((ack) => ack.alertKey === alert.key && isClosedBy(alert, ack));
      if (!closed && !alerts.some((a) => a.key === alert.key)) alerts.push(alert);
    }
  }
  return alerts;
}

function reliableDeteriorationAlerts(input: ClientAlertInput): Alert[] {
  const byInstrument = new Map<string, AdministrationRecord[]>();
  for (const administration of input.administrations) {
    if (administration.total === null || !Number.isFinite(administration.total)) continue;
    if (administration.date > input.today) continue;
    const list = byInstrument.get(administration.instrumentId) ?? [];
    list.push(administration);
    byInstrument.set(administration.instrumentId, list);
  }
  const alerts: Alert[] = [];
  for (const [instrumentId, list] of byInstrument) {
    const instrument = input.instruments(instrumentId);
    if (!instrument || instrument.reliableChangeThreshold === null) continue;
    const sorted = list
      .map((administration, index) => ({ administration, index }))
      .sort((a, b) =>
        a.administration.date < b.administration.date
          ? -1
          : a.administration.date > b.administration.date
            ? 1
            : a.index - b.index,
      )
      .map(({ administration }) => administration);
    const first = sorted[0];
    const latest = sorted.at(-1);
    if (!first || !latest || first === latest || first.total === null || latest.total === null) continue;
    if (classifyReliableChange(instrument, first.total, latest.total) !== 'deterioration') continue;
    const subject: AlertSubject = {
      kind: 'instrument',
      instrumentId,
      fromAdministrationId: first.id,
      toAdministrationId: latest.id,
      goalIds: goalIdsWithInstrument(input.goals, instrumentId),
    };
    alerts.push({
      key: alertKey(AlertCode.reliableDeterioration, subject),
      code: AlertCode.reliableDeterioration,
      severity: 'warning',
      closing: 'automatic',
      raisedOn: latest.date,
      subject,
      data: {
        from: first.total,
        to: latest.total,
        fromDate: first.date,
        toDate: latest.date,
        change: latest.total - first.total,
        threshold: instrument.reliableChangeThreshold,
      },
    });
  }
  return alerts;
}

function goalIdsWithInstrument(goals: ClientAlertInput['goals'], instrumentId: string): string[] {
  return goals
    .filter((goal) =>
      [...goal.targets, ...goal.objectives.flatMap((o) => o.targets)].some(
        (t) => t.measure.kind === 'instrument' && t.measure.instrumentId === instrumentId,
      ),
    )
    .map((goal) => goal.id);
}

function offTrackAlerts(input: ClientAlertInput): Alert[] {
  if (!input.progress) return [];
  const alerts: Alert[] = [];
  const add = (progress: TargetProgress, goalId: string, objectiveId: string | null) => {
    if (progress.status !== 'off-track') return;
    const subject: TargetSubject = { kind: 'target', targetId: progress.targetId, goalId, objectiveId };
    alerts.push({
      key: alertKey(AlertCode.targetOffTrack, subject),
      code: AlertCode.targetOffTrack,
      severity: 'warning',
      closing: 'automatic',
      raisedOn: progress.latest?.date ?? input.today,
      subject,
      data: { decision: progress.decision },
    });
  };
  for (const goal of input.progress.goals) {
    if (goal.lifecycleStatus !== 'active') continue;
    for (const target of goal.targets) add(target, goal.goalId, null);
    for (const objective of goal.objectives) {
      for (const target of objective.targets) add(target, goal.goalId, objective.objectiveId);
    }
  }
  return alerts;
}

function noRecentMeasureAlerts(input: ClientAlertInput): Alert[] {
  const started = input.treatmentStartedOn;
  if (started === null || started > input.today) return [];
  const weeks = (input.settings ?? DEFAULT_ALERT_SETTINGS).noMeasureWeeks;
  const dates = [...input.administrations.map((a) => a.date), ...(input.otherMeasurementDates ?? [])].filter(
    (date) => date <= input.today,
  );
  const lastMeasuredOn = dates.reduce<CalendarDate | null>(
    (max, date) => (max === null || date > max ? date : max),
    null,
  );
  const from = lastMeasuredOn !== null && lastMeasuredOn > started ? lastMeasuredOn : started;
  const daysWithoutMeasure = daysBetween(from, input.today);
  if (daysWithoutMeasure < weeks * 7) return [];
  const subject: AlertSubject = { kind: 'client' };
  return [
    {
      key: alertKey(AlertCode.noRecentMeasure, subject),
      code: AlertCode.noRecentMeasure,
      severity: 'info',
      closing: 'automatic',
      raisedOn: addDays(from, weeks * 7),
      subject,
      data: { lastMeasuredOn, daysWithoutMeasure, settingWeeks: weeks },
    },
  ];
}
