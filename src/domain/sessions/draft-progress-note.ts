/**
 * Drafts a progress note from the session's structured entries (issue 11 item 4): the session itself (date, times,
 * service type, modality, attendance), the interventions delivered, the scores given in the session and their change
 * since the previous administration of the same instrument, and the plan goals and objectives addressed. Every
 * sentence names where it came from; nothing is written that is not in those entries (no language model, no
 * clinical inference: the subjective section and the plan for the next session are left for the clinician).
 *
 * @example
 * const draft = draftProgressNote({ format: 'dap', session, goals: [], interventions: [], scores: [] });
 * draft.sections[0]?.sentences[0]
 * // { text: 'Individual session by video on 2026-11-20, 14:00–14:50 (50 minutes); the client attended.',
 * //   sources: [{ kind: 'session', sessionId: 's1' }] }
 */
import type { ReliableChange } from '../progress/reliable-change.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { InterventionDelivered, NoteFormat } from './progress-note.js';
import { type SessionRecord, sessionMinutes } from './session-record.js';

/**
 * Where a drafted sentence came from.
 *
 * @example
 * const source: NoteDraftSource = { kind: 'administration', administrationId: 'a7' };
 */
export type NoteDraftSource =
  | { readonly kind: 'session'; readonly sessionId: string }
  | { readonly kind: 'goal'; readonly goalId: string }
  | { readonly kind: 'objective'; readonly objectiveId: string }
  | { readonly kind: 'intervention'; readonly interventionId: string | null; readonly name: string }
  | { readonly kind: 'administration'; readonly administrationId: string };

/**
 * One drafted sentence and its sources (never empty).
 *
 * @example
 * const s: NoteDraftSentence = { text: 'Interventions delivered: behavioural activation.',
 *   sources: [{ kind: 'intervention', interventionId: 'i1', name: 'behavioural activation' }] };
 */
export interface NoteDraftSentence {
  readonly text: string;
  readonly sources: readonly NoteDraftSource[];
}

/**
 * One section of the drafted note (`data`, `assessment`, `plan` for DAP; `subjective`, `objective`, `assessment`,
 * `plan` for SOAP), possibly with no sentences.
 *
 * @example
 * const section: NoteDraftSection = { name: 'plan', sentences: [], text: '' };
 */
export interface NoteDraftSection {
  readonly name: string;
  readonly sentences: readonly NoteDraftSentence[];
  readonly text: string;
}

/**
 * The drafted note: every section of the format, in order.
 *
 * @example
 * draftProgressNote(input).sections.map((s) => s.name) // ['data', 'assessment', 'plan']
 */
export interface NoteDraft {
  readonly format: NoteFormat;
  readonly sections: readonly NoteDraftSection[];
}

/**
 * A goal addressed, as the plan words it, with the objectives of it addressed.
 *
 * @example
 * const goal: NoteDraftGoal = { goalId: 'g1', statement: 'Return to work', objectives: [] };
 */
export interface NoteDraftGoal {
  readonly goalId: string;
  readonly statement: string;
  readonly objectives: readonly { readonly objectiveId: string; readonly statement: string }[];
}

/**
 * A score given in the session, with the previous administration of the same instrument (if any) and the reliable
 * change between them (null when the instrument has no threshold or there is no previous score).
 *
 * @example
 * const score: NoteDraftScore = { administrationId: 'a2', label: 'PHQ-9', total: 10, severity: 'moderate',
 *   administeredOn: '2026-11-20', previous: { administrationId: 'a1', total: 15, administeredOn: '2026-11-06' },
 *   reliableChange: 'improvement' };
 */
export interface NoteDraftScore {
  readonly administrationId: string;
  readonly label: string;
  readonly total: number;
  readonly severity: string | null;
  readonly administeredOn: CalendarDate;
  readonly previous: {
    readonly administrationId: string;
    readonly total: number;
    readonly administeredOn: CalendarDate;
  } | null;
  readonly reliableChange: ReliableChange | null;
}

/**
 * What the draft is made from.
 *
 * @example
 * const input: NoteDraftInput = { format: 'soap', session, goals, interventions, scores };
 */
export interface NoteDraftInput {
  readonly format: NoteFormat;
  readonly session: SessionRecord;
  readonly goals: readonly NoteDraftGoal[];
  readonly interventions: readonly InterventionDelivered[];
  readonly scores: readonly NoteDraftScore[];
}

