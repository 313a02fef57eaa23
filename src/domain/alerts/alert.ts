/**
 * Alerts about a client (DESIGN 2.3, 2.4, 2.10; issue 3 part 6): a critical item answered, a critical item left
 * unanswered, reliable deterioration, a target off track, no measure for N weeks. Each has a stable code, a
 * severity, the thing it concerns, and how it closes. docs/progress-rules.md §7.
 *
 * @example
 * const alert: Alert = {
 *   key: 'critical-item-answered:adm-7:9', code: 'critical-item-answered', severity: 'critical', closing: 'recorded-action',
 *   raisedOn: '2026-10-13', subject: { kind: 'administration', administrationId: 'adm-7', instrumentId: 'phq9', item: 9 },
 *   data: { item: 9 },
 * };
 */

import type { TargetStatusDecision } from '../progress/target-status.js';
import type { CalendarDate } from '../shared/calendar-date.js';

/**
 * Every alert code. Stable kebab-case: never rename one, add a new one instead.
 *
 * @example
 * AlertCode.criticalItemAnswered // 'critical-item-answered'
 */
export const AlertCode = {
  /** A critical item was answered at or above its threshold (PHQ-9 item 9 > 0): same-day risk assessment. */
  criticalItemAnswered: 'critical-item-answered',
  /** A critical item was left unanswered in a scored response, so risk is unknown: ask the client. */
  criticalItemUnanswered: 'critical-item-unanswered',
  /** The latest score of an instrument is reliably worse than the first one (by the instrument's threshold). */
  reliableDeterioration: 'reliable-deterioration',
  /** A target of an active goal is off track (its status is `off-track`). */
  targetOffTrack: 'target-off-track',
  /** Nothing has been measured for the practice's number of weeks (default 4) while in treatment. */
  noRecentMeasure: 'no-recent-measure',
} as const;
export type AlertCode = (typeof AlertCode)[keyof typeof AlertCode];

/**
 * How urgent an alert is: `critical` is the unmissable risk alert; `warning` needs attention; `info` is a nudge.
 *
 * @example
 * AlertSeverity.critical // 'critical'
 */
export const AlertSeverity = {
  /** Unmissable: shown on every page until a clinician records what was done. */
  critical: 'critical',
  /** Needs the clinician's attention soon. */
  warning: 'warning',
  /** A reminder. */
  info: 'info',
} as const;
export type AlertSeverity = (typeof AlertSeverity)[keyof typeof AlertSeverity];

/**
 * How an alert closes.
 *
 * @example
 * AlertClosing.recordedAction // 'recorded-action'
 */
export const AlertClosing = {
  /** Only a clinician's recorded action closes it (see closeAlert); it is never closed automatically. */
  recordedAction: 'recorded-action',
  /** It closes by itself when its condition no longer holds (it is simply no longer computed as open). */
  automatic: 'automatic',
} as const;
export type AlertClosing = (typeof AlertClosing)[keyof typeof AlertClosing];

/**
 * The administration (one completed questionnaire) and item an alert concerns.
 *
 * @example
 * const subject: AdministrationSubject = { kind: 'administration', administrationId: 'adm-7', instrumentId: 'phq9', item: 9 };
 */
export interface AdministrationSubject {
  readonly kind: 'administration';
  readonly administrationId: string;
  readonly instrumentId: string;
  readonly item: number;
}

/**
 * The instrument, the two administrations compared, and the goals with a target on that instrument.
 *
 * @example
 * const subject: InstrumentSubject = { kind: 'instrument', instrumentId: 'phq9', fromAdministrationId: 'adm-1', toAdministrationId: 'adm-5', goalIds: ['g1'] };
 */
export interface InstrumentSubject {
  readonly kind: 'instrument';
  readonly instrumentId: string;
  readonly fromAdministrationId: string;
  readonly toAdministrationId: string;
  readonly goalIds: readonly string[];
}

/**
 * The target an alert concerns, with its goal (and objective when the target belongs to one).
 *
 * @example
 * const subject: TargetSubject = { kind: 'target', targetId: 't1', goalId: 'g1', objectiveId: null };
 */
export interface TargetSubject {
  readonly kind: 'target';
  readonly targetId: string;
  readonly goalId: string;
  readonly objectiveId: string | null;
}

/**
 * The client as a whole.
 *
 * @example
 * const subject: ClientSubject = { kind: 'client' };
 */
export interface ClientSubject {
  readonly kind: 'client';
}

/**
 * What an alert concerns (discriminated on `kind`).
 *
 * @example
 * const subject: AlertSubject = { kind: 'client' };
 */
export type AlertSubject = AdministrationSubject | InstrumentSubject | TargetSubject | ClientSubject;

interface AlertBase {
  /** Stable identity of the alert: the same situation always gives the same key (acknowledgements refer to it). */
  readonly key: string;
  readonly severity: AlertSeverity;
  readonly closing: AlertClosing;
  /** The date the situation arose (the administration's date, the latest value's date, …). */
  readonly raisedOn: CalendarDate;
}

/**
 * An open alert, discriminated on `code`, with the subject and numbers the UI needs to say why.
 *
 * @example
 * if (alert.code === 'reliable-deterioration') console.log(alert.data.change, alert.data.threshold);
 */
export type Alert =
  | (AlertBase & {
      readonly code: 'critical-item-answered';
      readonly subject: AdministrationSubject;
      readonly data: { readonly item: number };
    })
  | (AlertBase & {
      readonly code: 'critical-item-unanswered';
      readonly subject: AdministrationSubject;
      readonly data: { readonly item: number };
    })
  | (AlertBase & {
      readonly code: 'reliable-deterioration';
      readonly subject: InstrumentSubject;
      readonly data: {
        readonly from: number;
        readonly to: number;
        readonly fromDate: CalendarDate;
        readonly toDate: CalendarDate;
        readonly change: number;
        readonly threshold: number;
      };
    })
  | (AlertBase & {
      readonly code: 'target-off-track';
      readonly subject: TargetSubject;
      readonly data: { readonly decision: TargetStatusDecision };
    })
  | (AlertBase & {
      readonly code: 'no-recent-measure';
      readonly subject: ClientSubject;
      readonly data: {
        /** The last measurement date, or null when nothing was measured since treatment began. */
        readonly lastMeasuredOn: CalendarDate | null;
        /** Whole days since the later of the last measurement and the start of treatment. */
        readonly daysWithoutMeasure: number;
        readonly settingWeeks: number;
      };
    });

/**
 * Builds the stable key of an alert from its code and the ids of what it concerns.
 *
 * @example
 * alertKey('critical-item-answered', { kind: 'administration', administrationId: 'adm-7', instrumentId: 'phq9', item: 9 })
 * // 'critical-item-answered:adm-7:9'
 */
export function alertKey(code: AlertCode, subject: AlertSubject): string {
  switch (subject.kind) {
    case 'administration':
      return `${code}:${subject.administrationId}:${subject.item}`;
    case 'instrument':
      return `${code}:${subject.instrumentId}:${subject.fromAdministrationId}:${subject.toAdministrationId}`;
    case 'target':
      return `${code}:${subject.targetId}`;
    case 'client':
      return code;
  }
}
