/**
 * A session record (DESIGN 2.9, issue 11 item 1): one encounter with a client — its date and start and end time in
 * the practice time zone, service type, modality, attendance, the clinician who held it, and optional billing codes
 * kept as free data (Cairn is not a billing system). Start and end times are payer elements ("session time
 * (start/stop or total) … required on notes", payer-requirements.md, NGS CERT).
 *
 * @example
 * const session: SessionRecord = { id: 's1', clientId: 'c1', clinicianId: 'u1', date: '2026-11-20',
 *   startTime: '14:00', endTime: '14:50', serviceType: 'individual', modality: 'video', attendance: 'attended',
 *   billingCodes: ['90834'], revision: 1, createdAt: '2026-11-20T15:00:00.000Z', updatedAt: '2026-11-20T15:00:00.000Z' };
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { ServiceType } from '../treatment-plans/treatment-plan.js';

/**
 * How the session was held.
 *
 * @example
 * SessionModality.video // 'video'
 */
export const SessionModality = { inPerson: 'in-person', video: 'video', audio: 'audio' } as const;
export type SessionModality = (typeof SessionModality)[keyof typeof SessionModality];

/**
 * Whether the client came: only an attended session has a progress note to sign.
 *
 * @example
 * Attendance.lateCancel // 'late-cancel'
 */
export const Attendance = {
  attended: 'attended',
  cancelled: 'cancelled',
  lateCancel: 'late-cancel',
  noShow: 'no-show',
} as const;
export type Attendance = (typeof Attendance)[keyof typeof Attendance];

export interface SessionRecord {
  readonly id: string;
  readonly clientId: string;
  /** The clinician who held the session (the performing provider, who signs its note). */
  readonly clinicianId: string;
  /** The session's date in the practice time zone. */
  readonly date: CalendarDate;
  /** `HH:MM`, 24-hour, practice time zone. */
  readonly startTime: string;
  /** `HH:MM`, after `startTime` (a session does not cross midnight). */
  readonly endTime: string;
  readonly serviceType: ServiceType;
  readonly modality: SessionModality;
  readonly attendance: Attendance;
  /** Free data for the practice's billing system (CPT codes, modifiers); never interpreted here. */
  readonly billingCodes: readonly string[];
  /** Edit counter, for optimistic concurrency. */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * True when the text is a 24-hour clock time `HH:MM`.
 *
 * @example
 * isClockTime('09:05') // true
 * isClockTime('9:05') // false
 */
export function isClockTime(text: string): boolean {
  return CLOCK_TIME.test(text);
}

/**
 * The session's length in minutes (end − start); negative or zero when the end is not after the start.
 *
 * @example
 * sessionMinutes('14:00', '14:50') // 50
 */
export function sessionMinutes(startTime: string, endTime: string): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return minutes(endTime) - minutes(startTime);
}
