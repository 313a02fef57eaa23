import { z } from 'zod';
import { type Actor, actorLabel } from './actor.js';
import { parseInput } from './parse-input.js';
import type { CaseloadEntry, CaseloadQuery, Deps } from './ports.js';

const inputSchema = z.object({
  limit: z.number().int().min(1).max(500),
  after: z
    .object({ createdAt: z.string().max(40), id: z.string().max(100) })
    .nullable()
    .optional(),
  status: z.enum(['active', 'discharged', 'archived']).optional(),
});

export type ListCaseloadInput = z.input<typeof inputSchema>;

/** Which clients an actor's caseload holds (the same rule as assertClientAccess, as a query). */
export function caseloadScope(actor: Actor): CaseloadQuery['scope'] | null {
  if (actor.kind === 'cli' || actor.roles.includes('auditor')) return 'practice';
  if (actor.roles.includes('supervisor')) return 'assigned-or-supervised';
  if (actor.roles.includes('clinician')) return 'assigned';
  return null;
}

/**
 * The caseload (`GET /api/v1/caseload`): the clients in the caller's reach, newest first, a page at a time, each with
 * its primary clinician and latest score per instrument. Clinicians see their assigned clients, supervisors also
 * their supervisees', auditors the whole practice; an administrator without a clinical role sees none (DESIGN 2.8).
 * One audit event names every client shown.
 *
 * @example
 * const page = await listCaseload(deps, clinician, { limit: 50 });
 * page[0]?.latestScores // [{ instrumentId: 'phq9', total: 12, severity: 'moderate', administeredOn: '2026-11-20' }]
 */
export async function listCaseload(
  deps: Deps,
  actor: Actor,
  input: ListCaseloadInput,
): Promise<readonly CaseloadEntry[]> {
  const v = parseInput(inputSchema, input);
  const scope = caseloadScope(actor);
  const practice = await deps.store.findPractice();
  const practiceId = actor.kind === 'user' ? actor.practiceId : practice?.id;
  const entries =
    scope && practiceId
      ? await deps.store.listCaseload({
          practiceId,
          userId: actor.kind === 'user' ? actor.userId : '',
          scope,
          limit: v.limit,
          after: v.after ?? null,
          ...(v.status ? { status: v.status } : {}),
        })
      : [];
  await deps.store.appendAudit(
    [
      {
        actor: actorLabel(actor),
        action: 'caseload.read',
        resource: null,
        clientIds: entries.map((e) => e.client.id),
        outcome: 'success',
        origin: actor.kind === 'cli' ? 'cli' : null,
      },
    ],
    deps.clock.now().toISOString(),
  );
  return entries;
}
