import { z } from 'zod';
import { analyzeGoalText } from '../domain/goal-text/analyze-goal-text.js';
import type { GoalAnalysis, GoalContext, GoalTextInstrument } from '../domain/goal-text/goal-analysis.js';
import { measureToGoalTextInstrument } from '../domain/goal-text/measure-to-goal-text-instrument.js';
import { listMeasures } from '../measures/registry.js';
import { type Actor, actorLabel } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

const inputSchema = z.object({
  text: z.string().max(10_000, 'must be at most 10000 characters'),
  clientId: z.string().min(1).max(100).optional(),
  goalId: z.string().min(1).max(100).optional(),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional(),
});

export type CheckGoalTextInput = z.input<typeof inputSchema>;

let instruments: readonly GoalTextInstrument[] | undefined;

/** The registry's instruments in the goal-text form, built once (the analysis caches its matcher per array). */
function goalTextInstruments(): readonly GoalTextInstrument[] {
  instruments ??= Object.freeze(listMeasures().map(measureToGoalTextInstrument));
  return instruments;
}

/**
 * SMART analysis of a goal text (`POST /api/v1/goals/check`), as `cairn goals check` gives it. With a `clientId` the
 * client's context is used (latest score per instrument as baseline, the plan's start; with a `goalId` of the current
 * plan also its formulation links and endorsement), so Achievable and Relevant are judged — which needs read access
 * to the client (404 otherwise). "Today" is in the practice time zone unless given.
 *
 * @example
 * const analysis = await checkGoalText(deps, clinician, { text: 'Reduce PHQ-9 to ≤9 within 16 weeks.', clientId });
 * analysis.smart.achievable.met // true or false (judged against the client's latest PHQ-9)
 */
export async function checkGoalText(deps: Deps, actor: Actor, input: CheckGoalTextInput): Promise<GoalAnalysis> {
  const clientId = typeof input?.clientId === 'string' ? input.clientId : undefined;
  if (clientId !== undefined) await assertClientAccess(deps, actor, clientId, 'read', 'goal.check');
  const v = parseInput(inputSchema, input);
  const practice = await deps.store.findPractice();
  const today = v.today ?? todayInTimeZone(deps.clock.now(), practice?.timeZone ?? 'UTC');
  let context: GoalContext | undefined;
  if (v.clientId) {
    const [administrations, plan] = await Promise.all([
      deps.store.listAdministrations(v.clientId),
      deps.store.findCurrentPlan(v.clientId),
    ]);
    const latest: Record<string, { at: string; total: number }> = {};
    for (const a of administrations) {
      const seen = latest[a.instrumentId];
      if (!seen || a.administeredAt > seen.at) latest[a.instrumentId] = { at: a.administeredAt, total: a.total };
    }
    const goal = v.goalId ? plan?.goals.find((g) => g.id === v.goalId) : undefined;
    context = {
      latestScores: Object.fromEntries(Object.entries(latest).map(([id, s]) => [id, s.total])),
      ...(plan ? { startDate: goal?.startDate ?? plan.establishedDate } : {}),
      ...(goal ? { formulationElementIds: goal.formulationElementIds, endorsed: goal.endorsement !== null } : {}),
    };
  }
  const analysis = analyzeGoalText(v.text, {
    today,
    instruments: goalTextInstruments(),
    ...(context ? { context } : {}),
  });
  const at = deps.clock.now().toISOString();
  await deps.store.appendAudit(
    [
      v.clientId
        ? clientAuditEvent(actor, 'goal.check', v.clientId, `client:${v.clientId}`)
        : {
            actor: actorLabel(actor),
            action: 'goal.check',
            resource: null,
            clientIds: [],
            outcome: 'success' as const,
            origin: actor.kind === 'cli' ? 'cli' : null,
          },
    ],
    at,
  );
  return analysis;
}
