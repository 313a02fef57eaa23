import { z } from 'zod';
import { classifyReliableChange } from '../domain/progress/reliable-change.js';
import {
  draftProgressNote,
  type NoteDraft,
  type NoteDraftGoal,
  type NoteDraftScore,
} from '../domain/sessions/draft-progress-note.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { getMeasure } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Administration, Deps } from './ports.js';
import { findSignedPlan } from './review-data.js';
import { findClientSession } from './session-data.js';

const draftSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  sessionId: z.string().min(1).max(100),
});

/**
 * The scores of the session with the previous administration of the same instrument and the reliable change between
 * them (the instrument's sourced threshold; null without one).
 */
function scoresOf(linked: readonly Administration[], all: readonly Administration[]): NoteDraftScore[] {
  return linked.map((a) => {
    const previous =
      all
        .filter((p) => p.instrumentId === a.instrumentId && p.administeredAt < a.administeredAt)
        .sort((x, y) => y.administeredAt.localeCompare(x.administeredAt))[0] ?? null;
    const measure = getMeasure(a.instrumentId);
    return {
      administrationId: a.id,
      label: measure?.shortName ?? a.instrumentId,
      total: a.total,
      severity: a.severity,
      administeredOn: a.administeredOn,
      previous: previous
        ? { administrationId: previous.id, total: previous.total, administeredOn: previous.administeredOn }
        : null,
      reliableChange: previous && measure ? classifyReliableChange(measure, previous.total, a.total) : null,
    };
  });
}

/**
 * The deterministic draft of a session's note (`GET /api/v1/clients/{clientId}/sessions/{sessionId}/note/draft`,
 * issue 11 item 4) from its structured entries: the session, the goals and objectives ticked and the interventions
 * picked in the note, and the scores linked to it (before a note is opened: the client's administrations on the
 * session date) with their change. Every sentence names its sources; the clinician copies and edits. Nothing is
 * stored. Read access; audited (`note.draft`). Psychotherapy notes are never read.
 *
 * @example
 * const draft = await draftSessionNote(deps, clinician, { clientId, sessionId });
 * draft.sections[0]?.sentences[0]?.sources // [{ kind: 'session', sessionId }]
 */
export async function draftSessionNote(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof draftSchema>,
): Promise<NoteDraft> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'note.draft');
  const v = parseInput(draftSchema, input);
  const practice = await deps.store.findPractice();
  if (!practice) throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
  const session = await findClientSession(deps.store, access.clientId, v.sessionId);
  const note = await deps.store.findProgressNote(session.id);
  const plan = note
    ? note.planId
      ? await deps.store.findPlanById(note.planId)
      : null
    : await findSignedPlan(deps.store, access.clientId);
  const goals: NoteDraftGoal[] = (note?.goalsAddressed ?? []).flatMap((addressed) => {
    const goal = plan?.goals.find((g) => g.id === addressed.goalId);
    if (!goal) return [];
    return [
      {
        goalId: goal.id,
        statement: goal.statement,
        objectives: goal.objectives
          .filter((o) => addressed.objectiveIds.includes(o.id))
          .map((o) => ({ objectiveId: o.id, statement: o.statement })),
      },
    ];
  });
  const all = await deps.store.listAdministrations(access.clientId);
  const linked = note
    ? note.administrationIds.flatMap((id) => all.filter((a) => a.id === id))
    : all.filter((a) => a.administeredOn === session.date);
  const draft = draftProgressNote({
    format: note?.sections.kind ?? practice.settings.noteFormat,
    session,
    goals,
    interventions: note?.interventions ?? [],
    scores: scoresOf(linked, all),
  });
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'note.draft', access.clientId, `session:${session.id}`)],
    deps.clock.now().toISOString(),
  );
  return draft;
}
