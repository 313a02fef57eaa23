/**
 * What the session and note use cases share (DESIGN 2.9): finding a session of the client, the note's plan version
 * and its goals as the note editor shows them. No access check or audit here (the use cases do both).
 *
 * @example
 * const session = await findClientSession(store, clientId, sessionId);
 * const goals = planGoalsOf(await store.findPlanById(planId));
 */
import type { SessionRecord } from '../domain/sessions/session-record.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import type { Store } from './ports.js';

/**
 * A session of the client by id; `not-found` when there is none or it belongs to another client.
 *
 * @example
 * const session = await findClientSession(store, clientId, sessionId);
 */
export async function findClientSession(store: Store, clientId: string, sessionId: string): Promise<SessionRecord> {
  const session = await store.findSessionRecord(sessionId);
  if (!session || session.clientId !== clientId) throw new AppError(ErrorCode.notFound, 'No such session.');
  return session;
}

/**
 * The goals of a plan version as the note editor shows them: each goal with its status, objectives and their
 * interventions (active goals first is the editor's concern).
 *
 * @example
 * const view: PlanGoalsForNote = { planId: 'p1', planVersion: 2, goals: [] };
 */
export interface PlanGoalsForNote {
  readonly planId: string;
  readonly planVersion: number;
  readonly goals: readonly {
    readonly id: string;
    readonly statement: string;
    readonly status: string;
    readonly objectives: readonly {
      readonly id: string;
      readonly statement: string;
      readonly interventions: readonly { readonly id: string; readonly name: string }[];
    }[];
  }[];
}

/**
 * A plan version's goals for the note editor, or null without a plan.
 *
 * @example
 * planGoalsOf(plan)?.goals[0]?.objectives[0]?.interventions[0]?.name // 'Behavioural activation'
 */
export function planGoalsOf(plan: TreatmentPlan | null): PlanGoalsForNote | null {
  if (!plan) return null;
  return {
    planId: plan.id,
    planVersion: plan.version,
    goals: plan.goals.map((g) => ({
      id: g.id,
      statement: g.statement,
      status: g.status,
      objectives: g.objectives.map((o) => ({
        id: o.id,
        statement: o.statement,
        interventions: o.interventions.map((i) => ({ id: i.id, name: i.name })),
      })),
    })),
  };
}
