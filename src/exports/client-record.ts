/**
 * What every document of one client is built from (DESIGN 2.7): the client, diagnoses, current plan, scores and
 * self-monitoring logs, as plain data. The exports layer may not import the application layer, so these are its own
 * structural types; the application's `Client`, `Administration`, … are assignable to them.
 *
 * @example
 * const record: ClientRecord = { practiceName: 'Demo practice', generatedAt: '2026-11-26T12:00:00.000Z',
 *   client: { id: 'c1', recordNumber: 'DEMO-001', givenName: 'Jordan', familyName: 'Avery', dateOfBirth: null },
 *   diagnoses: [], plan: null, administrations: [], behaviors: [], behaviorLogs: [] };
 */
import type { CalendarDate } from '../domain/shared/calendar-date.js';
import type { Diagnosis, TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';

/**
 * The client as documents show them.
 *
 * @example
 * const c: RecordClient = { id: 'c1', recordNumber: 'DEMO-001', givenName: 'Jordan', familyName: 'Avery', dateOfBirth: null };
 */
export interface RecordClient {
  readonly id: string;
  readonly recordNumber: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: CalendarDate | null;
}

/**
 * One scored administration of an instrument.
 *
 * @example
 * const a: Pick<RecordAdministration, 'instrumentId' | 'total'> = { instrumentId: 'phq9', total: 18 };
 */
export interface RecordAdministration {
  readonly id: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  /** ISO-8601 instant. */
  readonly administeredAt: string;
  /** The date in the practice time zone. */
  readonly administeredOn: CalendarDate;
  readonly source: string;
  /** Item answers in item order; null for a missing item. */
  readonly answers: readonly (number | null)[];
  readonly total: number;
  readonly severity: string | null;
  readonly prorated: boolean;
  readonly subscales: Readonly<Record<string, number>>;
  readonly flags: readonly { readonly code: string; readonly item?: number }[];
}

/**
 * A behaviour the client counts.
 *
 * @example
 * const b: RecordBehavior = { id: 'b1', name: 'panic attacks', period: 'week', direction: 'decrease', unit: null };
 */
export interface RecordBehavior {
  readonly id: string;
  readonly name: string;
  readonly period: 'day' | 'week' | 'month';
  readonly direction: 'decrease' | 'increase';
  readonly unit: string | null;
}

/**
 * One count of a behaviour in one period.
 *
 * @example
 * const l: RecordBehaviorLog = { id: 'l1', behaviorId: 'b1', periodStart: '2026-11-23', count: 2 };
 */
export interface RecordBehaviorLog {
  readonly id: string;
  readonly behaviorId: string;
  /** First day of the counted period. */
  readonly periodStart: CalendarDate;
  readonly count: number;
}

/**
 * Everything one client's documents are built from (see the file comment).
 *
 * @example
 * clientRecordToFhirBundle(record);
 */
export interface ClientRecord {
  readonly practiceName: string;
  /** ISO-8601 instant the document is made at. */
  readonly generatedAt: string;
  readonly client: RecordClient;
  readonly diagnoses: readonly Diagnosis[];
  /** The client's current plan, or null when there is none. */
  readonly plan: TreatmentPlan | null;
  /** Oldest first. */
  readonly administrations: readonly RecordAdministration[];
  readonly behaviors: readonly RecordBehavior[];
  /** Oldest first. */
  readonly behaviorLogs: readonly RecordBehaviorLog[];
}
