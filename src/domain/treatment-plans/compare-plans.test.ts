import { describe, expect, it } from 'vitest';
import { buildTestGoal, buildTestPlan, buildTestTarget } from '../plan-checks/testing/build-test-plan.js';
import { comparePlans } from './compare-plans.js';
import { planContent } from './plan-content.js';

/** The next version of a plan as saving makes it: new row ids, the same lineage. */
function nextVersion(plan: ReturnType<typeof buildTestPlan>) {
  return {
    ...plan,
    id: `${plan.id}-v2`,
    version: plan.version + 1,
    goals: plan.goals.map((g) => ({
      ...g,
      id: `${g.id}-v2`,
      lineageId: g.lineageId ?? g.id,
      objectives: g.objectives.map((o) => ({ ...o, id: `${o.id}-v2`, lineageId: o.lineageId ?? o.id })),
    })),
  };
}

describe('comparePlans', () => {
  it('finds nothing changed between a version and its unchanged copy', () => {
    const v1 = buildTestPlan();
    const diff = comparePlans(v1, nextVersion(v1));
    expect(diff.fields).toEqual([]);
    expect(diff.goals.map((g) => g.change)).toEqual(v1.goals.map(() => 'unchanged'));
  });

  it('matches goals by lineage, so a moved and reworded goal is changed, not removed and added', () => {
    const v1 = buildTestPlan();
    const copy = nextVersion(v1);
    const [first, second] = copy.goals;
    const v2 = {
      ...copy,
      sessionMinutes: v1.sessionMinutes + 10,
      goals: [
        { ...second!, position: 1 },
        { ...first!, position: 2, statement: 'Reworded', targets: [buildTestTarget({ baseline: 3 })] },
      ],
    };
    const diff = comparePlans(v1, v2);
    expect(diff.fields).toEqual([{ field: 'sessionMinutes', from: v1.sessionMinutes, to: v1.sessionMinutes + 10 }]);
    const moved = diff.goals.find((g) => g.lineageId === v1.goals[0]!.id);
    expect(moved).toMatchObject({ change: 'changed', fromPosition: 1, toPosition: 2 });
    expect(moved?.fields.map((f) => f.field)).toEqual(['statement', 'targets']);
    expect(diff.summary).toEqual({ fieldsChanged: 1, goalsAdded: 0, goalsRemoved: 0, goalsChanged: 2 });
  });

  it('lists added and removed goals and objectives', () => {
    const v1 = buildTestPlan();
    const copy = nextVersion(v1);
    const kept = copy.goals[0]!;
    const v2 = {
      ...copy,
      goals: [
        { ...kept, objectives: kept.objectives.slice(1) },
        buildTestGoal({ id: 'g-new', position: 2, statement: 'Sleep at least 7 hours on 5 nights a week' }),
      ],
    };
    const diff = comparePlans(v1, v2);
    expect(diff.goals.map((g) => g.change)).toEqual(['changed', 'added', 'removed']);
    expect(diff.goals[0]!.objectives.filter((o) => o.change === 'removed')).toHaveLength(1);
    expect(diff.goals[2]!.statement).toEqual({ from: v1.goals[1]!.statement, to: null });
  });
});

describe('planContent', () => {
  it('ignores what signing and storage change: ids, revision, status, signatures, goal status, endorsement', () => {
    const plan = buildTestPlan();
    const same = {
      ...nextVersion(plan),
      id: 'other',
      version: plan.version,
      revision: 9,
      status: 'signed' as const,
      clinicianSignature: { userId: 'u', name: 'A', credentials: 'LCSW', signedAt: '2026-11-26T12:00:00Z' },
      goals: nextVersion(plan).goals.map((g) => ({ ...g, status: 'met' as const, endorsement: null })),
    };
    expect(planContent(same)).toBe(planContent(plan));
  });

  it('changes with any signed content', () => {
    const plan = buildTestPlan();
    expect(planContent({ ...plan, strengths: `${plan.strengths}!` })).not.toBe(planContent(plan));
    const goals = plan.goals.map((g, i) => (i === 0 ? { ...g, targets: [buildTestTarget({ baseline: 1 })] } : g));
    expect(planContent({ ...plan, goals })).not.toBe(planContent(plan));
  });
});
