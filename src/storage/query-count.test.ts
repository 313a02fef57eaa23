// N+1 guard (issue 9 item 4): the caseload and progress use cases issue a bounded number of queries whatever the size
// of the caseload or of the plan. Queries are counted by a Kysely plugin on the store's connection, on every dialect.
import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, TEST_AUDIT_KEY, type TestDatabase } from '../../test/dialects.js';
import { buildTestDeps } from '../../test/test-deps.js';
import type { Actor } from '../application/actor.js';
import { getPlanProgress } from '../application/get-plan-progress.js';
import { listCaseload } from '../application/list-caseload.js';
import { loadDemo } from '../application/load-demo.js';
import type { Deps } from '../application/ports.js';
import { createStore } from './create-store.js';

/** Counts every statement compiled through the Kysely instance it is attached to. */
function countingPlugin(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery: (args: Parameters<KyselyPlugin['transformQuery']>[0]) => {
      plugin.count += 1;
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return plugin;
}

const cli: Actor = { kind: 'cli', osUser: 'test' };
const SEED = 3;

for (const dialect of DIALECTS) {
  describe(`queries per request (${dialect})`, () => {
    let t: TestDatabase;
    let deps: Deps;
    const counter = countingPlugin();

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      const base = buildTestDeps(t);
      deps = { ...base, store: createStore(t.db.withPlugin(counter), t.dialect, TEST_AUDIT_KEY) };
    }, 60_000);
    afterAll(() => t.dispose());

    async function queriesOf(work: () => Promise<unknown>): Promise<number> {
      counter.count = 0;
      await work();
      return counter.count;
    }

    async function syntheticClinician(): Promise<Actor> {
      const user = await deps.store.findUserByEmail(`clinician1-seed${SEED}@cairn-demo.example`);
      if (!user) throw new Error('no synthetic clinician');
      return { kind: 'user', userId: user.id, practiceId: user.practiceId, roles: user.roles };
    }

    it('the caseload costs the same few queries for 3 clients and for 60, latest scores included', async () => {
      await loadDemo(deps, cli, { clients: 3, weeks: 4, seed: SEED });
      const clinician = await syntheticClinician();
      const small = await listCaseload(deps, clinician, { limit: 500 });
      const smallQueries = await queriesOf(() => listCaseload(deps, clinician, { limit: 500 }));

      await loadDemo(deps, cli, { clients: 60, weeks: 4, seed: SEED });
      const large = await listCaseload(deps, clinician, { limit: 500 });
      const largeQueries = await queriesOf(() => listCaseload(deps, clinician, { limit: 500 }));

      expect(small).toHaveLength(3);
      expect(large).toHaveLength(60);
      expect(large.every((e) => e.latestScores.length > 0)).toBe(true);
      expect(largeQueries).toBe(smallQueries);
      // findPractice, the page, the latest scores, and the audit append (chain head + insert; + lock on PostgreSQL).
      expect(largeQueries).toBeLessThanOrEqual(dialect === 'postgres' ? 6 : 5);
    });

    it('progress costs the same bounded number of queries for a small plan and a larger one', async () => {
      const clinician = await syntheticClinician();
      const [first] = await listCaseload(deps, clinician, { limit: 1 });
      if (!first) throw new Error('no client');
      const clientId = first.client.id;
      await getPlanProgress(deps, clinician, { clientId });
      const before = await queriesOf(() => getPlanProgress(deps, clinician, { clientId }));

      // Grow the plan: every behaviour, goal, objective and target doubles (copies of the existing rows).
      const planId = (await deps.store.findCurrentPlan(clientId))?.id;
      if (!planId) throw new Error('no plan');
      const sizeBefore = await planSize(t, planId);
      await duplicatePlanContent(t, planId);
      expect(await planSize(t, planId)).toBeGreaterThan(sizeBefore);
      const progress = await getPlanProgress(deps, clinician, { clientId });
      const after = await queriesOf(() => getPlanProgress(deps, clinician, { clientId }));

      expect(Object.keys(progress.seriesByTargetId).length).toBeGreaterThan(2);
      expect(after).toBe(before);
      expect(after).toBeLessThanOrEqual(16);
    });
  });
}

async function planSize(t: TestDatabase, planId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*) as n from target
    where goal_id in (select id from goal where plan_id = ${planId})
       or objective_id in (select o.id from objective o join goal g on g.id = o.goal_id where g.plan_id = ${planId})
  `.execute(t.db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Copies each goal of the plan (with its objectives, interventions and targets) once, under fresh ids, and gives every
 * copied behaviour target its own copied behaviour with the same logs, so the plan has twice the goals, targets and
 * behaviours.
 */
async function duplicatePlanContent(t: TestDatabase, planId: string): Promise<void> {
  const db = t.db;
  const suffix = '-copy';
  const goals = await db.selectFrom('goal').selectAll().where('plan_id', '=', planId).execute();
  const goalIds = goals.map((g) => g.id);
  const objectives = await db.selectFrom('objective').selectAll().where('goal_id', 'in', goalIds).execute();
  const objectiveIds = objectives.map((o) => o.id);
  const targets = await db
    .selectFrom('target')
    .selectAll()
    .where((eb) => eb.or([eb('goal_id', 'in', goalIds), eb('objective_id', 'in', objectiveIds)]))
    .execute();
  const interventions = await db
    .selectFrom('intervention')
    .selectAll()
    .where('objective_id', 'in', objectiveIds)
    .execute();
  const behaviorIds = [...new Set(targets.map((x) => x.behavior_id).filter((id): id is string => id !== null))];
  if (behaviorIds.length > 0) {
    const behaviors = await db.selectFrom('behavior').selectAll().where('id', 'in', behaviorIds).execute();
    await db
      .insertInto('behavior')
      .values(behaviors.map((b) => ({ ...b, id: `${b.id}${suffix}` })))
      .execute();
    const logs = await db.selectFrom('behavior_log').selectAll().where('behavior_id', 'in', behaviorIds).execute();
    if (logs.length > 0) {
      await db
        .insertInto('behavior_log')
        .values(logs.map((l) => ({ ...l, id: `${l.id}${suffix}`, behavior_id: `${l.behavior_id}${suffix}` })))
        .execute();
    }
  }
  const maxPosition = Math.max(0, ...goals.map((g) => g.position));
  await db
    .insertInto('goal')
    .values(
      goals.map((g) => ({ ...g, id: `${g.id}${suffix}`, position: g.position + maxPosition + 1, lineage_id: null })),
    )
    .execute();
  if (objectives.length > 0) {
    await db
      .insertInto('objective')
      .values(objectives.map((o) => ({ ...o, id: `${o.id}${suffix}`, goal_id: `${o.goal_id}${suffix}` })))
      .execute();
  }
  if (interventions.length > 0) {
    await db
      .insertInto('intervention')
      .values(interventions.map((i) => ({ ...i, id: `${i.id}${suffix}`, objective_id: `${i.objective_id}${suffix}` })))
      .execute();
  }
  await db
    .insertInto('target')
    .values(
      targets.map((x) => ({
        ...x,
        id: `${x.id}${suffix}`,
        goal_id: x.goal_id === null ? null : `${x.goal_id}${suffix}`,
        objective_id: x.objective_id === null ? null : `${x.objective_id}${suffix}`,
        behavior_id: x.behavior_id === null ? null : `${x.behavior_id}${suffix}`,
      })),
    )
    .execute();
}
