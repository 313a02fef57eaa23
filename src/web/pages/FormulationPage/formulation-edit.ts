/**
 * The formulation editor's state and its pure operations: elements keep a local key for React and, once saved, the
 * server's id (sent back on every save, because goals link to element ids); the save body drops blank elements; the
 * narrative is drafted from the same state, citing elements by key.
 *
 * @example
 * let state = editStateFrom(null);
 * state = addElement(state, { kind: 'perpetuating', text: 'Withdrawal and inactivity', libraryKey: 'depression.withdrawal' }).state;
 * saveBodyOf(state); // { problemAreas: [], elements: [{ kind: 'perpetuating', text: 'Withdrawal and inactivity', libraryKey: 'depression.withdrawal' }] }
 */
import type {
  Formulation as DomainFormulation,
  FormulationElementKind,
  ProblemArea,
} from '../../../domain/formulation/formulation.js';
import type { Formulation } from '../../api/clients-api.js';
import type { SaveFormulationBody } from '../../api/formulation-api.js';

/**
 * One element being edited: `key` is stable in the tab, `id` is the server's (null until saved).
 *
 * @example
 * const element: ElementEdit = { key: 'new-1', id: null, kind: 'avoidance', text: 'Supermarkets', libraryKey: null };
 */
export interface ElementEdit {
  readonly key: string;
  readonly id: string | null;
  readonly kind: FormulationElementKind;
  readonly text: string;
  readonly libraryKey: string | null;
}

/**
 * The whole formulation being edited.
 *
 * @example
 * const state: FormulationEdit = { problemAreas: ['gad'], elements: [] };
 */
export interface FormulationEdit {
  readonly problemAreas: readonly ProblemArea[];
  readonly elements: readonly ElementEdit[];
}

let counter = 0;

/** A new local key for an element not saved yet. */
function newKey(): string {
  counter += 1;
  return `new-${counter}`;
}

/**
 * The editor state of a saved formulation (or an empty one when none is written yet).
 *
 * @example
 * editStateFrom(null); // { problemAreas: [], elements: [] }
 */
export function editStateFrom(saved: Formulation | null): FormulationEdit {
  if (!saved) return { problemAreas: [], elements: [] };
  return {
    problemAreas: [...saved.problemAreas],
    elements: saved.elements.map((e) => ({
      key: e.id,
      id: e.id,
      kind: e.kind,
      text: e.text,
      libraryKey: e.libraryKey,
    })),
  };
}

/**
 * The state after a save: the saved formulation, keeping the local keys of the elements that were sent (the server
 * answers them in the order sent), so focus and highlighting survive the save.
 *
 * @example
 * setState(adoptSaved(state, saved));
 */
export function adoptSaved(sent: FormulationEdit, saved: Formulation): FormulationEdit {
  const keys = sent.elements.filter((e) => e.text.trim() !== '').map((e) => e.key);
  return {
    problemAreas: [...saved.problemAreas],
    elements: saved.elements.map((e, i) => ({
      key: keys[i] ?? e.id,
      id: e.id,
      kind: e.kind,
      text: e.text,
      libraryKey: e.libraryKey,
    })),
  };
}

/**
 * The body of the save: problem areas and the non-blank elements in order; kept elements send their id.
 *
 * @example
 * saveBodyOf({ problemAreas: ['ocd'], elements: [{ key: 'new-1', id: null, kind: 'avoidance', text: ' ', libraryKey: null }] });
 * // { problemAreas: ['ocd'], elements: [] }
 */
export function saveBodyOf(state: FormulationEdit): SaveFormulationBody {
  return {
    problemAreas: [...state.problemAreas],
    elements: state.elements
      .filter((e) => e.text.trim() !== '')
      .map((e) => ({
        ...(e.id ? { id: e.id } : {}),
        kind: e.kind,
        text: e.text.trim(),
        libraryKey: e.libraryKey,
      })),
  };
}

/**
 * Whether the two states would save the same formulation (blank elements and surrounding spaces do not count).
 *
 * @example
 * const dirty = !isSameFormulation(state, baseline);
 */
export function isSameFormulation(a: FormulationEdit, b: FormulationEdit): boolean {
  return JSON.stringify(saveBodyOf(a)) === JSON.stringify(saveBodyOf(b));
}

/**
 * Appends an element; returns the new state and the element's key (to focus it).
 *
 * @example
 * const { state: next, key } = addElement(state, { kind: 'value' });
 */
export function addElement(
  state: FormulationEdit,
  element: { readonly kind: FormulationElementKind; readonly text?: string; readonly libraryKey?: string | null },
): { readonly state: FormulationEdit; readonly key: string } {
  const key = newKey();
  const added: ElementEdit = {
    key,
    id: null,
    kind: element.kind,
    text: element.text ?? '',
    libraryKey: element.libraryKey ?? null,
  };
  return { state: { ...state, elements: [...state.elements, added] }, key };
}

/**
 * Changes one element's text.
 *
 * @example
 * setState((s) => updateElementText(s, key, 'Checks the locks'));
 */
export function updateElementText(state: FormulationEdit, key: string, text: string): FormulationEdit {
  return { ...state, elements: state.elements.map((e) => (e.key === key ? { ...e, text } : e)) };
}

/**
 * Removes one element.
 *
 * @example
 * setState((s) => removeElement(s, key));
 */
export function removeElement(state: FormulationEdit, key: string): FormulationEdit {
  return { ...state, elements: state.elements.filter((e) => e.key !== key) };
}

/**
 * Adds or removes a problem area (kept in the order given by `order`).
 *
 * @example
 * setState((s) => toggleProblemArea(s, 'panic', true, Object.values(ProblemArea)));
 */
export function toggleProblemArea(
  state: FormulationEdit,
  area: ProblemArea,
  on: boolean,
  order: readonly ProblemArea[],
): FormulationEdit {
  const next = new Set(state.problemAreas);
  if (on) next.add(area);
  else next.delete(area);
  return { ...state, problemAreas: order.filter((a) => next.has(a)) };
}

/**
 * The domain formulation to draft the narrative from, with each element's local key as its id (so the draft's
 * provenance points at editor rows, saved or not).
 *
 * @example
 * draftFormulation(toDraftInput(state, clientId)).paragraphs;
 */
export function toDraftInput(state: FormulationEdit, clientId: string): DomainFormulation {
  return {
    id: 'editing',
    clientId,
    problemAreas: state.problemAreas,
    elements: state.elements.map((e) => ({ id: e.key, kind: e.kind, text: e.text, libraryKey: e.libraryKey })),
  };
}
