import { describe, expect, it } from 'vitest';
import { draftProgressNote, type NoteDraftInput } from './draft-progress-note.js';
import type { SessionRecord } from './session-record.js';

const session: SessionRecord = {
  id: 's1',
  clientId: 'c1',
  clinicianId: 'u1',
  date: '2026-11-20',
  startTime: '14:00',
  endTime: '14:50',
  serviceType: 'individual',
  modality: 'video',
  attendance: 'attended',
  billingCodes: [],
  revision: 1,
  createdAt: '2026-11-20T15:00:00.000Z',
  updatedAt: '2026-11-20T15:00:00.000Z',
};

const input: NoteDraftInput = {
  format: 'dap',
  session,
  goals: [
    {
      goalId: 'g1',
      statement: 'Reduce PHQ-9 from 18 to 9 or less within 16 weeks.',
      objectives: [{ objectiveId: 'o1', statement: 'Schedule three valued activities a week' }],
    },
  ],
  interventions: [
    { interventionId: 'i1', name: 'Behavioural activation' },
    { interventionId: null, name: 'Sleep hygiene review' },
  ],
  scores: [
    {
      administrationId: 'a2',
      label: 'PHQ-9',
      total: 10,
      severity: 'moderate',
      administeredOn: '2026-11-20',
      previous: { administrationId: 'a1', total: 15, administeredOn: '2026-11-06' },
      reliableChange: 'improvement',
    },
  ],
};

describe('draftProgressNote', () => {
  it('drafts the DAP sections from the session, interventions, scores and goals, each sentence with its sources', () => {
    const draft = draftProgressNote(input);
    expect(draft.sections.map((s) => s.name)).toEqual(['data', 'assessment', 'plan']);
    expect(draft.sections[0]?.sentences).toEqual([
      {
        text: 'Individual session by video on 2026-11-20, 14:00–14:50 (50 minutes); the client attended.',
        sources: [{ kind: 'session', sessionId: 's1' }],
      },
      {
        text: 'Interventions delivered: Behavioural activation and Sleep hygiene review.',
        sources: [
          { kind: 'intervention', interventionId: 'i1', name: 'Behavioural activation' },
          { kind: 'intervention', interventionId: null, name: 'Sleep hygiene review' },
        ],
      },
      {
        text: 'PHQ-9 total 10 (moderate) on 2026-11-20.',
        sources: [{ kind: 'administration', administrationId: 'a2' }],
      },
    ]);
    expect(draft.sections[1]?.sentences).toEqual([
      {
        text: 'The session addressed the goal “Reduce PHQ-9 from 18 to 9 or less within 16 weeks”, with the objective “Schedule three valued activities a week”.',
        sources: [
          { kind: 'goal', goalId: 'g1' },
          { kind: 'objective', objectiveId: 'o1' },
        ],
      },
      {
        text: 'PHQ-9 changed from 15 on 2026-11-06 to 10 (−5), a reliable improvement.',
        sources: [
          { kind: 'administration', administrationId: 'a1' },
          { kind: 'administration', administrationId: 'a2' },
        ],
      },
    ]);
    expect(draft.sections[2]).toEqual({ name: 'plan', sentences: [], text: '' });
  });

  it('leaves the subjective section and the plan empty in SOAP: nothing structured says what the client reported', () => {
    const draft = draftProgressNote({ ...input, format: 'soap' });
    expect(draft.sections.map((s) => [s.name, s.sentences.length])).toEqual([
      ['subjective', 0],
      ['objective', 3],
      ['assessment', 2],
      ['plan', 0],
    ]);
  });

  it('gives every sentence at least one source and writes nothing without entries but the session itself', () => {
    const bare = draftProgressNote({ ...input, goals: [], interventions: [], scores: [] });
    const sentences = bare.sections.flatMap((s) => s.sentences);
    expect(sentences.map((s) => s.text)).toEqual([
      'Individual session by video on 2026-11-20, 14:00–14:50 (50 minutes); the client attended.',
    ]);
    for (const s of draftProgressNote(input).sections.flatMap((x) => x.sentences)) {
      expect(s.sources.length).toBeGreaterThan(0);
    }
  });

  it('states a first score without a change, and a missed session as such', () => {
    const draft = draftProgressNote({
      ...input,
      session: { ...session, attendance: 'no-show', modality: 'in-person' },
      goals: [],
      scores: [{ ...input.scores[0]!, previous: null, reliableChange: null, severity: null }],
    });
    expect(draft.sections.flatMap((s) => s.sentences).map((s) => s.text)).toEqual([
      'Individual session in person on 2026-11-20, 14:00–14:50 (50 minutes); the client did not attend (no-show).',
      'Interventions delivered: Behavioural activation and Sleep hygiene review.',
      'PHQ-9 total 10 on 2026-11-20.',
    ]);
  });

  it('is deterministic', () => {
    expect(draftProgressNote(input)).toEqual(draftProgressNote(input));
  });
});
