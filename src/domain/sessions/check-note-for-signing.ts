/**
 * What must hold before a progress note is signed (DESIGN 2.9; issue 11 item 2). Findings, not exceptions: the
 * application refuses to sign with `note-incomplete` and lists them.
 *
 * @example
 * checkNoteForSigning({ note, attendance: 'attended', openCriticalAlerts: 1 })
 * // [{ code: 'note-risk-section-required', severity: 'error', message: '…', path: ['risk'] }]
 */
import { type Issue, issue } from '../shared/issue.js';
import { noteSectionNames, type ProgressNote } from './progress-note.js';
import type { Attendance } from './session-record.js';

/**
 * The findings of `checkNoteForSigning`. Stable kebab-case; listed in docs/errors.md.
 *
 * @example
 * NoteIssueCode.riskSectionRequired // 'note-risk-section-required'
 */
export const NoteIssueCode = {
  /** The client has an open critical-item alert and the note has no risk section (or its text is blank). */
  riskSectionRequired: 'note-risk-section-required',
  /** Every narrative section of the note is blank. */
  empty: 'note-empty',
  /** An attended session with a signed plan addresses none of its goals (payers audit "toward which goal"). */
  noGoalAddressed: 'note-no-goal-addressed',
} as const;
export type NoteIssueCode = (typeof NoteIssueCode)[keyof typeof NoteIssueCode];

/**
 * What the check looks at besides the note.
 *
 * @example
 * const input: NoteSigningInput = { note, attendance: 'attended', openCriticalAlerts: 0 };
 */
export interface NoteSigningInput {
  readonly note: ProgressNote;
  readonly attendance: Attendance;
  /** How many critical-item alerts of the client are open (not closed by a recorded action). */
  readonly openCriticalAlerts: number;
}

/**
 * The errors that stop the note from being signed; empty when it may be signed.
 *
 * @example
 * checkNoteForSigning({ note, attendance: 'no-show', openCriticalAlerts: 0 }) // [] (a no-show addresses no goal)
 */
export function checkNoteForSigning(input: NoteSigningInput): Issue[] {
  const { note } = input;
  const issues: Issue[] = [];
  const sections = note.sections as unknown as Readonly<Record<string, string>>;
  const blank = noteSectionNames(note.sections.kind).every((name) => (sections[name] ?? '').trim() === '');
  if (blank)
    issues.push(issue(NoteIssueCode.empty, 'error', 'Write at least one section of the note.', { path: ['sections'] }));
  if (input.attendance === 'attended' && note.planId !== null && note.goalsAddressed.length === 0) {
    issues.push(
      issue(NoteIssueCode.noGoalAddressed, 'error', 'Tick the plan goals the session addressed.', {
        path: ['goalsAddressed'],
      }),
    );
  }
  if (input.openCriticalAlerts > 0 && (note.risk === null || note.risk.text.trim() === '')) {
    issues.push(
      issue(
        NoteIssueCode.riskSectionRequired,
        'error',
        'A critical item is open for this client: complete the risk section before signing.',
        { path: ['risk'] },
      ),
    );
  }
  return issues;
}
