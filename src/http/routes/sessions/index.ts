import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { addNoteAddendum } from '../../../application/add-note-addendum.js';
import { assertPsychotherapyNoteAccess } from '../../../application/assert-psychotherapy-note-access.js';
import { createSession } from '../../../application/create-session.js';
import { draftSessionNote } from '../../../application/draft-session-note.js';
import { listPsychotherapyNotes } from '../../../application/list-psychotherapy-notes.js';
import { getSession, listSessions } from '../../../application/list-sessions.js';
import { saveNoteDraft } from '../../../application/save-note-draft.js';
import { signNote } from '../../../application/sign-note.js';
import { updateSession } from '../../../application/update-session.js';
import { writePsychotherapyNote } from '../../../application/write-psychotherapy-note.js';
import { ClientParams } from '../../../contract/clients.js';
import { ERROR_RESPONSES } from '../../../contract/common.js';
import {
  AddendumRequest,
  CreateSessionRequest,
  NoteDraftView,
  NoteView,
  PsychotherapyNoteRequest,
  PsychotherapyNotesView,
  PsychotherapyNoteView,
  SaveNoteRequest,
  SessionDetailView,
  SessionParams,
  SessionsView,
  SessionView,
  SignNoteRequest,
  UpdateSessionRequest,
} from '../../../contract/sessions.js';
import { clientInPath } from '../../plugins/client-reach.js';
import { actorOf } from '../../route-helpers.js';

const READ_ERRORS = { 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403], 404: ERROR_RESPONSES[404] } as const;
const WRITE_ERRORS = { ...READ_ERRORS, 400: ERROR_RESPONSES[400], 409: ERROR_RESPONSES[409] } as const;

/** Plain JSON of a domain value for a response schema (readonly arrays become arrays). */
function present<T>(value: unknown): T {
  return structuredClone(value) as T;
}

