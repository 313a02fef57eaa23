import { z } from 'zod';
import { Id } from './common.js';

/**
 * The audit trail as the API shows it: ids only, never client data.
 *
 * @example
 * const q: z.infer<typeof AuditQuery> = { limit: 50, clientId: '…' };
 */
export const AuditEventView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  resource: z.string().nullable(),
  clientIds: z.array(z.string()),
  outcome: z.enum(['success', 'failure', 'denied']),
  origin: z.string().nullable(),
  breakGlassGrantId: z
    .string()
    .nullable()
    .optional()
    .describe('Set when the event was recorded under break-glass emergency access: the grant it used.'),
  hash: z.string(),
});

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().regex(/^\d+$/).max(20).optional().describe('nextCursor of the previous page'),
  clientId: Id.optional(),
});

export const AuditVerifyView = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  brokenAt: z.number().int().nullable(),
});
