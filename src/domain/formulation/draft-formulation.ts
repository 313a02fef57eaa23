/**
 * Drafts the formulation narrative (DESIGN 2.1): readable paragraphs made from the structured formulation elements,
 * each sentence carrying the ids of the elements it came from so the UI can show provenance. Deterministic templates,
 * no language model: the clinician edits the draft.
 *
 * Element texts are used as written, except that a trailing full stop is dropped and, for elements listed in a
 * sentence, a capital first letter is lowered when the first word is otherwise lower case ("Rumination" →
 * "rumination"; "PTSD" and "I" stay). Thoughts, core beliefs and rules are quoted.
 *
 * @example
 * const draft = draftFormulation({ id: 'f1', clientId: 'c1', problemAreas: ['depression'], elements: [
 *   { id: 'e1', kind: 'presenting-problem', text: 'Low mood', libraryKey: null },
 *   { id: 'e2', kind: 'perpetuating', text: 'Withdrawal and inactivity', libraryKey: 'depression.withdrawal' },
 * ] });
 * draft.paragraphs[0]?.sentences[0]; // { text: 'The client describes low mood.', elementIds: ['e1'] }
 */
import type { Formulation, FormulationElement, FormulationElementKind } from './formulation.js';

/**
 * The paragraphs of the draft, in the order they appear.
 *
 * @example
 * draftFormulation(formulation).paragraphs[0]?.kind === DraftParagraphKind.presentingProblems;
 */
export const DraftParagraphKind = {
  /** What brings the client: presenting problems. */
  presentingProblems: 'presenting-problems',
  /** Predisposing and precipitating factors. */
  background: 'background',
  /** Core beliefs and rules/assumptions. */
  beliefs: 'beliefs',
  /** The maintenance cycle: situation → thoughts → emotions → body → behaviour. */
  maintenanceCycle: 'maintenance-cycle',
  /** What keeps the difficulties going: perpetuating factors, safety behaviours, avoidance. */
  maintainingFactors: 'maintaining-factors',
  /** Protective factors, strengths and values. */
  strengths: 'strengths',
} as const;
export type DraftParagraphKind = (typeof DraftParagraphKind)[keyof typeof DraftParagraphKind];

/**
 * One sentence of the draft and the ids of the formulation elements it came from (never empty).
 *
 * @example
 * const sentence: DraftSentence = { text: 'They feel sadness and shame.', elementIds: ['e9', 'e10'] };
 */
export interface DraftSentence {
  readonly text: string;
  readonly elementIds: readonly string[];
}

/**
 * A paragraph: its kind, its sentences, and the sentences joined with spaces.
 *
 * @example
 * const first: DraftParagraph | undefined = draftFormulation(formulation).paragraphs[0];
 */
export interface DraftParagraph {
  readonly kind: DraftParagraphKind;
  readonly sentences: readonly DraftSentence[];
  readonly text: string;
}

/**
 * The drafted narrative. Paragraphs with no elements are left out.
 *
 * @example
 * const draft: FormulationDraft = draftFormulation(formulation, { subject: 'Sam' });
 */
export interface FormulationDraft {
  readonly formulationId: string;
  readonly paragraphs: readonly DraftParagraph[];
}

/**
 * Options of `draftFormulation`.
 *
 * @example
 * const options: DraftFormulationOptions = { subject: 'Sam' };
 */
export interface DraftFormulationOptions {
  /** How the client is named at the start of a sentence (default "The client"); pronouns are "they/them/their". */
  readonly subject?: string;
}

/**
 * Drafts readable paragraphs from the formulation's elements. Every element with non-blank text appears in exactly
 * one sentence; every sentence lists the ids of the elements in it.
 *
 * @example
 * draftFormulation(formulation, { subject: 'Sam' }).paragraphs.map((p) => p.kind);
 * // ['presenting-problems', 'maintenance-cycle', 'maintaining-factors', 'strengths']
 */
