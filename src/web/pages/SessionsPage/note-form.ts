/**
 * The note editor's form state (DESIGN 2.9): the note's sections in the practice's format, the goals and objectives
 * ticked, the interventions picked (from the plan or added by name), homework and the risk section; and the pure
 * edits the editor makes to it. No React here, so it is tested on its own.
 *
 * @example
 * const form = noteFormOf(null, 'dap');
 * const ticked = toggleGoal(form, 'g1');
 */
import type { Note, NoteDraft, SaveNoteBody } from '../../api/sessions-api.js';

export type NoteSectionsForm = Note['sections'];

export interface NoteForm {
  readonly sections: NoteSectionsForm;
  readonly goalsAddressed: readonly { readonly goalId: string; readonly objectiveIds: readonly string[] }[];
  readonly interventions: readonly { readonly interventionId: string | null; readonly name: string }[];
  readonly administrationIds: readonly string[];
  readonly homework: string;
  readonly risk: { readonly level: 'none-identified' | 'low' | 'moderate' | 'high'; readonly text: string } | null;
}

/** The section names and labels of a format, in order. */
export const SECTION_LABELS: Readonly<Record<'dap' | 'soap', readonly (readonly [string, string])[]>> = {
  dap: [
    ['data', 'Data'],
    ['assessment', 'Assessment'],
    ['plan', 'Plan for next session'],
  ],
  soap: [
    ['subjective', 'Subjective'],
    ['objective', 'Objective'],
    ['assessment', 'Assessment'],
    ['plan', 'Plan for next session'],
  ],
};

/**
 * The form of a note as read, or an empty one in the practice's format.
 *
 * @example
 * noteFormOf(null, 'soap').sections.kind // 'soap'
 */
export function noteFormOf(note: Note | null, format: 'dap' | 'soap'): NoteForm {
  if (note) {
    return {
      sections: note.sections,
      goalsAddressed: note.goalsAddressed,
      interventions: note.interventions,
      administrationIds: note.administrationIds,
      homework: note.homework,
      risk: note.risk,
    };
  }
  return {
    sections:
      format === 'dap'
        ? { kind: 'dap', data: '', assessment: '', plan: '' }
        : { kind: 'soap', subjective: '', objective: '', assessment: '', plan: '' },
    goalsAddressed: [],
    interventions: [],
    administrationIds: [],
    homework: '',
    risk: null,
  };
}

/** The text of one section. */
export function sectionText(form: NoteForm, name: string): string {
  return (form.sections as unknown as Record<string, string>)[name] ?? '';
}

/** The form with one section's text replaced. */
export function withSection(form: NoteForm, name: string, text: string): NoteForm {
  return { ...form, sections: { ...form.sections, [name]: text } as NoteSectionsForm };
}

/**
 * Ticks or unticks a goal (unticking drops its objectives).
 *
 * @example
 * toggleGoal(form, 'g1').goalsAddressed // [{ goalId: 'g1', objectiveIds: [] }]
 */
export function toggleGoal(form: NoteForm, goalId: string): NoteForm {
  const ticked = form.goalsAddressed.some((g) => g.goalId === goalId);
  return {
    ...form,
    goalsAddressed: ticked
      ? form.goalsAddressed.filter((g) => g.goalId !== goalId)
      : [...form.goalsAddressed, { goalId, objectiveIds: [] }],
  };
}

/**
 * Ticks or unticks an objective (ticking one ticks its goal).
 *
 * @example
 * toggleObjective(form, 'g1', 'o1').goalsAddressed // [{ goalId: 'g1', objectiveIds: ['o1'] }]
 */
export function toggleObjective(form: NoteForm, goalId: string, objectiveId: string): NoteForm {
  const goal = form.goalsAddressed.find((g) => g.goalId === goalId);
  if (!goal) return { ...form, goalsAddressed: [...form.goalsAddressed, { goalId, objectiveIds: [objectiveId] }] };
  const objectiveIds = goal.objectiveIds.includes(objectiveId)
    ? goal.objectiveIds.filter((o) => o !== objectiveId)
    : [...goal.objectiveIds, objectiveId];
  return {
    ...form,
    goalsAddressed: form.goalsAddressed.map((g) => (g.goalId === goalId ? { ...g, objectiveIds } : g)),
  };
}

/**
 * Picks or unpicks one of the plan's interventions.
 *
 * @example
 * toggleIntervention(form, { id: 'i1', name: 'Behavioural activation' }).interventions.length // 1
 */
export function toggleIntervention(
  form: NoteForm,
  intervention: { readonly id: string; readonly name: string },
): NoteForm {
  const picked = form.interventions.some((i) => i.interventionId === intervention.id);
  return {
    ...form,
    interventions: picked
      ? form.interventions.filter((i) => i.interventionId !== intervention.id)
      : [...form.interventions, { interventionId: intervention.id, name: intervention.name }],
  };
}

/**
 * Adds an intervention by name (not in the plan); blank names are ignored.
 *
 * @example
 * addIntervention(form, 'Grounding exercise').interventions.at(-1) // { interventionId: null, name: 'Grounding exercise' }
 */
export function addIntervention(form: NoteForm, name: string): NoteForm {
  const trimmed = name.trim();
  if (!trimmed) return form;
  return { ...form, interventions: [...form.interventions, { interventionId: null, name: trimmed }] };
}

/**
 * Links or unlinks a score given in the session.
 *
 * @example
 * toggleAdministration(form, 'a1').administrationIds // ['a1']
 */
export function toggleAdministration(form: NoteForm, administrationId: string): NoteForm {
  const linked = form.administrationIds.includes(administrationId);
  return {
    ...form,
    administrationIds: linked
      ? form.administrationIds.filter((a) => a !== administrationId)
      : [...form.administrationIds, administrationId],
  };
}

/**
 * Fills each empty section with the draft's text for it; written sections are left alone.
 *
 * @example
 * fillFromDraft(noteFormOf(null, 'dap'), draft).sections
 */
export function fillFromDraft(form: NoteForm, draft: NoteDraft): NoteForm {
  let next = form;
  for (const section of draft.sections) {
    if (section.text && sectionText(next, section.name).trim() === '')
      next = withSection(next, section.name, section.text);
  }
  return next;
}

/**
 * The request that saves the form at a revision.
 *
 * @example
 * saveBodyOf(form, 0).revision // 0
 */
export function saveBodyOf(form: NoteForm, revision: number): SaveNoteBody {
  return {
    revision,
    sections: form.sections,
    goalsAddressed: form.goalsAddressed.map((g) => ({ goalId: g.goalId, objectiveIds: [...g.objectiveIds] })),
    interventions: form.interventions.map((i) => ({ ...i })),
    administrationIds: [...form.administrationIds],
    homework: form.homework,
    risk: form.risk,
  };
}
