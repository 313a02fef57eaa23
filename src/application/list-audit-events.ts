import { z } from 'zod';
import type { Actor } from './actor.js';
import { parseInput } from './parse-input.js';
import type { AuditChainReport, AuditEvent, Deps } from './ports.js';
import { requireRole } from './require-role.js';
import { staffAuditEvent } from './staff-audit-event.js';

const inputSchema = z.object({
  limit: z.number().int().min(1).max(500),
  beforeSeq: z.number().int().min(1).optional(),
  clientId: z.string().min(1).max(100).optional(),
});

export type ListAuditEventsInput = z.input<typeof inputSchema>;

/**
 * The audit trail, newest first (`GET /api/v1/audit`): read only, for administrators and auditors (DESIGN 1, 2.8).
 * Events carry ids only, never client data. Reading the trail is itself recorded.
 *
 * @example
 * const page = await listAuditEvents(deps, auditor, { limit: 50 });
 */
export async function listAuditEvents(
  deps: Deps,
  actor: Actor,
  input: ListAuditEventsInput,
): Promise<readonly AuditEvent[]> {
  requireRole(actor, ['admin', 'auditor'], 'Only administrators and auditors can read the audit trail.');
  const v = parseInput(inputSchema, input);
  const events = await deps.store.listAuditNewestFirst({
    limit: v.limit,
    ...(v.beforeSeq === undefined ? {} : { beforeSeq: v.beforeSeq }),
    ...(v.clientId === undefined ? {} : { clientId: v.clientId }),
  });
  await deps.store.appendAudit(
    [{ ...staffAuditEvent(actor, 'audit.read', null), clientIds: v.clientId ? [v.clientId] : [] }],
    deps.clock.now().toISOString(),
  );
  return events;
}

/**
 * Recomputes the hash chain (`GET /api/v1/audit/verify`), like `cairn audit verify`.
 *
 * @example
 * (await verifyAuditTrail(deps, auditor)).ok // true
 */
export async function verifyAuditTrail(deps: Deps, actor: Actor): Promise<AuditChainReport> {
  requireRole(actor, ['admin', 'auditor'], 'Only administrators and auditors can verify the audit trail.');
  const report = await deps.store.verifyAudit();
  await deps.store.appendAudit(
    [staffAuditEvent(actor, 'audit.verify', null, report.ok ? 'success' : 'failure')],
    deps.clock.now().toISOString(),
  );
  return report;
}