/**
 * Sessions and progress notes (DESIGN 2.9, issue 11): record a session, list and read them, correct one (revision),
 * save the note draft (revision; 0 opens it), sign it (the session's clinician), add addenda to a signed note, and the
 * deterministic draft with its sources. Psychotherapy notes have their own routes with the author-only rule: anyone
 * else gets 404 (the reach check runs that rule before validation).
 *
 * @example
 * await api.register(sessionRoutes);
 */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/clients/:clientId/sessions',
    {
      config: { reach: clientInPath('write', 'session.create'), audit: 'session.create' },
      schema: {
        tags: ['sessions'],
        summary: 'Record a session (date, times, service type, modality, attendance)',
        params: ClientParams,
        body: CreateSessionRequest,
        response: { 201: SessionView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          present<z.infer<typeof SessionView>>(
            await createSession(request.deps, actorOf(request), { ...request.body, ...request.params }),
          ),
        ),
  );

  app.get(
    '/clients/:clientId/sessions',
    {
      config: { reach: clientInPath('read', 'session.list'), audit: 'session.list' },
      schema: {
        tags: ['sessions'],
        summary: 'The client’s sessions, newest first, each with its progress note',
        params: ClientParams,
        response: { 200: SessionsView, ...READ_ERRORS },
      },
    },
    async (request) => ({
      items: present<z.infer<typeof SessionsView>['items']>(
        await listSessions(request.deps, actorOf(request), request.params),
      ),
    }),
  );

  app.get(
    '/clients/:clientId/sessions/:sessionId',
    {
      config: { reach: clientInPath('read', 'session.read'), audit: 'session.read' },
      schema: {
        tags: ['sessions'],
        summary: 'One session with its note and the goals of the note’s plan version',
        params: SessionParams,
        response: { 200: SessionDetailView, ...READ_ERRORS, 400: ERROR_RESPONSES[400] },
      },
    },
    async (request) =>
      present<z.infer<typeof SessionDetailView>>(await getSession(request.deps, actorOf(request), request.params)),
  );

  app.put(
    '/clients/:clientId/sessions/:sessionId',
    {
      config: { reach: clientInPath('write', 'session.update'), audit: 'session.update' },
      schema: {
        tags: ['sessions'],
        summary: 'Correct a session (locked once its note is signed)',
        params: SessionParams,
        body: UpdateSessionRequest,
        response: { 200: SessionView, ...WRITE_ERRORS },
      },
    },
    async (request) =>
      present<z.infer<typeof SessionView>>(
        await updateSession(request.deps, actorOf(request), { ...request.body, ...request.params }),
      ),
  );

  app.put(
    '/clients/:clientId/sessions/:sessionId/note',
    {
      config: { reach: clientInPath('write', 'note.save'), audit: 'note.save' },
      schema: {
        tags: ['sessions'],
        summary: 'Save the progress note draft (revision 0 opens it); a signed note never changes',
        params: SessionParams,
        body: SaveNoteRequest,
        response: { 200: NoteView, ...WRITE_ERRORS },
      },
    },
    async (request) =>
      present<z.infer<typeof NoteView>>(
        await saveNoteDraft(request.deps, actorOf(request), { ...request.body, ...request.params }),
      ),
  );

  app.post(
    '/clients/:clientId/sessions/:sessionId/note/sign',
    {
      config: { roles: ['clinician'], reach: clientInPath('write', 'note.sign'), audit: 'note.sign' },
      schema: {
        tags: ['sessions'],
        summary: 'Sign the note (the session’s clinician); it is locked from then on',
        params: SessionParams,
        body: SignNoteRequest,
        response: { 200: NoteView, ...WRITE_ERRORS },
      },
    },
    async (request) =>
      present<z.infer<typeof NoteView>>(
        await signNote(request.deps, actorOf(request), { ...request.body, ...request.params }),
      ),
  );

  app.post(
    '/clients/:clientId/sessions/:sessionId/note/addenda',
    {
      config: { reach: clientInPath('write', 'note.addendum'), audit: 'note.addendum' },
      schema: {
        tags: ['sessions'],
        summary: 'Add an addendum (author and time) to a signed note',
        params: SessionParams,
        body: AddendumRequest,
        response: { 201: NoteView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          present<z.infer<typeof NoteView>>(
            await addNoteAddendum(request.deps, actorOf(request), { ...request.body, ...request.params }),
          ),
        ),
  );

  app.get(
    '/clients/:clientId/sessions/:sessionId/note/draft',
    {
      config: { reach: clientInPath('read', 'note.draft'), audit: 'note.draft' },
      schema: {
        tags: ['sessions'],
        summary: 'A deterministic draft of the note from the session’s entries, each sentence with its sources',
        params: SessionParams,
        response: { 200: NoteDraftView, ...READ_ERRORS, 400: ERROR_RESPONSES[400] },
      },
    },
    async (request) =>
      present<z.infer<typeof NoteDraftView>>(await draftSessionNote(request.deps, actorOf(request), request.params)),
  );

  // Psychotherapy notes: the reach check is the author-only rule itself, so anyone else is 404 before validation.
  const psychotherapyReach = (action: string) => async (request: Parameters<typeof actorOf>[0]) => {
    const clientId = (request.params as Record<string, unknown> | undefined)?.clientId;
    await assertPsychotherapyNoteAccess(
      request.deps,
      actorOf(request),
      typeof clientId === 'string' ? clientId : '',
      action,
    );
  };

  app.post(
    '/clients/:clientId/psychotherapy-notes',
    {
      config: { reach: psychotherapyReach('psychotherapy-note.create'), audit: 'psychotherapy-note.create' },
      schema: {
        tags: ['psychotherapy-notes'],
        summary: 'Write a psychotherapy note (author-only; never exported)',
        params: ClientParams,
        body: PsychotherapyNoteRequest,
        response: { 201: PsychotherapyNoteView, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          present<z.infer<typeof PsychotherapyNoteView>>(
            await writePsychotherapyNote(request.deps, actorOf(request), { ...request.body, ...request.params }),
          ),
        ),
  );

  app.get(
    '/clients/:clientId/psychotherapy-notes',
    {
      config: { reach: psychotherapyReach('psychotherapy-note.list'), audit: 'psychotherapy-note.list' },
      schema: {
        tags: ['psychotherapy-notes'],
        summary: 'The caller’s own psychotherapy notes about the client, newest first (author-only)',
        params: ClientParams,
        response: { 200: PsychotherapyNotesView, ...READ_ERRORS },
      },
    },
    async (request) => ({
      items: present<z.infer<typeof PsychotherapyNotesView>['items']>(
        await listPsychotherapyNotes(request.deps, actorOf(request), request.params),
      ),
    }),
  );
};
