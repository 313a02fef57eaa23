import { describe, expect, it } from 'vitest';
import { checkNoteForSigning } from './check-note-for-signing.js';
import type { ProgressNote } from './progress-note.js';

const note: ProgressNote = {
  id: 'n1',
  sessionId: 's1',
  clientId: 'c1',
  planId: 'p1',
  status: 'draft',
  revision: 1,
  sections: { kind: 'dap', data: 'Reviewed the activity diary.', assessment: '', plan: '' },
  goalsAddressed: [{ goalId: 'g1', objectiveIds: [] }],
  interventions: [],
  administrationIds: [],
  homework: '',
  risk: null,
  signature: null,
  addenda: [],
  createdAt: '2026-11-20T15:00:00.000Z',
  updatedAt: '2026-11-20T15:00:00.000Z',
};

const codes = (n: ProgressNote, openCriticalAlerts = 0, attendance: 'attended' | 'no-show' = 'attended') =>
  checkNoteForSigning({ note: n, attendance, openCriticalAlerts }).map((i) => i.code);

describe('checkNoteForSigning', () => {
  it('lets a written note with a goal addressed be signed', () => {
    expect(codes(note)).toEqual([]);
  });

  it('requires the risk section while a critical-item alert is open', () => {
    expect(codes(note, 1)).toEqual(['note-risk-section-required']);
    expect(codes({ ...note, risk: { level: 'low', text: '  ' } }, 1)).toEqual(['note-risk-section-required']);
    expect(codes({ ...note, risk: { level: 'low', text: 'No plan or intent; safety plan reviewed.' } }, 1)).toEqual([]);
  });

  it('refuses an empty note, and an attended session that addressed no goal of the plan', () => {
    const empty: ProgressNote = {
      ...note,
      sections: { kind: 'soap', subjective: ' ', objective: '', assessment: '', plan: '' },
    };
    expect(codes(empty)).toEqual(['note-empty']);
    expect(codes({ ...note, goalsAddressed: [] })).toEqual(['note-no-goal-addressed']);
    expect(codes({ ...note, goalsAddressed: [] }, 0, 'no-show')).toEqual([]);
    expect(codes({ ...note, goalsAddressed: [], planId: null })).toEqual([]);
  });
});