const SERVICE: Record<SessionRecord['serviceType'], string> = {
  individual: 'Individual',
  group: 'Group',
  family: 'Family',
};
const MODALITY: Record<SessionRecord['modality'], string> = {
  'in-person': 'in person',
  video: 'by video',
  audio: 'by audio (telephone)',
};
const ATTENDANCE: Record<SessionRecord['attendance'], string> = {
  attended: 'the client attended',
  cancelled: 'the session was cancelled',
  'late-cancel': 'the client cancelled late',
  'no-show': 'the client did not attend (no-show)',
};
const RELIABLE: Record<ReliableChange, string> = {
  improvement: ', a reliable improvement',
  deterioration: ', a reliable deterioration',
  none: ', not a reliable change',
};

function quote(text: string): string {
  return `“${text.trim().replace(/[.\s]+$/, '')}”`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function signed(n: number): string {
  if (n > 0) return `+${n}`;
  return n < 0 ? `−${Math.abs(n)}` : '0';
}

function section(name: string, sentences: readonly NoteDraftSentence[]): NoteDraftSection {
  return { name, sentences, text: sentences.map((s) => s.text).join(' ') };
}

/**
 * Drafts the note's sections from the structured entries. Deterministic: the same input gives the same draft.
 *
 * @example
 * draftProgressNote({ format: 'soap', session, goals, interventions, scores }).sections[1]?.name // 'objective'
 */
export function draftProgressNote(input: NoteDraftInput): NoteDraft {
  const { session } = input;
  const minutes = sessionMinutes(session.startTime, session.endTime);
  const sessionSentence: NoteDraftSentence = {
    text: `${SERVICE[session.serviceType]} session ${MODALITY[session.modality]} on ${session.date}, ${session.startTime}–${session.endTime} (${minutes} minutes); ${ATTENDANCE[session.attendance]}.`,
    sources: [{ kind: 'session', sessionId: session.id }],
  };
  const named = input.interventions.filter((i) => i.name.trim() !== '');
  const interventionSentences: NoteDraftSentence[] =
    named.length === 0
      ? []
      : [
          {
            text: `Interventions delivered: ${list(named.map((i) => i.name.trim()))}.`,
            sources: named.map((i) => ({
              kind: 'intervention',
              interventionId: i.interventionId,
              name: i.name.trim(),
            })),
          },
        ];
  const scoreSentences: NoteDraftSentence[] = input.scores.map((s) => ({
    text: `${s.label} total ${s.total}${s.severity ? ` (${s.severity})` : ''} on ${s.administeredOn}.`,
    sources: [{ kind: 'administration', administrationId: s.administrationId }],
  }));
  const changeSentences: NoteDraftSentence[] = input.scores.flatMap((s) => {
    const previous = s.previous;
    if (!previous) return [];
    const change = s.total - previous.total;
    return [
      {
        text: `${s.label} changed from ${previous.total} on ${previous.administeredOn} to ${s.total} (${signed(change)})${s.reliableChange ? RELIABLE[s.reliableChange] : ''}.`,
        sources: [
          { kind: 'administration', administrationId: previous.administrationId },
          { kind: 'administration', administrationId: s.administrationId },
        ],
      },
    ];
  });
  const goalSentences: NoteDraftSentence[] = input.goals.map((g) => {
    const objectives = g.objectives.filter((o) => o.statement.trim() !== '');
    return {
      text:
        objectives.length === 0
          ? `The session addressed the goal ${quote(g.statement)}.`
          : `The session addressed the goal ${quote(g.statement)}, with the ${objectives.length > 1 ? 'objectives' : 'objective'} ${list(objectives.map((o) => quote(o.statement)))}.`,
      sources: [
        { kind: 'goal', goalId: g.goalId },
        ...objectives.map((o) => ({ kind: 'objective' as const, objectiveId: o.objectiveId })),
      ],
    };
  });
  const assessment = section('assessment', [...goalSentences, ...changeSentences]);
  if (input.format === 'dap') {
    return {
      format: 'dap',
      sections: [
        section('data', [sessionSentence, ...interventionSentences, ...scoreSentences]),
        assessment,
        section('plan', []),
      ],
    };
  }
  return {
    format: 'soap',
    sections: [
      section('subjective', []),
      section('objective', [sessionSentence, ...interventionSentences, ...scoreSentences]),
      assessment,
      section('plan', []),
    ],
  };
}
