import { z } from 'zod';
import { Id } from './common.js';

/**
 * `POST /api/v1/goals/check`: the SMART analysis of a goal text (the `cairn goals check` object without `id`).
 *
 * @example
 * const body: z.infer<typeof GoalCheckRequest> = { text: 'Reduce PHQ-9 from 18 to ≤9 within 16 weeks.', clientId: '…' };
 */
export const GoalCheckRequest = z.strictObject({
  text: z.string().max(10_000),
  clientId: Id.optional().describe('Judge Achievable and Relevant with this client’s data (read access needed).'),
  goalId: z.string().max(100).optional().describe('A goal of the client’s current plan: its links and endorsement.'),
  today: z.string().max(10).optional().describe('YYYY-MM-DD; default today in the practice time zone.'),
});

const Verdict = z.looseObject({ met: z.boolean().nullable(), reason: z.string() });

export const GoalCheckResponse = z.object({
  smart: z.object({
    specific: Verdict,
    measurable: Verdict,
    achievable: Verdict,
    relevant: Verdict,
    timeBound: Verdict,
  }),
  targets: z.array(
    z.looseObject({
      kind: z.enum(['instrument', 'behavior', 'task']),
      measure: z.string().nullable(),
      behavior: z.string().nullable(),
      direction: z.string().nullable(),
      baseline: z.looseObject({ value: z.number(), per: z.string().nullable() }).nullable(),
      target: z.looseObject({ kind: z.string() }).nullable(),
    }),
  ),
  deadline: z.looseObject({ kind: z.enum(['relative', 'date']), dueDate: z.string().nullable() }).nullable(),
  findings: z.array(
    z.looseObject({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      suggestion: z.string(),
    }),
  ),
});
