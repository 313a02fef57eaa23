import { z } from 'zod';
import { Id } from './common.js';

/**
 * Sessions, progress notes and psychotherapy notes as the API shows them (DESIGN 2.9, issue 11), and the requests
 * that write them. Request objects are strict: an unknown field is 400.
 *
 * @example
 * const body: z.infer<typeof CreateSessionRequest> = { date: '2026-11-20', startTime: '14:00', endTime: '14:50',
 *   serviceType: 'individual', modality: 'video', attendance: 'attended' };
 */
export const SessionParams = z.strictObject({ clientId: Id, sessionId: Id });

const SessionFields = {
  date: z.string().describe('YYYY-MM-DD in the practice time zone.'),
  startTime: z.string().describe('HH:MM (24-hour) in the practice time zone.'),
  endTime: z.string().describe('HH:MM, after startTime.'),
  serviceType: z.enum(['individual', 'group', 'family']),
  modality: z.enum(['in-person', 'video', 'audio']),
  attendance: z.enum(['attended', 'cancelled', 'late-cancel', 'no-show']),
  billingCodes: z.array(z.string()).optional().describe('Free data for the billing system (CPT codes, modifiers).'),
  clinicianId: Id.optional().describe('The clinician who held the session; default the caller.'),
};

export const CreateSessionRequest = z.strictObject(SessionFields);

export const UpdateSessionRequest = z.strictObject({
  ...SessionFields,
  revision: z.number().int().min(1).describe('The session revision the edit is based on.'),
});

export const SessionView = z.object({
  id: Id,
  clientId: Id,
  clinicianId: Id,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  serviceType: z.enum(['individual', 'group', 'family']),
  modality: z.enum(['in-person', 'video', 'audio']),
  attendance: z.enum(['attended', 'cancelled', 'late-cancel', 'no-show']),
  billingCodes: z.array(z.string()),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const Sections = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dap'), data: z.string(), assessment: z.string(), plan: z.string() }),
  z.strictObject({
    kind: z.literal('soap'),
    subjective: z.string(),
    objective: z.string(),
    assessment: z.string(),
    plan: z.string(),
  }),
]);

const RiskView = z.strictObject({
  level: z.enum(['none-identified', 'low', 'moderate', 'high']),
  text: z.string(),
});

export const NoteView = z.object({
  id: Id,
  sessionId: Id,
  clientId: Id,
  planId: Id.nullable(),
  status: z.enum(['draft', 'signed']),
  revision: z.number().int(),
  sections: Sections,
  goalsAddressed: z.array(z.object({ goalId: z.string(), objectiveIds: z.array(z.string()) })),
  interventions: z.array(z.object({ interventionId: z.string().nullable(), name: z.string() })),
  administrationIds: z.array(z.string()),
  homework: z.string(),
  risk: RiskView.nullable(),
  signature: z
    .object({ userId: z.string(), name: z.string(), credentials: z.string(), signedAt: z.string() })
    .nullable(),
  addenda: z.array(
    z.object({
      id: Id,
      noteId: Id,
      text: z.string(),
      authorId: Id,
      authorName: z.string(),
      createdAt: z.string(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const SessionEntryView = z.object({ session: SessionView, note: NoteView.nullable() });

export const SessionsView = z.object({ items: z.array(SessionEntryView) });

export const SessionDetailView = SessionEntryView.extend({
  plan: z
    .object({
      planId: Id,
      planVersion: z.number().int(),
      goals: z.array(
        z.object({
          id: z.string(),
          statement: z.string(),
          status: z.string(),
          objectives: z.array(
            z.object({
              id: z.string(),
              statement: z.string(),
              interventions: z.array(z.object({ id: z.string(), name: z.string() })),
            }),
          ),
        }),
      ),
    })
    .nullable()
    .describe('The plan version the note refers to (the signed plan in force until the note is opened).'),
  noteFormat: z.enum(['dap', 'soap']).describe('The note’s format: the open note’s, else the practice setting.'),
  administrations: z
    .array(
      z.object({
        id: Id,
        instrumentId: z.string(),
        label: z.string(),
        total: z.number(),
        severity: z.string().nullable(),
        administeredOn: z.string(),
      }),
    )
    .describe('Scores the note may link: the client’s administrations on the session date, and any already linked.'),
});

export const SaveNoteRequest = z.strictObject({
  revision: z.number().int().min(0).describe('The note revision the edit is based on; 0 opens the note.'),
  sections: Sections,
  goalsAddressed: z.array(z.strictObject({ goalId: z.string(), objectiveIds: z.array(z.string()) })),
  interventions: z.array(z.strictObject({ interventionId: z.string().nullable(), name: z.string() })),
  administrationIds: z.array(z.string()),
  homework: z.string(),
  risk: RiskView.nullable(),
});

export const SignNoteRequest = z.strictObject({
  revision: z.number().int().min(1).describe('The note revision the clinician read and is signing.'),
});

export const AddendumRequest = z.strictObject({ text: z.string() });

const DraftSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), sessionId: z.string() }),
  z.object({ kind: z.literal('goal'), goalId: z.string() }),
  z.object({ kind: z.literal('objective'), objectiveId: z.string() }),
  z.object({ kind: z.literal('intervention'), interventionId: z.string().nullable(), name: z.string() }),
  z.object({ kind: z.literal('administration'), administrationId: z.string() }),
]);

export const NoteDraftView = z.object({
  format: z.enum(['dap', 'soap']),
  sections: z.array(
    z.object({
      name: z.string(),
      text: z.string(),
      sentences: z.array(z.object({ text: z.string(), sources: z.array(DraftSource) })),
    }),
  ),
});

export const PsychotherapyNoteRequest = z.strictObject({
  sessionId: Id.nullable().optional(),
  text: z.string(),
});

export const PsychotherapyNoteView = z.object({
  id: Id,
  clientId: Id,
  sessionId: Id.nullable(),
  authorId: Id,
  text: z.string(),
  createdAt: z.string(),
});

export const PsychotherapyNotesView = z.object({ items: z.array(PsychotherapyNoteView) });

/** The note editor's request from a note as read (for the web app: edit and save back). */
export function saveNoteRequestOf(
  note: z.infer<typeof NoteView>,
  revision = note.revision,
): z.infer<typeof SaveNoteRequest> {
  return {
    revision,
    sections: note.sections,
    goalsAddressed: note.goalsAddressed,
    interventions: note.interventions,
    administrationIds: note.administrationIds,
    homework: note.homework,
    risk: note.risk,
  };
}
