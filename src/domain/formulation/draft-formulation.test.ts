import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftFormulation } from './draft-formulation.js';
import { type Formulation, type FormulationElement, FormulationElementKind } from './formulation.js';

const element = (id: string, kind: FormulationElement['kind'], text: string): FormulationElement => ({
  id,
  kind,
  text,
  libraryKey: null,
});

const depression: Formulation = {
  id: 'f1',
  clientId: 'c1',
  problemAreas: ['depression'],
  elements: [
    element('e1', 'presenting-problem', 'Low mood'),
    element('e2', 'presenting-problem', 'Loss of interest in work'),
    element('e3', 'predisposing', 'Critical father in childhood'),
    element('e4', 'precipitating', 'Redundancy in March'),
    element('e5', 'core-belief', "I'm a failure."),
    element('e6', 'rule-assumption', 'If I ask for help, people will think I am weak'),
    element('e7', 'situation', 'Evenings alone at home'),
    element('e8', 'thought', 'Nothing will ever change'),
    element('e9', 'emotion', 'Sadness'),
    element('e10', 'emotion', 'Shame'),
    element('e11', 'bodily', 'Heaviness and fatigue'),
    element('e12', 'behaviour', 'Staying in bed'),
    { ...element('e13', 'perpetuating', 'Withdrawal and inactivity'), libraryKey: 'depression.withdrawal' },
    { ...element('e14', 'perpetuating', 'Rumination'), libraryKey: 'depression.rumination' },
    element('e15', 'avoidance', 'Seeing friends'),
    element('e16', 'strength', 'Persistence'),
    element('e17', 'value', 'Being a good parent'),
    element('e18', 'protective', 'Supportive partner'),
  ],
};

describe('draftFormulation', () => {
  it('writes readable paragraphs in the order of the CBT formulation', () => {
    const draft = draftFormulation(depression);
    expect(draft.formulationId).toBe('f1');
    expect(draft.paragraphs.map((p) => p.kind)).toEqual([
      'presenting-problems',
      'background',
      'beliefs',
      'maintenance-cycle',
      'maintaining-factors',
      'strengths',
    ]);
    expect(draft.paragraphs[0]?.text).toBe('The client describes low mood and loss of interest in work.');
    expect(draft.paragraphs[2]?.text).toBe(
      "The client holds the core belief “I'm a failure”. They live by the rule “If I ask for help, people will think I am weak”.",
    );
    expect(draft.paragraphs[4]?.sentences[0]?.text).toBe(
      'The difficulties are kept going by withdrawal and inactivity and rumination.',
    );
  });

  it('gives every sentence the ids of the elements it came from', () => {
    const draft = draftFormulation(depression);
    const cycle = draft.paragraphs.find((p) => p.kind === 'maintenance-cycle');
    expect(cycle?.sentences).toContainEqual({ text: 'They feel sadness and shame.', elementIds: ['e9', 'e10'] });
    const maintaining = draft.paragraphs.find((p) => p.kind === 'maintaining-factors');
    expect(maintaining?.sentences.map((s) => s.elementIds)).toEqual([['e13', 'e14'], ['e15'], ['e15']]);
  });

  it('names the client when a subject is given', () => {
    const draft = draftFormulation(depression, { subject: 'Sam' });
    expect(draft.paragraphs[0]?.text).toMatch(/^Sam describes/);
    expect(draft.paragraphs.at(-1)?.text).toContain('Sam’s strengths include persistence.');
  });

  it('keeps acronyms and the pronoun I as written', () => {
    const draft = draftFormulation({
      ...depression,
      elements: [element('a', 'presenting-problem', 'PTSD after an assault'), element('b', 'thought', 'I will die')],
    });
    expect(draft.paragraphs.map((p) => p.text)).toEqual([
      'The client describes PTSD after an assault.',
      'In these moments they have the thought “I will die”.',
    ]);
  });

  it('leaves out paragraphs with no elements and elements with blank text', () => {
    const draft = draftFormulation({ ...depression, elements: [element('x', 'strength', '  ')] });
    expect(draft.paragraphs).toEqual([]);
  });

  it('puts every element in exactly one listing sentence and cites only real elements', () => {
    const kinds = Object.values(FormulationElementKind);
    const elements = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9]{1,8}$/),
        kind: fc.constantFrom(...kinds),
        text: fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim().replace(/[.;,]+$/, '') !== ''),
        libraryKey: fc.constant(null),
      }),
      { selector: (e) => e.id, maxLength: 25 },
    );
    fc.assert(
      fc.property(elements, (list) => {
        const draft = draftFormulation({ id: 'f', clientId: 'c', problemAreas: [], elements: list });
        const ids = new Set(list.map((e) => e.id));
        const sentences = draft.paragraphs.flatMap((p) => p.sentences);
        for (const s of sentences) {
          expect(s.elementIds.length).toBeGreaterThan(0);
          for (const id of s.elementIds) expect(ids.has(id)).toBe(true);
        }
        // The relief sentence repeats safety-behaviour and avoidance ids; every other sentence lists elements once.
        const listed = sentences.filter((s) => !s.text.startsWith('In CBT terms')).flatMap((s) => s.elementIds);
        expect([...listed].sort()).toEqual([...ids].sort());
      }),
    );
  });
});
