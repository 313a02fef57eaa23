import type { Kysely } from 'kysely';
import type {
  GoalAddressed,
  InterventionDelivered,
  NoteAddendum,
  NoteSections,
  NoteStatus,
  ProgressNote,
  RiskSection,
} from '../../domain/sessions/progress-note.js';
import type { Attendance, SessionModality, SessionRecord } from '../../domain/sessions/session-record.js';
import type { ServiceType, Signature } from '../../domain/treatment-plans/treatment-plan.js';
import type { Database, EncounterTable, NoteAddendumTable, ProgressNoteTable } from '../tables/database.js';

/**
 * Sessions and progress notes (DESIGN 2.9): one `encounter` row per session, at most one `progress_note` per session
 * (its sections, goals addressed, interventions, administration ids and risk as JSON text, always read and written
 * whole), and `note_addendum` rows beside a signed note. Drafts and session records are replaced only while still at
 * the revision the caller read; a signed note is never updated (the guarded update names `status = 'draft'`).
 *
 * @example
 * await insertSessionRecord(db, session, userId);
 * await insertProgressNote(db, note, userId);
 * const again = await findProgressNote(db, session.id);
 */
export async function insertSessionRecord(
  db: Kysely<Database>,
  session: SessionRecord,
  createdBy: string,
): Promise<void> {
  await db
    .insertInto('encounter')
    .values({ ...sessionFields(session), id: session.id, created_by: createdBy, created_at: session.createdAt })
    .execute();
}

function sessionFields(session: SessionRecord) {
  return {
    client_id: session.clientId,
    clinician_id: session.clinicianId,
    session_date: session.date,
    start_time: session.startTime,
    end_time: session.endTime,
    service_type: session.serviceType,
    modality: session.modality,
    attendance: session.attendance,
    billing_codes: JSON.stringify(session.billingCodes),
    revision: session.revision,
    updated_at: session.updatedAt,
  };
}

function sessionRowToSession(row: EncounterTable): SessionRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    clinicianId: row.clinician_id,
    date: row.session_date,
    startTime: row.start_time,
    endTime: row.end_time,
    serviceType: row.service_type as ServiceType,
    modality: row.modality as SessionModality,
    attendance: row.attendance as Attendance,
    billingCodes: JSON.parse(row.billing_codes) as string[],
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One session by id, or null. */
export async function findSessionRecord(db: Kysely<Database>, sessionId: string): Promise<SessionRecord | null> {
  const row = await db.selectFrom('encounter').selectAll().where('id', '=', sessionId).executeTakeFirst();
  return row ? sessionRowToSession(row) : null;
}

/** A client's sessions, newest first (date, then start time). */
export async function listSessionRecords(db: Kysely<Database>, clientId: string): Promise<SessionRecord[]> {
  const rows = await db
    .selectFrom('encounter')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('session_date', 'desc')
    .orderBy('start_time', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(sessionRowToSession);
}

/** Replaces a session still at `expectedRevision`; false when it is not. */
export async function replaceSessionRecord(
  db: Kysely<Database>,
  session: SessionRecord,
  expectedRevision: number,
): Promise<boolean> {
  const result = await db
    .updateTable('encounter')
    .set(sessionFields(session))
    .where('id', '=', session.id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function noteFields(note: ProgressNote) {
  return {
    encounter_id: note.sessionId,
    client_id: note.clientId,
    plan_id: note.planId,
    format: note.sections.kind,
    status: note.status,
    revision: note.revision,
    sections: JSON.stringify(note.sections),
    goals_addressed: JSON.stringify(note.goalsAddressed),
    interventions: JSON.stringify(note.interventions),
    administration_ids: JSON.stringify(note.administrationIds),
    homework: note.homework,
    risk: note.risk ? JSON.stringify(note.risk) : null,
    signed_by: note.signature?.userId ?? null,
    signed_at: note.signature?.signedAt ?? null,
    signature: note.signature ? JSON.stringify(note.signature) : null,
    updated_at: note.updatedAt,
  };
}

function addendumRowToAddendum(row: NoteAddendumTable): NoteAddendum {
  return {
    id: row.id,
    noteId: row.note_id,
    text: row.text,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
  };
}

function noteRowToNote(row: ProgressNoteTable, addenda: readonly NoteAddendum[]): ProgressNote {
  return {
    id: row.id,
    sessionId: row.encounter_id,
    clientId: row.client_id,
    planId: row.plan_id,
    status: row.status as NoteStatus,
    revision: Number(row.revision),
    sections: JSON.parse(row.sections) as NoteSections,
    goalsAddressed: JSON.parse(row.goals_addressed) as GoalAddressed[],
    interventions: JSON.parse(row.interventions) as InterventionDelivered[],
    administrationIds: JSON.parse(row.administration_ids) as string[],
    homework: row.homework,
    risk: row.risk ? (JSON.parse(row.risk) as RiskSection) : null,
    signature: row.signature ? (JSON.parse(row.signature) as Signature) : null,
    addenda,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Opens a session's note (at most one per session: a second is `duplicate`). Addenda are added separately. */
export async function insertProgressNote(db: Kysely<Database>, note: ProgressNote, createdBy: string): Promise<void> {
  await db
    .insertInto('progress_note')
    .values({ ...noteFields(note), id: note.id, created_by: createdBy, created_at: note.createdAt })
    .execute();
}

/** The note of a session with its addenda (oldest first), or null when none is open. */
export async function findProgressNote(db: Kysely<Database>, sessionId: string): Promise<ProgressNote | null> {
  const row = await db.selectFrom('progress_note').selectAll().where('encounter_id', '=', sessionId).executeTakeFirst();
  if (!row) return null;
  const addenda = await db
    .selectFrom('note_addendum')
    .selectAll()
    .where('note_id', '=', row.id)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return noteRowToNote(row, addenda.map(addendumRowToAddendum));
}

/** Every note of a client with its addenda (two queries whatever the count). */
export async function listProgressNotes(db: Kysely<Database>, clientId: string): Promise<ProgressNote[]> {
  const rows = await db.selectFrom('progress_note').selectAll().where('client_id', '=', clientId).execute();
  const addenda = await db
    .selectFrom('note_addendum')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => noteRowToNote(row, addenda.filter((a) => a.note_id === row.id).map(addendumRowToAddendum)));
}

/** Replaces a draft note still at `expectedRevision`; false when it is stale or signed. */
export async function replaceDraftNote(
  db: Kysely<Database>,
  note: ProgressNote,
  expectedRevision: number,
): Promise<boolean> {
  const result = await db
    .updateTable('progress_note')
    .set(noteFields(note))
    .where('id', '=', note.id)
    .where('status', '=', 'draft')
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Signs a draft still at `expectedRevision`: the note passed is its final, signed content. */
export async function signDraftNote(
  db: Kysely<Database>,
  note: ProgressNote,
  expectedRevision: number,
): Promise<boolean> {
  if (note.status !== 'signed' || !note.signature) throw new Error('signDraftNote needs a signed note');
  return replaceDraftNote(db, note, expectedRevision);
}

/** Adds words to a note (the use case checks it is signed). */
export async function insertNoteAddendum(
  db: Kysely<Database>,
  addendum: NoteAddendum,
  clientId: string,
): Promise<void> {
  await db
    .insertInto('note_addendum')
    .values({
      id: addendum.id,
      note_id: addendum.noteId,
      client_id: clientId,
      text: addendum.text,
      author_id: addendum.authorId,
      author_name: addendum.authorName,
      created_at: addendum.createdAt,
    })
    .execute();
}
