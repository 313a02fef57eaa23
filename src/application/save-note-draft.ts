import { z } from 'zod';
import type { ProgressNote } from '../domain/sessions/progress-note.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { findSignedPlan } from './review-data.js';
import { findClientSession } from './session-data.js';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const id = z.string().min(1).max(100);

const saveSchema = z.strictObject({
  clientId: id,
  sessionId: id,
  revision: z.number().int().min(0),
  sections: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('dap'), data: text(20_000), assessment: text(20_000), plan: text(20_000) }),
    z.strictObject({
      kind: z.literal('soap'),
      subjective: text(20_000),
      objective: text(20_000),
      assessment: text(20_000),
      plan: text(20_000),
    }),
  ]),
  goalsAddressed: z.array(z.strictObject({ goalId: id, objectiveIds: z.array(id).max(20) })).max(20),
  interventions: z
    .array(z.strictObject({ interventionId: id.nullable(), name: text(300).min(1, 'must not be empty') }))
    .max(30),
  administrationIds: z.array(id).max(20),
  homework: text(5000),
  risk: z
    .strictObject({ level: z.enum(['none-identified', 'low', 'moderate', 'high']), text: text(10_000) })
    .nullable(),
});

export type SaveNoteDraftInput = z.input<typeof saveSchema>;

function invalid(message: string): AppError {
  return new AppError(ErrorCode.invalidInput, message);
}

function checkAgainstPlan(v: z.output<typeof saveSchema>, plan: TreatmentPlan | null): void {
  const goals = new Map((plan?.goals ?? []).map((g) => [g.id, g]));
  const seen = new Set<string>();
  for (const [i, g] of v.goalsAddressed.entries()) {
    const goal = goals.get(g.goalId);
    if (!goal) throw invalid(`goalsAddressed.${i}.goalId: not a goal of the note's plan version`);
    if (seen.has(g.goalId)) throw invalid(`goalsAddressed.${i}.goalId: each goal at most once`);
    seen.add(g.goalId);
    for (const [j, objectiveId] of g.objectiveIds.entries()) {
      if (!goal.objectives.some((o) => o.id === objectiveId))
        throw invalid(`goalsAddressed.${i}.objectiveIds.${j}: not an objective of that goal`);
    }
  }
  const interventions = new Set(
    (plan?.goals ?? []).flatMap((g) => g.objectives.flatMap((o) => o.interventions.map((x) => x.id))),
  );
  for (const [i, d] of v.interventions.entries()) {
    if (d.interventionId !== null && !interventions.has(d.interventionId))
      throw invalid(`interventions.${i}.interventionId: not an intervention of the note's plan version`);
  }
}

/**
 * Saves the session's progress note (`PUT /api/v1/clients/{clientId}/sessions/{sessionId}/note`). With revision 0 it
 * opens the note in the practice's format (DAP or SOAP) on the signed plan version in force; later saves send the
 * revision they read (stale: 409 `stale-revision`, nothing written). Goals, objectives and interventions must be the
 * note's plan version's (an intervention may also be added by name, `interventionId: null`); administrations must be
 * the client's. A signed note never changes (`conflict`): later words are addenda. Write access; audited
 * (`note.save`).
 *
 * @example
 * const note = await saveNoteDraft(deps, clinician, { clientId, sessionId, revision: 0,
 *   sections: { kind: 'dap', data: 'Reviewed diary.', assessment: '', plan: '' }, goalsAddressed: [],
 *   interventions: [], administrationIds: [], homework: '', risk: null });
 * note.revision // 1
 */
export async function saveNoteDraft(deps: Deps, actor: Actor, input: SaveNoteDraftInput): Promise<ProgressNote> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'note.save');
  const v = parseInput(saveSchema, input);
  const practice = await deps.store.findPractice();
  if (!practice) throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const session = await findClientSession(tx, access.clientId, v.sessionId);
    const existing = await tx.findProgressNote(session.id);
    if (existing?.status === 'signed') {
      throw new AppError(ErrorCode.conflict, 'A signed note never changes: add an addendum instead.');
    }
    const current = existing?.revision ?? 0;
    if (current !== v.revision) {
      throw new AppError(
        ErrorCode.staleRevision,
        `The note has changed since revision ${v.revision} (it is at revision ${current}); reload it.`,
      );
    }
    const format = existing?.sections.kind ?? practice.settings.noteFormat;
    if (v.sections.kind !== format) throw invalid(`sections.kind: this note is written as ${format.toUpperCase()}`);
    const plan = existing
      ? existing.planId
        ? await tx.findPlanById(existing.planId)
        : null
      : await findSignedPlan(tx, access.clientId);
    checkAgainstPlan(v, plan);
    if (v.administrationIds.length > 0) {
      const ids = new Set((await tx.listAdministrations(access.clientId)).map((a) => a.id));
      const bad = v.administrationIds.findIndex((a) => !ids.has(a));
      if (bad >= 0) throw invalid(`administrationIds.${bad}: not an administration of this client`);
    }
    const note: ProgressNote = {
      id: existing?.id ?? deps.ids.newId(),
      sessionId: session.id,
      clientId: access.clientId,
      planId: plan?.id ?? null,
      status: 'draft',
      revision: current + 1,
      sections: v.sections,
      goalsAddressed: v.goalsAddressed,
      interventions: v.interventions,
      administrationIds: [...new Set(v.administrationIds)],
      homework: v.homework,
      risk: v.risk,
      signature: null,
      addenda: [],
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (!existing) {
      await tx.insertProgressNote(note, actor.kind === 'user' ? actor.userId : `cli:${actor.osUser}`);
    } else if (!(await tx.replaceDraftNote(note, existing.revision))) {
      throw new AppError(ErrorCode.staleRevision, 'The note changed while saving; reload it and try again.');
    }
    await tx.appendAudit([clientAuditEvent(actor, 'note.save', access.clientId, `note:${note.id}`)], now);
    return note;
  });
}
