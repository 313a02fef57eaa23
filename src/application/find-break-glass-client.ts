import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { clientAuditEvent } from './client-audit-event.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { requireRole } from './require-role.js';

const inputSchema = z.strictObject({
  recordNumber: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});

export type FindBreakGlassClientInput = z.input<typeof inputSchema>;

/** What an exact lookup shows before the glass is broken: the id and initials only, never the name or birth date. */
export interface BreakGlassClientMatch {
  readonly id: string;
  readonly initials: string;
}

/**
 * Finds a client of the practice by its exact record number, so a clinician who needs emergency access can name the
 * client without knowing its id (DESIGN 2.8). Shows only the id and the initials; no partial matching. Clinicians
 * and supervisors; `not-found` when no client has that number. Audited (`break-glass.lookup`), naming the client
 * found.
 *
 * @example
 * await findBreakGlassClient(deps, actor, { recordNumber: 'DEMO-002' }) // { id: '…', initials: 'M.R.' }
 */
export async function findBreakGlassClient(
  deps: Deps,
  actor: Actor,
  input: FindBreakGlassClientInput,
): Promise<BreakGlassClientMatch> {
  requireRole(actor, ['clinician', 'supervisor'], 'Only a clinician or supervisor can use emergency access.');
  const v = parseInput(inputSchema, input);
  const practice = await deps.store.findPractice();
  const practiceId = actor.kind === 'user' ? actor.practiceId : practice?.id;
  const client = practiceId ? await deps.store.findClientByRecordNumber(practiceId, v.recordNumber) : null;
  if (!client) throw new AppError(ErrorCode.notFound, 'No client has that record number.');
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'break-glass.lookup', client.id, `client:${client.id}`)],
    deps.clock.now().toISOString(),
  );
  return { id: client.id, initials: initialsOf(client.givenName, client.familyName) };
}

function initialsOf(givenName: string, familyName: string): string {
  return [givenName, familyName]
    .map((name) => name.trim().charAt(0).toUpperCase())
    .filter((c) => c.length > 0)
    .map((c) => `${c}.`)
    .join('');
}
