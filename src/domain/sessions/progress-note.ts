/**
 * The progress note of a session (DESIGN 2.9, issue 11 item 2), in the practice's format (DAP or SOAP, fixed when the
 * note is opened): the goals and objectives of the signed plan version it addressed, the interventions delivered
 * (picked from that plan or added by name), the administrations given in the session, homework, a risk section
 * (required to sign while a critical-item alert is open) and the plan for the next session — which is the "P" of
 * both formats, so it is kept once, in `sections.plan`. A draft changes with a revision; signing locks it, and later
 * words are addenda with their author and time.
 *
 * @example
 * const note: ProgressNote = { id: 'n1', sessionId: 's1', clientId: 'c1', planId: 'p1', status: 'draft', revision: 1,
 *   sections: { kind: 'dap', data: 'Reviewed activity diary.', assessment: '', plan: 'Schedule two activities.' },
 *   goalsAddressed: [{ goalId: 'g1', objectiveIds: ['o1'] }], interventions: [{ interventionId: 'i1', name: 'Behavioural activation' }],
 *   administrationIds: [], homework: 'Activity diary', risk: null, signature: null, addenda: [],
 *   createdAt: '2026-11-20T15:00:00.000Z', updatedAt: '2026-11-20T15:00:00.000Z' };
 */
import type { Signature } from '../treatment-plans/treatment-plan.js';

/**
 * The structured note formats (a practice setting).
 *
 * @example
 * NoteFormat.soap // 'soap'
 */
export const NoteFormat = { dap: 'dap', soap: 'soap' } as const;
export type NoteFormat = (typeof NoteFormat)[keyof typeof NoteFormat];

/**
 * A draft is edited with a revision; a signed note never changes (addenda are added beside it).
 *
 * @example
 * NoteStatus.signed // 'signed'
 */
export const NoteStatus = { draft: 'draft', signed: 'signed' } as const;
export type NoteStatus = (typeof NoteStatus)[keyof typeof NoteStatus];

/**
 * The note's narrative sections, by format. `plan` is the plan for the next session.
 *
 * @example
 * const soap: NoteSections = { kind: 'soap', subjective: '', objective: 'PHQ-9 10.', assessment: '', plan: '' };
 */
export type NoteSections =
  | { readonly kind: 'dap'; readonly data: string; readonly assessment: string; readonly plan: string }
  | {
      readonly kind: 'soap';
      readonly subjective: string;
      readonly objective: string;
      readonly assessment: string;
      readonly plan: string;
    };

/**
 * The section names of a format, in order.
 *
 * @example
 * noteSectionNames('dap') // ['data', 'assessment', 'plan']
 */
export function noteSectionNames(format: NoteFormat): readonly string[] {
  return format === 'dap' ? ['data', 'assessment', 'plan'] : ['subjective', 'objective', 'assessment', 'plan'];
}

/**
 * Empty sections of a format.
 *
 * @example
 * emptyNoteSections('dap') // { kind: 'dap', data: '', assessment: '', plan: '' }
 */
export function emptyNoteSections(format: NoteFormat): NoteSections {
  return format === 'dap'
    ? { kind: 'dap', data: '', assessment: '', plan: '' }
    : { kind: 'soap', subjective: '', objective: '', assessment: '', plan: '' };
}

/**
 * A goal of the plan version addressed in the session, with the objectives of it addressed.
 *
 * @example
 * const addressed: GoalAddressed = { goalId: 'g1', objectiveIds: ['o1', 'o2'] };
 */
export interface GoalAddressed {
  readonly goalId: string;
  readonly objectiveIds: readonly string[];
}

/**
 * An intervention delivered: one of the plan's (`interventionId`) or one added by name (`interventionId` null).
 *
 * @example
 * const added: InterventionDelivered = { interventionId: null, name: 'Grounding exercise' };
 */
export interface InterventionDelivered {
  readonly interventionId: string | null;
  readonly name: string;
}

/**
 * The clinician's risk section: the level judged and what was assessed and done.
 *
 * @example
 * const risk: RiskSection = { level: 'low', text: 'Passive thoughts, no plan or intent; safety plan reviewed.' };
 */
export interface RiskSection {
  readonly level: 'none-identified' | 'low' | 'moderate' | 'high';
  readonly text: string;
}

/**
 * Words added to a signed note, with who added them and when (the note itself never changes).
 *
 * @example
 * const addendum: NoteAddendum = { id: 'a1', noteId: 'n1', text: 'Client called to confirm homework.',
 *   authorId: 'u1', authorName: 'Dr Rivera', createdAt: '2026-11-21T09:00:00.000Z' };
 */
export interface NoteAddendum {
  readonly id: string;
  readonly noteId: string;
  readonly text: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: string;
}

export interface ProgressNote {
  readonly id: string;
  readonly sessionId: string;
  readonly clientId: string;
  /** The signed plan version whose goals and interventions the note refers to; null when there was none. */
  readonly planId: string | null;
  readonly status: NoteStatus;
  readonly revision: number;
  readonly sections: NoteSections;
  readonly goalsAddressed: readonly GoalAddressed[];
  readonly interventions: readonly InterventionDelivered[];
  readonly administrationIds: readonly string[];
  readonly homework: string;
  readonly risk: RiskSection | null;
  readonly signature: Signature | null;
  /** Oldest first. */
  readonly addenda: readonly NoteAddendum[];
  readonly createdAt: string;
  readonly updatedAt: string;
}
