/**
 * A psychotherapy (process) note (45 CFR 164.501; hipaa.md row 9; DESIGN 2.9): the clinician's separately kept
 * notes, visible to their author only and never part of the record that is exported, reported, served over FHIR,
 * put in the audit packet or given to an assistant. What belongs to the ordinary record (times, modality, scores,
 * progress, the plan) belongs in the progress note instead (payer-requirements.md, "HIPAA psychotherapy-notes
 * boundary").
 *
 * @example
 * const note: PsychotherapyNote = { id: 'pn1', clientId: 'c1', sessionId: 's1', authorId: 'u1',
 *   text: 'Transference themes around authority.', createdAt: '2026-11-20T15:10:00.000Z' };
 */
export interface PsychotherapyNote {
  readonly id: string;
  readonly clientId: string;
  /** The session it was written about, if any. */
  readonly sessionId: string | null;
  /** The only user who ever reads it. */
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: string;
}
