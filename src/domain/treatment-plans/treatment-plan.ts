/**
 * A treatment plan version with the payer elements of reference/payer-requirements.md.
 * `version` numbers signed versions; a draft carries `revision` for optimistic concurrency.
 *
 * @example
 * isPlanSigned({ ...plan, status: 'signed' }) // true
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Goal } from './goal.js';

export const PlanStatus = { draft: 'draft', signed: 'signed', superseded: 'superseded' } as const;
export type PlanStatus = (typeof PlanStatus)[keyof typeof PlanStatus];

export const ServiceType = { individual: 'individual', group: 'group', family: 'family' } as const;
export type ServiceType = (typeof ServiceType)[keyof typeof ServiceType];

export interface Diagnosis {
  readonly id: string;
  /** ICD-10-CM code, e.g. F32.1. */
  readonly code: string;
  readonly description: string;
  readonly primary: boolean;
}

export interface Signature {
  readonly userId: string;
  readonly name: string;
  readonly credentials: string;
  readonly signedAt: string;
}

export interface TreatmentPlan {
  readonly id: string;
  readonly clientId: string;
  /** Signed version number (1, 2, …); the version a draft will become when signed. */
  readonly version: number;
  /** Edit counter of a draft, for optimistic concurrency. */
  readonly revision: number;
  readonly status: PlanStatus;
  readonly previousVersionId: string | null;
  readonly establishedDate: CalendarDate;
  readonly presentingProblems: string;
  readonly diagnoses: readonly Diagnosis[];
  readonly serviceType: ServiceType;
  readonly sessionMinutes: number;
  /** Planned frequency in words, e.g. "weekly". */
  readonly sessionFrequency: string;
  readonly durationWeeks: number;
  readonly reviewIntervalDays: number;
  readonly nextReviewDate: CalendarDate;
  readonly dischargeCriteria: string;
  readonly referrals: string;
  readonly strengths: string;
  readonly clientParticipation: string;
  readonly goals: readonly Goal[];
  readonly clinicianSignature: Signature | null;
  readonly supervisorSignature: Signature | null;
  /** SHA-256 of the signed content, set on signing. */
  readonly contentHash: string | null;
}

/** True when the plan version is signed (and therefore immutable). */
export function isPlanSigned(plan: Pick<TreatmentPlan, 'status'>): boolean {
  return plan.status !== 'draft';
}

/** One version in a client's list of plan versions (no goals). */
export interface PlanVersionSummary {
  readonly id: string;
  readonly version: number;
  readonly revision: number;
  readonly status: PlanStatus;
  readonly previousVersionId: string | null;
  readonly establishedDate: CalendarDate;
  readonly clinicianSignature: Signature | null;
  readonly supervisorSignature: Signature | null;
  readonly contentHash: string | null;
  readonly goalCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
