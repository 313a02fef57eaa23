import { describe, expect, it } from 'vitest';
import { getProblemModel } from '../../../domain/goal-library/list-problem-models.js';
import { checkPlan } from '../../../domain/plan-checks/check-plan.js';
import type { Behavior } from '../../api/clients-api.js';
import { INSTRUMENTS } from '../../lib/instruments.js';
import { newPlanDraft } from './plan-draft.js';
import {
  adoptLibraryDrafts,
  defaultPicks,
  isReady,
  libraryOffer,
  pickKey,
  prefillPlanDetails,
} from './plan-from-library.js';

const base = {
  today: '2026-12-03',
  durationWeeks: 16,
  latestScores: { phq9: 17 },
  behaviors: [] as Behavior[],
  behaviorBaselines: [],
  formulation: null,
};

describe('starting a plan from the goal library', () => {
  it("fills the depression goal's PHQ-9 baseline and target from the latest score, and picks only ready drafts", () => {
    const offer = libraryOffer(getProblemModel('depression'), base);
    const first = offer.goals[0];
    expect(first?.statement).toMatch(
      /^Reduce depression symptoms on the PHQ-9 from 17 to \d+ or below within 16 weeks$/,
    );
    const picks = defaultPicks(offer);
    expect(picks.has(pickKey(0))).toBe(true);
    // The valued-activities goal needs a count the client does not keep yet: offered, not picked.
    const activities = offer.goals.findIndex((g) => g.libraryId === 'depression.goal.valued-activities');
    expect(activities).toBeGreaterThan(0);
    expect(isReady(offer.goals[activities] ?? first!)).toBe(false);
    expect(picks.has(pickKey(activities))).toBe(false);
    // Every picked objective is ready (the tasks: activity diary, thought records); the counted ones wait.
    const picked = (first?.objectives ?? []).filter((_, o) => picks.has(pickKey(0, o)));
    expect(picked.map((o) => o.libraryId).sort()).toEqual([
      'depression.negative-thoughts.thought-records',
      'depression.withdrawal.activity-diary',
    ]);
  });

  it('turns the picks into editor goals with structured targets, interventions and due dates', () => {
    const offer = libraryOffer(getProblemModel('depression'), base);
    const goals = adoptLibraryDrafts(offer, defaultPicks(offer), base.today, 2);
    expect(goals).toHaveLength(1);
    const goal = goals[0];
    expect(goal?.position).toBe(2);
    expect(goal?.targets).toHaveLength(1);
    expect(goal?.targets[0]).toMatchObject({
      measure: { kind: 'instrument', instrumentId: 'phq9' },
      direction: 'decrease',
      baseline: 17,
      goal: { kind: 'absolute', comparator: '<=' },
      startDate: '2026-12-03',
      dueDate: '2027-03-25',
    });
    expect(goal?.dueDate).toBe('2027-03-25');
    expect(goal?.objectives.map((o) => o.position)).toEqual([1, 2]);
    for (const objective of goal?.objectives ?? []) {
      expect(objective.interventions.length).toBeGreaterThan(0);
      expect(new Set(objective.interventions.map((i) => i.id)).size).toBe(objective.interventions.length);
    }
    // Without the goal picked, its objectives are not adopted on their own.
    expect(adoptLibraryDrafts(offer, new Set([pickKey(0, 0)]), base.today)).toEqual([]);
  });

  it('uses a behaviour the client counts under the same name and period, never one counted per another period', () => {
    const activities: Behavior = {
      id: 'b-act',
      clientId: 'c1',
      name: 'Planned activities completed',
      period: 'week',
      direction: 'increase',
      unit: null,
    };
    const offer = libraryOffer(getProblemModel('depression'), {
      ...base,
      behaviors: [activities],
      behaviorBaselines: [{ behavior: 'Planned activities completed', value: 2, per: 'week' }],
    });
    const scheduled = offer.goals[0]?.objectives.findIndex(
      (o) => o.libraryId === 'depression.withdrawal.scheduled-activities',
    );
    expect(scheduled).toBeGreaterThanOrEqual(0);
    const draft = offer.goals[0]?.objectives[scheduled ?? -1];
    expect(draft?.statement).toBe('Increase planned activities completed from 2 to 5 or more per week within 8 weeks');
    expect(defaultPicks(offer).has(pickKey(0, scheduled ?? -1))).toBe(true);
    const goals = adoptLibraryDrafts(offer, defaultPicks(offer), base.today);
    const objective = goals[0]?.objectives.find((o) => o.statement.startsWith('Increase planned activities'));
    expect(objective?.targets[0]?.measure).toEqual({ kind: 'behavior', behaviorId: 'b-act' });

    const perDay = libraryOffer(getProblemModel('depression'), {
      ...base,
      behaviors: [{ ...activities, period: 'day' }],
      behaviorBaselines: [{ behavior: 'Planned activities completed', value: 2, per: 'day' }],
    });
    expect(perDay.behaviorIds.size).toBe(0);
    expect(isReady(perDay.goals[0]?.objectives[scheduled ?? -1] ?? draft!)).toBe(false);
  });

  it('links each goal to the formulation elements of the factors it addresses, and the adopted goals pass the SMART checks', () => {
    const formulation = {
      id: 'f1',
      clientId: 'c1',
      problemAreas: ['depression' as const],
      elements: [
        { id: 'fe-w', kind: 'perpetuating' as const, text: 'Withdrawal', libraryKey: 'depression.withdrawal' },
        { id: 'fe-x', kind: 'perpetuating' as const, text: 'Free text', libraryKey: null },
      ],
    };
    const offer = libraryOffer(getProblemModel('depression'), { ...base, formulation });
    const goals = adoptLibraryDrafts(offer, defaultPicks(offer), base.today);
    expect(goals[0]?.formulationElementIds).toEqual(['fe-w']);

    const plan = { ...newPlanDraft('c1', base.today), goals };
    const errors = checkPlan(plan, {
      today: base.today,
      instruments: INSTRUMENTS,
      latestScores: base.latestScores,
      formulation,
    })
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.code} at ${f.path.join('.')}`);
    expect(errors).toEqual([]);
  });

  it('fills only blank payer texts, from the formulation and the adopted instrument targets', () => {
    const offer = libraryOffer(getProblemModel('depression'), base);
    const goals = adoptLibraryDrafts(offer, defaultPicks(offer), base.today);
    const value = goals[0]?.targets[0]?.goal.kind === 'absolute' ? goals[0].targets[0].goal.value : null;
    const formulation = {
      id: 'f1',
      clientId: 'c1',
      problemAreas: ['depression' as const],
      elements: [
        { id: 'a', kind: 'presenting-problem' as const, text: 'Low mood most days', libraryKey: null },
        { id: 'b', kind: 'presenting-problem' as const, text: 'Stopped seeing friends', libraryKey: null },
        { id: 'c', kind: 'strength' as const, text: 'Close to a sister', libraryKey: null },
      ],
    };
    const plan = { ...newPlanDraft('c1', base.today), goals, strengths: 'Written by the clinician.' };
    const filled = prefillPlanDetails(plan, goals, formulation);
    expect(filled.presentingProblems).toBe('Low mood most days; Stopped seeing friends.');
    expect(filled.strengths).toBe('Written by the clinician.');
    expect(filled.dischargeCriteria).toBe(`The goals of this plan are met: PHQ-9 ≤ ${value}.`);
    expect(filled.referrals).toBe('');
    // Nothing recorded, nothing written.
    const bare = prefillPlanDetails(newPlanDraft('c1', base.today), [], null);
    expect([bare.presentingProblems, bare.strengths, bare.dischargeCriteria]).toEqual(['', '', '']);
  });
});
