import { z } from 'zod';
import type { NoteFormat, ProgressNote } from '../domain/sessions/progress-note.js';
import type { SessionRecord } from '../domain/sessions/session-record.js';
import { getMeasure } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { findSignedPlan } from './review-data.js';
import { findClientSession, type PlanGoalsForNote, planGoalsOf } from './session-data.js';

const listSchema = z.strictObject({ clientId: z.string().min(1).max(100) });
const getSchema = z.strictObject({ clientId: z.string().min(1).max(100), sessionId: z.string().min(1).max(100) });

/**
 * A session with its progress note (null until one is opened).
 *
 * @example
 * const entry: SessionEntry = { session, note: null };
 */
export interface SessionEntry {
  readonly session: SessionRecord;
  readonly note: ProgressNote | null;
}

/**
 * One session for the note editor: the session, its note, the goals of the plan version the note refers to (the
 * signed plan in force until a note is opened) and the note's format.
 *
 * @example
 * const view: SessionDetail = { session, note: null, plan: null, noteFormat: 'dap', administrations: [] };
 */
export interface SessionDetail extends SessionEntry {
  readonly plan: PlanGoalsForNote | null;
  /** The note's format: the open note's, else the practice's setting (DAP or SOAP). */
  readonly noteFormat: NoteFormat;
  /** Scores the note may link: the client's administrations on the session's date, and any already linked. */
  readonly administrations: readonly SessionAdministration[];
}

/**
 * A score as the note editor offers it for linking.
 *
 * @example
 * const a: SessionAdministration = { id: 'a1', instrumentId: 'phq9', label: 'PHQ-9', total: 10, severity: 'moderate',
 *   administeredOn: '2026-11-20' };
 */
export interface SessionAdministration {
  readonly id: string;
  readonly instrumentId: string;
  readonly label: string;
  readonly total: number;
  readonly severity: string | null;
  readonly administeredOn: string;
}

/**
 * The client's sessions, newest first, each with its note (`GET /api/v1/clients/{clientId}/sessions`). Read
 * access; audited (`session.list`). Psychotherapy notes are never part of it.
 *
 * @example
 * const entries = await listSessions(deps, clinician, { clientId });
 * entries[0]?.note?.status // 'signed'
 */
export async function listSessions(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof listSchema>,
): Promise<readonly SessionEntry[]> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'session.list');
  parseInput(listSchema, input);
  const sessions = await deps.store.listSessionRecords(access.clientId);
  const notes = new Map((await deps.store.listProgressNotes(access.clientId)).map((n) => [n.sessionId, n]));
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'session.list', access.clientId, `client:${access.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return sessions.map((session) => ({ session, note: notes.get(session.id) ?? null }));
}

/**
 * One session with its note and plan goals (`GET /api/v1/clients/{clientId}/sessions/{sessionId}`). Read access;
 * audited (`session.read`).
 *
 * @example
 * const { session, note, plan } = await getSession(deps, clinician, { clientId, sessionId });
 */
export async function getSession(deps: Deps, actor: Actor, input: z.input<typeof getSchema>): Promise<SessionDetail> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'session.read');
  const v = parseInput(getSchema, input);
  const session = await findClientSession(deps.store, access.clientId, v.sessionId);
  const note = await deps.store.findProgressNote(session.id);
  const plan = note
    ? note.planId
      ? await deps.store.findPlanById(note.planId)
      : null
    : await findSignedPlan(deps.store, access.clientId);
  const noteFormat = note?.sections.kind ?? (await deps.store.findPractice())?.settings.noteFormat ?? 'dap';
  const linked = new Set(note?.administrationIds ?? []);
  const administrations = (await deps.store.listAdministrations(access.clientId))
    .filter((a) => a.administeredOn === session.date || linked.has(a.id))
    .map((a) => ({
      id: a.id,
      instrumentId: a.instrumentId,
      label: getMeasure(a.instrumentId)?.shortName ?? a.instrumentId,
      total: a.total,
      severity: a.severity,
      administeredOn: a.administeredOn,
    }));
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'session.read', access.clientId, `session:${session.id}`)],
    deps.clock.now().toISOString(),
  );
  return { session, note, plan: planGoalsOf(plan), noteFormat, administrations };
}
