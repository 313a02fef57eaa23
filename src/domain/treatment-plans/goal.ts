/**
 * Goal → objectives → interventions (DESIGN 2.2).
 *
 * @example
 * const goal: Goal = { id: 'g1', position: 1, statement: 'Reduce PHQ-9 from 18 to ≤9 within 16 weeks',
 *   clientWords: 'I want to enjoy things again', formulationElementIds: ['fe1'], targets: [], startDate: '2026-09-01',
 *   dueDate: '2026-12-22', status: 'active', endorsement: null, objectives: [] };
 */
import type { CalendarDate } from '../shared/calendar-date.js';
import type { Target } from './target.js';

/** The goal's lifecycle status, set by the clinician (never computed). */
export const GoalStatus = {
  active: 'active',
  met: 'met',
  partiallyMet: 'partially-met',
  notMet: 'not-met',
  revised: 'revised',
  discontinued: 'discontinued',
} as const;
export type GoalStatus = (typeof GoalStatus)[keyof typeof GoalStatus];

export const EndorsementMethod = { inSession: 'in-session', link: 'link', written: 'written' } as const;
export type EndorsementMethod = (typeof EndorsementMethod)[keyof typeof EndorsementMethod];

export interface Endorsement {
  readonly date: CalendarDate;
  readonly method: EndorsementMethod;
  /** The client's own words when they endorsed, if given. */
  readonly words: string | null;
}

export interface Intervention {
  readonly id: string;
  /** Id in the CBT intervention library, or null for free text. */
  readonly libraryId: string | null;
  readonly name: string;
  /** Who delivers it (clinician, client as homework, …). */
  readonly deliveredBy: string;
  /** How often, in words ("weekly in session", "daily homework"). */
  readonly frequency: string;
}

export interface Objective {
  readonly id: string;
  /** The objective's id in the plan version where it first appeared; absent means its own id (first version). */
  readonly lineageId?: string;
  readonly position: number;
  readonly statement: string;
  readonly targets: readonly Target[];
  readonly dueDate: CalendarDate | null;
  readonly interventions: readonly Intervention[];
}

export interface Goal {
  readonly id: string;
  /** The goal's id in the plan version where it first appeared; absent means its own id (first version). */
  readonly lineageId?: string;
  readonly position: number;
  /** The clinician's wording. */
  readonly statement: string;
  /** The goal in the client's own words. */
  readonly clientWords: string | null;
  readonly formulationElementIds: readonly string[];
  readonly targets: readonly Target[];
  readonly startDate: CalendarDate;
  readonly dueDate: CalendarDate | null;
  readonly status: GoalStatus;
  readonly endorsement: Endorsement | null;
  readonly objectives: readonly Objective[];
}
