/**
 * A few weeks of attended sessions with signed notes for a demo case (issue 11 item 7): a session on each day in the
 * last six weeks that the case has scores, and weekly ones between (a week within three days of a scored day is
 * skipped), all 10:00–10:50, alternating in person and video. Each note addresses one active goal in turn (its first
 * objective and that objective's interventions), links the day's administrations, and is written from the
 * deterministic draft of those entries, signed by the case's clinician; after a critical-item answer it has a risk
 * section. Deterministic for the same case and day.
 *
 * @example
 * const sessions = buildDemoSessions(c, { today: '2026-11-26', clinician, signedAt, newId, measure });
 * sessions[0]?.note.status // 'signed'
 */
import { classifyReliableChange } from '../../domain/progress/reliable-change.js';
import type { MeasureDefinition } from '../../domain/scoring/measure-definition.js';
import { draftProgressNote, type NoteDraftScore } from '../../domain/sessions/draft-progress-note.js';
import type { ProgressNote } from '../../domain/sessions/progress-note.js';
import type { SessionRecord } from '../../domain/sessions/session-record.js';
import { addDays, type CalendarDate, daysBetween } from '../../domain/shared/calendar-date.js';
import type { DemoCase } from './demo-cases.js';

/**
 * What the sessions are built with.
 *
 * @example
 * const input: DemoSessionsInput = { today: '2026-11-26', clinician: { id, name: 'Dr Rivera', credentials: 'PhD' },
 *   signedAt: '2026-11-26T12:00:00.000Z', newId: () => crypto.randomUUID(), measure: (id) => getMeasure(id)! };
 */
export interface DemoSessionsInput {
  readonly today: CalendarDate;
  readonly clinician: { readonly id: string; readonly name: string; readonly credentials: string };
  readonly signedAt: string;
  readonly newId: () => string;
  readonly measure: (id: string) => MeasureDefinition;
}

/**
 * One demo session and its signed note.
 *
 * @example
 * const entry: DemoSession = { session, note };
 */
export interface DemoSession {
  readonly session: SessionRecord;
  readonly note: ProgressNote;
}

const WINDOW_DAYS = 42;

function sessionDates(c: DemoCase, today: CalendarDate): CalendarDate[] {
  const from = addDays(today, -WINDOW_DAYS);
  const scored = [...new Set(c.administrations.map((a) => a.administeredOn))].filter((d) => d >= from && d < today);
  const weekly = [6, 5, 4, 3, 2, 1]
    .map((k) => addDays(today, -7 * k))
    .filter((d) => scored.every((s) => Math.abs(daysBetween(s, d)) > 3));
  return [...scored, ...weekly].sort();
}

/**
 * The demo case's sessions, oldest first, each with a signed note.
 *
 * @example
 * buildDemoSessions(c, input).every((s) => s.note.signature !== null) // true
 */
export function buildDemoSessions(c: DemoCase, input: DemoSessionsInput): DemoSession[] {
  const goals = c.plan.goals.filter((g) => g.status === 'active');
  return sessionDates(c, input.today).map((date, i) => {
    const session: SessionRecord = {
      id: input.newId(),
      clientId: c.client.id,
      clinicianId: input.clinician.id,
      date,
      startTime: '10:00',
      endTime: '10:50',
      serviceType: c.plan.serviceType,
      modality: i % 2 === 0 ? 'in-person' : 'video',
      attendance: 'attended',
      billingCodes: ['90834'],
      revision: 1,
      createdAt: input.signedAt,
      updatedAt: input.signedAt,
    };
    const goal = goals[i % Math.max(goals.length, 1)];
    const objective = goal?.objectives[0];
    const interventions = (objective?.interventions ?? []).map((x) => ({ interventionId: x.id, name: x.name }));
    const linked = c.administrations.filter((a) => a.administeredOn === date);
    const scores: NoteDraftScore[] = linked.map((a) => {
      const previous =
        c.administrations
          .filter((p) => p.instrumentId === a.instrumentId && p.administeredAt < a.administeredAt)
          .sort((x, y) => y.administeredAt.localeCompare(x.administeredAt))[0] ?? null;
      const measure = input.measure(a.instrumentId);
      return {
        administrationId: a.id,
        label: measure.shortName,
        total: a.total,
        severity: a.severity,
        administeredOn: a.administeredOn,
        previous: previous
          ? { administrationId: previous.id, total: previous.total, administeredOn: previous.administeredOn }
          : null,
        reliableChange: previous ? classifyReliableChange(measure, previous.total, a.total) : null,
      };
    });
    const draft = draftProgressNote({
      format: 'dap',
      session,
      goals: goal
        ? [
            {
              goalId: goal.id,
              statement: goal.statement,
              objectives: objective ? [{ objectiveId: objective.id, statement: objective.statement }] : [],
            },
          ]
        : [],
      interventions,
      scores,
    });
    const text = (name: string) => draft.sections.find((s) => s.name === name)?.text ?? '';
    const signedAt = `${date}T11:00:00.000Z`;
    const note: ProgressNote = {
      id: input.newId(),
      sessionId: session.id,
      clientId: c.client.id,
      planId: c.plan.id,
      status: 'signed',
      revision: 2,
      sections: {
        kind: 'dap',
        data: text('data'),
        assessment: text('assessment'),
        plan: 'Continue the plan’s interventions next session and review the homework.',
      },
      goalsAddressed: goal ? [{ goalId: goal.id, objectiveIds: objective ? [objective.id] : [] }] : [],
      interventions,
      administrationIds: linked.map((a) => a.id),
      homework: objective ? `Practise between sessions: ${objective.statement}` : '',
      // The demo's critical-item alerts stay open, so every later note carries the risk section signing requires.
      risk: c.administrations.some(
        (a) => a.administeredOn <= date && a.flags.some((f) => f.code.startsWith('critical')),
      )
        ? { level: 'low', text: 'Critical item followed up in session: no plan or intent; safety plan reviewed.' }
        : null,
      signature: {
        userId: input.clinician.id,
        name: input.clinician.name,
        credentials: input.clinician.credentials,
        signedAt,
      },
      addenda: [],
      createdAt: signedAt,
      updatedAt: signedAt,
    };
    return { session, note };
  });
}
