import { describe, expect, it } from 'vitest';
import {
  addIntervention,
  fillFromDraft,
  noteFormOf,
  saveBodyOf,
  sectionText,
  toggleGoal,
  toggleIntervention,
  toggleObjective,
  withSection,
} from './note-form.js';

describe('note form', () => {
  it('starts empty in the practice format', () => {
    expect(noteFormOf(null, 'soap').sections).toEqual({
      kind: 'soap',
      subjective: '',
      objective: '',
      assessment: '',
      plan: '',
    });
  });

  it('ticks goals and objectives; unticking a goal drops its objectives', () => {
    let form = toggleObjective(noteFormOf(null, 'dap'), 'g1', 'o1');
    expect(form.goalsAddressed).toEqual([{ goalId: 'g1', objectiveIds: ['o1'] }]);
    form = toggleObjective(form, 'g1', 'o2');
    expect(form.goalsAddressed).toEqual([{ goalId: 'g1', objectiveIds: ['o1', 'o2'] }]);
    form = toggleGoal(form, 'g1');
    expect(form.goalsAddressed).toEqual([]);
  });

  it('picks plan interventions and adds others by name', () => {
    let form = toggleIntervention(noteFormOf(null, 'dap'), { id: 'i1', name: 'Behavioural activation' });
    form = addIntervention(form, '  Grounding  ');
    form = addIntervention(form, ' ');
    expect(form.interventions).toEqual([
      { interventionId: 'i1', name: 'Behavioural activation' },
      { interventionId: null, name: 'Grounding' },
    ]);
    expect(toggleIntervention(form, { id: 'i1', name: 'x' }).interventions).toHaveLength(1);
  });

  it('fills only the empty sections from the draft', () => {
    const form = withSection(noteFormOf(null, 'dap'), 'assessment', 'Mine');
    const filled = fillFromDraft(form, {
      format: 'dap',
      sections: [
        { name: 'data', text: 'Drafted data.', sentences: [] },
        { name: 'assessment', text: 'Drafted assessment.', sentences: [] },
        { name: 'plan', text: '', sentences: [] },
      ],
    });
    expect(sectionText(filled, 'data')).toBe('Drafted data.');
    expect(sectionText(filled, 'assessment')).toBe('Mine');
    expect(saveBodyOf(filled, 2)).toMatchObject({ revision: 2, sections: { kind: 'dap', plan: '' } });
  });
});
