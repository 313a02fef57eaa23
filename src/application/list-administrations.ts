import { z } from 'zod';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Administration, Deps } from './ports.js';

const inputSchema = z.object({
  clientId: z.string().min(1).max(100),
  instrumentId: z.string().max(100).optional(),
});

/**
 * The client's administrations with their item answers and scores, newest first
 * (`GET /api/v1/clients/{clientId}/administrations`), optionally of one instrument.
 *
 * @example
 * const items = await listAdministrations(deps, clinician, { clientId, instrumentId: 'phq9' });
 * items[0]?.total // the latest PHQ-9 total
 */
export async function listAdministrations(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof inputSchema>,
): Promise<readonly Administration[]> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'administration.list');
  const v = parseInput(inputSchema, input);
  const items = await deps.store.listAdministrations(v.clientId, v.instrumentId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'administration.list', v.clientId, `client:${v.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return [...items].sort((a, b) => b.administeredAt.localeCompare(a.administeredAt) || b.id.localeCompare(a.id));
}
