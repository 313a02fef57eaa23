import { z } from 'zod';
import { type Formulation, FormulationElementKind, ProblemArea } from '../domain/formulation/formulation.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const saveSchema = z.object({
  clientId: z.string().min(1).max(100),
  problemAreas: z.array(z.enum(Object.values(ProblemArea))).max(7),
  elements: z
    .array(
      z.object({
        id: z.string().regex(uuidLike, 'must be an id given by Cairn').optional(),
        kind: z.enum(Object.values(FormulationElementKind)),
        text: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
        libraryKey: z.string().max(100).nullable().optional(),
      }),
    )
    .max(200, 'at most 200 elements'),
});

export type SaveFormulationInput = z.input<typeof saveSchema>;

/**
 * The client's structured formulation (`GET /api/v1/clients/{clientId}/formulation`); `not-found` when none exists.
 *
 * @example
 * const f = await getFormulation(deps, clinician, { clientId }); // { problemAreas: ['depression'], elements: [...] }
 */
export async function getFormulation(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string },
): Promise<Formulation> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'formulation.read');
  const formulation = await deps.store.findFormulation(input.clientId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'formulation.read', input.clientId, `client:${input.clientId}`)],
    deps.clock.now().toISOString(),
  );
  if (!formulation) throw new AppError(ErrorCode.notFound, 'The client has no formulation yet.');
  return formulation;
}

/**
 * Replaces the client's formulation (`PUT /api/v1/clients/{clientId}/formulation`): problem areas and elements in
 * order. An element keeps its id when the request sends it (goals link to element ids); new elements get one.
 *
 * @example
 * await saveFormulation(deps, clinician, { clientId, problemAreas: ['panic'],
 *   elements: [{ kind: 'safety-behaviour', text: 'Carries water everywhere' }] });
 */
export async function saveFormulation(deps: Deps, actor: Actor, input: SaveFormulationInput): Promise<Formulation> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'formulation.update');
  const v = parseInput(saveSchema, input);
  const ids = v.elements.map((e) => e.id).filter((id): id is string => id !== undefined);
  if (new Set(ids).size !== ids.length) throw new AppError(ErrorCode.invalidInput, 'elements: an id appears twice');
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const existing = await tx.findFormulation(v.clientId);
    const formulation: Formulation = {
      id: existing?.id ?? deps.ids.newId(),
      clientId: v.clientId,
      problemAreas: [...new Set(v.problemAreas)],
      elements: v.elements.map((e) => ({
        id: e.id ?? deps.ids.newId(),
        kind: e.kind,
        text: e.text,
        libraryKey: e.libraryKey ?? null,
      })),
    };
    await tx.updateFormulation(formulation, actor.kind === 'user' ? actor.userId : 'cli', now);
    await tx.appendAudit(
      [clientAuditEvent(actor, 'formulation.update', v.clientId, `formulation:${formulation.id}`)],
      now,
    );
    return formulation;
  });
}
