import { z } from 'zod';
import { Id } from './common.js';

/**
 * Break-glass emergency access (DESIGN 2.8): a clinician or supervisor opens a client outside their reach for a
 * limited time with a stated reason; admins list the grants and review them.
 *
 * @example
 * const body: z.infer<typeof BreakGlassRequest> = { reason: 'Client called in crisis; primary clinician on leave.' };
 */
export const BreakGlassRequest = z.strictObject({
  reason: z
    .string()
    .min(20, 'must be at least 20 characters: say why the access is needed')
    .max(1000, 'must be at most 1000 characters')
    .describe('Why the access is needed (shown to the administrators who review it).'),
});

export const BreakGlassGrantCreated = z.object({
  id: Id,
  clientId: Id,
  createdAt: z.string(),
  expiresAt: z.string().describe('The access ends at this instant.'),
});

export const BreakGlassReviewView = z.object({
  reviewedAt: z.string(),
  reviewedBy: Id,
  note: z.string(),
});

export const BreakGlassGrantView = z.object({
  id: Id,
  userId: Id,
  userName: z.string(),
  clientId: Id,
  reason: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** True while the grant still gives access (unexpired, unrevoked). */
  active: z.boolean(),
  review: BreakGlassReviewView.nullable(),
});

export const BreakGlassListQuery = z.strictObject({
  unreviewed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: only the grants still to review'),
});

export const BreakGlassReviewRequest = z.strictObject({
  note: z.string().min(1).max(2000).describe('What the review found.'),
});

/** The exact lookup by record number is a POST so the number never appears in a URL (DESIGN 2.8). */
export const BreakGlassLookupRequest = z.strictObject({
  recordNumber: z.string().min(1).max(100),
});

export const BreakGlassLookupView = z.object({
  id: Id,
  initials: z.string().describe('The client’s initials only; nothing more is shown before the glass is broken.'),
});
