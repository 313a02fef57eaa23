/**
 * Closing an alert that needs a recorded clinician action (a critical item answered or unanswered): it closes only
 * with an acknowledgement `{ action, note, by, at }` that says what was done (DESIGN 2.3, 2.10; reference/measures.md
 * §1 "never auto-close"). Without one, closing is refused. docs/progress-rules.md §7.
 *
 * @example
 * closeAlert(alert, { alertKey: alert.key, action: 'risk-assessed', note: 'C-SSRS screen negative; safety plan reviewed.',
 *   by: 'user-1', at: '2026-10-13T15:04:00Z' }) // { alert, acknowledgement, closedAt: '2026-10-13T15:04:00Z' }
 * closeAlert(alert, null) // throws AppError('invalid-input') with issue 'alert-acknowledgement-missing'
 */
import { AppError } from '../shared/app-error.js';
import { isCalendarDate } from '../shared/calendar-date.js';
import { type Issue, issue } from '../shared/issue.js';
import type { Alert } from './alert.js';

/**
 * What the clinician did about the alert.
 *
 * @example
 * AlertAction.riskAssessed // 'risk-assessed'
 */
export const AlertAction = {
  /** A structured risk assessment was done (e.g. C-SSRS). */
  riskAssessed: 'risk-assessed',
  /** The client's safety plan was made or reviewed. */
  safetyPlanUpdated: 'safety-plan-updated',
  /** The client was contacted (call, message, session). */
  clientContacted: 'client-contacted',
  /** Escalated: crisis team, emergency services, or the covering supervisor. */
  escalated: 'escalated',
  /** Referred to another service. */
  referred: 'referred',
  /** The unanswered or answered item was clarified with the client (the note says the answer). */
  itemClarified: 'item-clarified',
  /** Something else, described in the note. */
  other: 'other',
} as const;
export type AlertAction = (typeof AlertAction)[keyof typeof AlertAction];

/**
 * A recorded clinician action on an alert. `at` is an ISO-8601 timestamp (`2026-10-13T15:04:00Z`), `by` the
 * acting user's id.
 *
 * @example
 * const ack: AlertAcknowledgement = { alertKey: 'critical-item-answered:adm-7:9', action: 'risk-assessed', note: 'Low risk; safety plan reviewed.', by: 'user-1', at: '2026-10-13T15:04:00Z' };
 */
export interface AlertAcknowledgement {
  readonly alertKey: string;
  readonly action: AlertAction;
  /** What was done and found, in words. Required. */
  readonly note: string;
  readonly by: string;
  readonly at: string;
}

/**
 * A closed alert with the acknowledgement that closed it.
 *
 * @example
 * const closed: ClosedAlert = { alert, acknowledgement: ack, closedAt: ack.at };
 */
export interface ClosedAlert {
  readonly alert: Alert;
  readonly acknowledgement: AlertAcknowledgement;
  readonly closedAt: string;
}

/**
 * Finding codes of an acknowledgement check. Stable kebab-case.
 *
 * @example
 * AcknowledgementIssueCode.noteEmpty // 'alert-acknowledgement-note-empty'
 */
export const AcknowledgementIssueCode = {
  /** No acknowledgement was given. */
  missing: 'alert-acknowledgement-missing',
  /** The acknowledgement refers to another alert. */
  wrongAlert: 'alert-acknowledgement-wrong-alert',
  /** The action is not one of AlertAction. */
  actionInvalid: 'alert-acknowledgement-action-invalid',
  /** The note saying what was done is empty. */
  noteEmpty: 'alert-acknowledgement-note-empty',
  /** Who acted is not given. */
  byMissing: 'alert-acknowledgement-by-missing',
  /** When it was done is not an ISO-8601 timestamp. */
  atInvalid: 'alert-acknowledgement-at-invalid',
} as const;
export type AcknowledgementIssueCode = (typeof AcknowledgementIssueCode)[keyof typeof AcknowledgementIssueCode];

const ACTIONS: readonly string[] = Object.values(AlertAction);
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks that an acknowledgement records an action on this alert; returns findings, never throws.
 *
 * @example
 * checkAcknowledgement(alert, { ...ack, note: '' }).map((i) => i.code) // ['alert-acknowledgement-note-empty']
 */
export function checkAcknowledgement(alert: Alert, acknowledgement: AlertAcknowledgement | null | undefined): Issue[] {
  if (!acknowledgement) {
    return [
      issue(AcknowledgementIssueCode.missing, 'error', 'Record what was done before closing this alert.', {
        data: { alertKey: alert.key },
      }),
    ];
  }
  const issues: Issue[] = [];
  if (acknowledgement.alertKey !== alert.key) {
    issues.push(
      issue(AcknowledgementIssueCode.wrongAlert, 'error', 'The acknowledgement is for another alert.', {
        path: ['alertKey'],
      }),
    );
  }
  if (!ACTIONS.includes(acknowledgement.action)) {
    issues.push(issue(AcknowledgementIssueCode.actionInvalid, 'error', 'Choose what was done.', { path: ['action'] }));
  }
  if (typeof acknowledgement.note !== 'string' || acknowledgement.note.trim() === '') {
    issues.push(issue(AcknowledgementIssueCode.noteEmpty, 'error', 'Say what was done and found.', { path: ['note'] }));
  }
  if (typeof acknowledgement.by !== 'string' || acknowledgement.by.trim() === '') {
    issues.push(issue(AcknowledgementIssueCode.byMissing, 'error', 'Say who acted.', { path: ['by'] }));
  }
  const at = typeof acknowledgement.at === 'string' ? TIMESTAMP.exec(acknowledgement.at) : null;
  if (!at || !isCalendarDate(at[1] ?? '')) {
    issues.push(issue(AcknowledgementIssueCode.atInvalid, 'error', 'Give when it was done.', { path: ['at'] }));
  }
  return issues;
}

/**
 * True when the acknowledgement closes the alert (it needs a recorded action and the record is complete).
 *
 * @example
 * isClosedBy(alert, ack) // true
 */
export function isClosedBy(alert: Alert, acknowledgement: AlertAcknowledgement | null | undefined): boolean {
  return alert.closing === 'recorded-action' && checkAcknowledgement(alert, acknowledgement).length === 0;
}

/**
 * Closes an alert that needs a recorded action. Refuses (throws AppError) without a complete acknowledgement
 * (`invalid-input`, with the issues), and for alerts that close by themselves (`conflict`).
 *
 * @example
 * closeAlert(alert, ack).closedAt // '2026-10-13T15:04:00Z'
 */
export function closeAlert(alert: Alert, acknowledgement: AlertAcknowledgement | null | undefined): ClosedAlert {
  if (alert.closing !== 'recorded-action') {
    throw new AppError('conflict', 'This alert closes by itself when its condition no longer holds.', {
      details: { alertKey: alert.key, code: alert.code },
    });
  }
  const issues = checkAcknowledgement(alert, acknowledgement);
  if (issues.length > 0 || !acknowledgement) {
    throw new AppError('invalid-input', 'Record what was done before closing this alert.', {
      issues,
      details: { alertKey: alert.key, code: alert.code },
    });
  }
  return { alert, acknowledgement, closedAt: acknowledgement.at };
}
