/**
 * Sessions and progress notes (src/contract/sessions.ts, DESIGN 2.9) with React Query hooks: the client's sessions,
 * one session with its note and the plan's goals, recording a session, saving the note (revision), signing it,
 * adding an addendum and fetching the note draft. Psychotherapy notes are not reached from here.
 *
 * @example
 * const sessions = useClientSessions(clientId); // sessions.data?.items[0]?.note?.status
 * const save = useSaveNote(clientId); save.mutate({ sessionId, body });
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateSessionRequest,
  NoteDraftView,
  NoteView,
  SaveNoteRequest,
  SessionDetailView,
  SessionsView,
  SessionView,
} from '../../contract/sessions.js';
import { apiRequest } from './api-client.js';

export type SessionEntries = z.output<typeof SessionsView>;
export type SessionDetail = z.output<typeof SessionDetailView>;
export type SessionRecordView = z.output<typeof SessionView>;
export type Note = z.output<typeof NoteView>;
export type NoteDraft = z.output<typeof NoteDraftView>;
export type CreateSessionBody = z.input<typeof CreateSessionRequest>;
export type SaveNoteBody = z.input<typeof SaveNoteRequest>;

export const sessionKeys = {
  list: (clientId: string) => ['client', clientId, 'sessions'] as const,
  one: (clientId: string, sessionId: string) => ['client', clientId, 'sessions', sessionId] as const,
};

/**
 * `GET /clients/{id}/sessions`: the sessions newest first, each with its note.
 *
 * @example
 * useClientSessions(clientId).data?.items.length
 */
export function useClientSessions(clientId: string) {
  return useQuery({
    queryKey: sessionKeys.list(clientId),
    queryFn: () => apiRequest<SessionEntries>('GET', `/clients/${clientId}/sessions`),
  });
}

/**
 * `GET /clients/{id}/sessions/{sessionId}`: the session, its note and the goals of the note's plan version.
 *
 * @example
 * useSession(clientId, sessionId).data?.plan?.goals
 */
export function useSessionDetail(clientId: string, sessionId: string) {
  return useQuery({
    queryKey: sessionKeys.one(clientId, sessionId),
    queryFn: () => apiRequest<SessionDetail>('GET', `/clients/${clientId}/sessions/${sessionId}`),
  });
}

function useInvalidate(clientId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sessionKeys.list(clientId) });
}

/**
 * `POST /clients/{id}/sessions`: records a session.
 *
 * @example
 * useCreateSession(clientId).mutate({ date, startTime, endTime, serviceType, modality, attendance });
 */
export function useCreateSession(clientId: string) {
  const invalidate = useInvalidate(clientId);
  return useMutation({
    mutationFn: (body: CreateSessionBody) =>
      apiRequest<SessionRecordView>('POST', `/clients/${clientId}/sessions`, body),
    onSuccess: invalidate,
  });
}

/**
 * `PUT /clients/{id}/sessions/{sessionId}/note`: saves the draft note (revision 0 opens it; 409 when stale).
 *
 * @example
 * save.mutate({ sessionId, body: { revision, sections, goalsAddressed, interventions, administrationIds, homework, risk } });
 */
export function useSaveNote(clientId: string) {
  const invalidate = useInvalidate(clientId);
  return useMutation({
    mutationFn: ({ sessionId, body }: { sessionId: string; body: SaveNoteBody }) =>
      apiRequest<Note>('PUT', `/clients/${clientId}/sessions/${sessionId}/note`, body),
    onSuccess: invalidate,
  });
}

/**
 * `POST /clients/{id}/sessions/{sessionId}/note/sign`: signs the note (the session's clinician).
 *
 * @example
 * sign.mutate({ sessionId, revision });
 */
export function useSignNote(clientId: string) {
  const invalidate = useInvalidate(clientId);
  return useMutation({
    mutationFn: ({ sessionId, revision }: { sessionId: string; revision: number }) =>
      apiRequest<Note>('POST', `/clients/${clientId}/sessions/${sessionId}/note/sign`, { revision }),
    onSuccess: invalidate,
  });
}

/**
 * `POST /clients/{id}/sessions/{sessionId}/note/addenda`: adds an addendum to a signed note.
 *
 * @example
 * addendum.mutate({ sessionId, text: 'Client phoned to confirm homework.' });
 */
export function useAddAddendum(clientId: string) {
  const invalidate = useInvalidate(clientId);
  return useMutation({
    mutationFn: ({ sessionId, text }: { sessionId: string; text: string }) =>
      apiRequest<Note>('POST', `/clients/${clientId}/sessions/${sessionId}/note/addenda`, { text }),
    onSuccess: invalidate,
  });
}

/**
 * `GET /clients/{id}/sessions/{sessionId}/note/draft`, fetched on demand: the deterministic draft with sources.
 *
 * @example
 * const draft = await fetchNoteDraft(clientId, sessionId);
 */
export function fetchNoteDraft(clientId: string, sessionId: string): Promise<NoteDraft> {
  return apiRequest<NoteDraft>('GET', `/clients/${clientId}/sessions/${sessionId}/note/draft`);
}