export function draftFormulation(formulation: Formulation, options: DraftFormulationOptions = {}): FormulationDraft {
  const subject = options.subject?.trim() || 'The client';
  const byKind = (kind: FormulationElementKind) =>
    formulation.elements.filter((element) => element.kind === kind && clean(element.text) !== '');

  const paragraphs: DraftParagraph[] = [];
  const add = (kind: DraftParagraphKind, sentences: readonly (DraftSentence | null)[]) => {
    const present = sentences.filter((sentence): sentence is DraftSentence => sentence !== null);
    if (present.length > 0) paragraphs.push({ kind, sentences: present, text: present.map((s) => s.text).join(' ') });
  };

  add(DraftParagraphKind.presentingProblems, [
    sentence(byKind('presenting-problem'), (list) => `${subject} describes ${list}.`),
  ]);
  add(DraftParagraphKind.background, [
    sentence(
      byKind('predisposing'),
      (list) => `Earlier experiences that may have made them more vulnerable include ${list}.`,
    ),
    sentence(byKind('precipitating'), (list) => `The current difficulties began in the context of ${list}.`),
  ]);
  add(DraftParagraphKind.beliefs, [
    sentence(
      byKind('core-belief'),
      (list, n) => `${subject} holds ${n > 1 ? 'core beliefs' : 'the core belief'} ${list}.`,
      quote,
    ),
    sentence(
      byKind('rule-assumption'),
      (list, n) => `They live by ${n > 1 ? 'rules such as' : 'the rule'} ${list}.`,
      quote,
    ),
  ]);
  add(DraftParagraphKind.maintenanceCycle, [
    sentence(byKind('situation'), (list) => `The difficulties are typically triggered in situations such as ${list}.`),
    sentence(
      byKind('thought'),
      (list, n) => `In these moments they have ${n > 1 ? 'thoughts' : 'the thought'} ${list}.`,
      quote,
    ),
    sentence(byKind('emotion'), (list) => `They feel ${list}.`),
    sentence(byKind('bodily'), (list) => `In their body they notice ${list}.`),
    sentence(byKind('behaviour'), (list) => `What they then do includes ${list}.`),
  ]);
  const safety = byKind('safety-behaviour');
  const avoidance = byKind('avoidance');
  add(DraftParagraphKind.maintainingFactors, [
    sentence(byKind('perpetuating'), (list) => `The difficulties are kept going by ${list}.`),
    sentence(safety, (list, n) => `To feel safer they rely on ${n > 1 ? 'safety behaviours such as' : ''} ${list}.`),
    sentence(avoidance, (list) => `They avoid ${list}.`),
    safety.length + avoidance.length > 0
      ? {
          text: `In CBT terms, ${safety.length > 0 && avoidance.length > 0 ? 'safety behaviours and avoidance bring' : safety.length > 0 ? 'safety behaviours bring' : 'avoidance brings'} short-term relief but keep the fear going, because they prevent them from finding out whether what they fear would happen.`,
          elementIds: [...safety, ...avoidance].map((element) => element.id),
        }
      : null,
  ]);
  add(DraftParagraphKind.strengths, [
    sentence(byKind('protective'), (list) => `Protective factors include ${list}.`),
    sentence(byKind('strength'), (list) => `${possessive(subject)} strengths include ${list}.`),
    sentence(byKind('value'), (list) => `Things that matter to them include ${list}.`),
  ]);
  return { formulationId: formulation.id, paragraphs };
}

/** A sentence listing the elements, or null when there are none. */
function sentence(
  elements: readonly FormulationElement[],
  template: (list: string, count: number) => string,
  render: (text: string) => string = inline,
): DraftSentence | null {
  if (elements.length === 0) return null;
  const list = joinList(elements.map((element) => render(clean(element.text))));
  return {
    text: capitalise(template(list, elements.length).replace(/\s{2,}/g, ' ')),
    elementIds: elements.map((element) => element.id),
  };
}

function clean(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;,]+$/, '');
}

/** Lowers a leading capital when the rest of the first word is lower case ("Rumination"), keeping "I", "PTSD". */
function inline(text: string): string {
  const first = text.split(/[\s'’-]/, 1)[0] ?? '';
  if (first.length < 2 || first.slice(1) !== first.slice(1).toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function quote(text: string): string {
  const bare = text.replace(/^["“'‘]+|["”'’]+$/g, '');
  return `“${bare}”`;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function possessive(subject: string): string {
  return subject.endsWith('s') ? `${subject}’` : `${subject}’s`;
}
