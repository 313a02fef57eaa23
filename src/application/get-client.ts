import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Diagnosis } from '../domain/treatment-plans/treatment-plan.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Client, ClientAssignment, Deps } from './ports.js';

const inputSchema = z.object({ clientId: z.string().min(1).max(100) });

export interface ClientRecord {
  readonly client: Client;
  readonly assignments: readonly ClientAssignment[];
  readonly diagnoses: readonly Diagnosis[];
}

/**
 * One client with its assignments and diagnoses (`GET /api/v1/clients/{clientId}`); `not-found` when out of reach.
 *
 * @example
 * const { client, assignments } = await getClient(deps, clinician, { clientId });
 */
export async function getClient(deps: Deps, actor: Actor, input: { readonly clientId: string }): Promise<ClientRecord> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'client.read');
  const v = parseInput(inputSchema, input);
  const client = await deps.store.findClientById(v.clientId);
  if (!client) throw new AppError(ErrorCode.notFound, 'No such client.');
  const [assignments, diagnoses] = await Promise.all([
    deps.store.listClientAssignments(client.id),
    deps.store.listDiagnoses(client.id),
  ]);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'client.read', client.id, `client:${client.id}`)],
    deps.clock.now().toISOString(),
  );
  return { client, assignments, diagnoses };
}
