import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { BehaviorDefinition, Deps } from './ports.js';

const defineSchema = z.object({
  clientId: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  period: z.enum(['day', 'week', 'month']),
  direction: z.enum(['decrease', 'increase']),
  unit: z.string().trim().min(1).max(50).nullable().optional(),
});

export type DefineBehaviorInput = z.input<typeof defineSchema>;

/**
 * The client's counted behaviours (`GET /api/v1/clients/{clientId}/behaviors`), by name.
 *
 * @example
 * const behaviors = await listBehaviors(deps, clinician, { clientId }); // [{ name: 'Panic attacks', period: 'week', … }]
 */
export async function listBehaviors(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string },
): Promise<readonly BehaviorDefinition[]> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'behavior.list');
  const behaviors = await deps.store.listBehaviors(access.clientId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'behavior.list', access.clientId, `client:${access.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return behaviors;
}

/**
 * Defines a behaviour to count for the client (`POST /api/v1/clients/{clientId}/behaviors`): what, counted per day,
 * week or month, and which way is better. A name the client already has is `duplicate`.
 *
 * @example
 * await defineBehavior(deps, clinician, { clientId, name: 'Panic attacks', period: 'week', direction: 'decrease' });
 */
export async function defineBehavior(
  deps: Deps,
  actor: Actor,
  input: DefineBehaviorInput,
): Promise<BehaviorDefinition> {
  const access = await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'behavior.create');
  const v = parseInput(defineSchema, input);
  const behavior: BehaviorDefinition = {
    id: deps.ids.newId(),
    clientId: access.clientId,
    name: v.name,
    period: v.period,
    direction: v.direction,
    unit: v.unit ?? null,
  };
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    const existing = await tx.listBehaviors(access.clientId);
    if (existing.some((b) => b.name.toLowerCase() === behavior.name.toLowerCase())) {
      throw new AppError(ErrorCode.duplicate, 'The client already has a behaviour with that name.');
    }
    await tx.insertBehavior(behavior, at);
    await tx.appendAudit([clientAuditEvent(actor, 'behavior.create', access.clientId, `behavior:${behavior.id}`)], at);
  });
  return behavior;
}
