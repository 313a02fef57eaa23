import { describe, expect, it } from 'vitest';
import { TEST_GAD7, TEST_INSTRUMENTS } from '../goal-library/testing/test-instruments.js';
import { checkPlan } from './check-plan.js';
import { normalizeGoalWording } from './normalize-goal-wording.js';
import type { PlanCheckContext } from './plan-finding.js';
import {
  buildSecondTestGoal,
  buildTestGoal,
  buildTestObjective,
  buildTestPlan,
  buildTestTarget,
  TEST_FORMULATION,
  TEST_TODAY,
} from './testing/build-test-plan.js';

const context: PlanCheckContext = {
  today: TEST_TODAY,
  instruments: TEST_INSTRUMENTS,
  latestScores: { phq9: 16, gad7: 12 },
  formulation: TEST_FORMULATION,
  otherClientGoalWordings: new Set(['reduce stress']),
};

const codes = (plan = buildTestPlan(), ctx = context) => checkPlan(plan, ctx).map((finding) => finding.code);

describe('checkPlan', () => {
  it('finds nothing in a well-formed plan', () => {
    expect(checkPlan(buildTestPlan(), context)).toEqual([]);
  });

  it('flags a too-vague goal and suggests a SMART rewrite built from the client’s latest score', () => {
    const vague = buildSecondTestGoal({ statement: 'Reduce anxiety' });
    const [finding] = checkPlan(buildTestPlan({ goals: [buildTestGoal(), vague] }), context);
    expect(finding).toMatchObject({
      code: 'plan-goal-too-vague',
      path: ['goals', 1, 'statement'],
      data: { goalId: 'g2' },
    });
    expect(finding?.message).toBe(
      'Goal 2 is too vague: it does not name a behaviour, task or measure that shows when it is reached.',
    );
    expect(finding?.suggestion).toContain(
      '“Reduce anxiety symptoms on the GAD-7 from 12 to 7 or below within 16 weeks”',
    );
  });

  it('flags an objective with no target whose wording names nothing measurable', () => {
    const vague = buildTestObjective({ statement: 'Work on self-esteem', targets: [] });
    const task = buildTestObjective({
      id: 'o3',
      position: 2,
      statement: 'Write an exposure hierarchy of at least eight avoided situations within 3 weeks',
      targets: [],
    });
    const plan = buildTestPlan({ goals: [buildTestGoal({ objectives: [vague, task] }), buildSecondTestGoal()] });
    expect(checkPlan(plan, context)).toEqual([
      expect.objectContaining({
        code: 'plan-objective-not-measurable',
        path: ['goals', 0, 'objectives', 0, 'statement'],
        data: expect.objectContaining({ objectiveId: 'o1' }),
      }),
    ]);
  });

  it('flags a goal without objectives and suggests one from the goal library for its linked factor', () => {
    const plan = buildTestPlan({ goals: [buildTestGoal({ objectives: [] }), buildSecondTestGoal()] });
    const [finding] = checkPlan(plan, context);
    expect(finding).toMatchObject({
      code: 'plan-goal-without-objectives',
      path: ['goals', 0, 'objectives'],
      data: { goalId: 'g1' },
    });
    expect(finding?.message).toBe('Goal 1 has no objectives: the short-term steps towards it are not defined.');
    expect(finding?.suggestion).toContain('Keep a daily activity and mood diary');
  });

  it('flags an objective without interventions and names the library’s interventions for the factor', () => {
    const goal = buildTestGoal({ objectives: [buildTestObjective({ interventions: [] })] });
    const [finding] = checkPlan(buildTestPlan({ goals: [goal, buildSecondTestGoal()] }), context);
    expect(finding).toMatchObject({
      code: 'plan-objective-without-interventions',
      path: ['goals', 0, 'objectives', 0, 'interventions'],
      data: { goalId: 'g1', objectiveId: 'o1' },
    });
    expect(finding?.message).toBe('Objective 1.1 has no interventions: how it will be reached is not stated.');
    expect(finding?.suggestion).toContain('Behavioural activation, Activity scheduling');
  });

  it('flags a goal without a measure and suggests the instrument the client has a score on', () => {
    const plan = buildTestPlan({ goals: [buildTestGoal({ targets: [] }), buildSecondTestGoal()] });
    const [finding] = checkPlan(plan, context);
    expect(finding).toMatchObject({ code: 'plan-goal-without-measure', path: ['goals', 0, 'targets'] });
    expect(finding?.suggestion).toContain('PHQ-9 (latest score 16)');
  });

  it('flags a target without a baseline and offers the latest score', () => {
    const goal = buildTestGoal({ targets: [buildTestTarget({ baseline: null })] });
    const [finding] = checkPlan(buildTestPlan({ goals: [goal, buildSecondTestGoal()] }), context);
    expect(finding).toMatchObject({
      code: 'plan-target-without-baseline',
      path: ['goals', 0, 'targets', 0, 'baseline'],
      data: { goalId: 'g1', targetId: 't1', latestScore: 16 },
    });
    expect(finding?.suggestion).toBe('Use the client’s latest PHQ-9 score, 16, as the baseline.');
  });

  it('asks for a behaviour baseline to be recorded when there is no score to use', () => {
    const objective = buildTestObjective({ targets: [{ ...buildTestObjective().targets[0]!, baseline: null }] });
    const goal = buildTestGoal({ objectives: [objective] });
    const [finding] = checkPlan(buildTestPlan({ goals: [goal, buildSecondTestGoal()] }), context);
    expect(finding?.code).toBe('plan-target-without-baseline');
    expect(finding?.suggestion).toContain('record the behaviour for one to two weeks');
  });

  it('flags a goal without a deadline and proposes the plan’s end', () => {
    const plan = buildTestPlan({ goals: [buildTestGoal({ dueDate: null }), buildSecondTestGoal()] });
    const [finding] = checkPlan(plan, context);
    expect(finding).toMatchObject({ code: 'plan-goal-without-deadline', data: { planEnd: '2026-12-22' } });
    expect(finding?.suggestion).toContain('2026-12-22');
  });

  it('flags an objective without a deadline', () => {
    const goal = buildTestGoal({ objectives: [buildTestObjective({ dueDate: null })] });
    expect(codes(buildTestPlan({ goals: [goal, buildSecondTestGoal()] }))).toEqual(['plan-objective-without-deadline']);
  });

  it('flags a goal not linked to the formulation and names elements to link', () => {
    const plan = buildTestPlan({ goals: [buildTestGoal({ formulationElementIds: [] }), buildSecondTestGoal()] });
    const [finding] = checkPlan(plan, context);
    expect(finding?.code).toBe('plan-goal-not-linked-to-formulation');
    expect(finding?.message).toContain('not linked to the formulation');
    expect(finding?.suggestion).toContain('“Withdrawal and inactivity”');
  });

  it('flags a link to an element the formulation does not contain', () => {
    const plan = buildTestPlan({
      goals: [buildTestGoal({ formulationElementIds: ['fe1', 'gone'] }), buildSecondTestGoal()],
    });
    expect(checkPlan(plan, context)).toEqual([
      expect.objectContaining({
        code: 'plan-goal-linked-to-missing-element',
        severity: 'error',
        path: ['goals', 0, 'formulationElementIds', 1],
        data: { goalId: 'g1', elementId: 'gone' },
      }),
    ]);
  });

  it('flags a therapist goal the client never endorsed', () => {
    const plan = buildTestPlan({ goals: [buildTestGoal(), buildSecondTestGoal({ endorsement: null })] });
    const [finding] = checkPlan(plan, context);
    expect(finding).toMatchObject({ code: 'plan-goal-not-endorsed', path: ['goals', 1, 'endorsement'] });
    expect(finding?.message).toBe(
      'Goal 2 has not been endorsed by the client: it may be the therapist’s goal rather than theirs.',
    );
  });

  it('flags wording identical to another client’s goal, ignoring case and punctuation', () => {
    const copied = buildTestGoal({ statement: 'Reduce stress.' });
    const plan = buildTestPlan({ goals: [copied, buildSecondTestGoal()] });
    expect(codes(plan)).toContain('plan-goal-wording-copied');
    expect(normalizeGoalWording(copied.statement)).toBe('reduce stress');
  });

  it('flags fewer than two active goals and ignores goals that are no longer active', () => {
    const plan = buildTestPlan({ goals: [buildTestGoal(), buildSecondTestGoal({ status: 'met', endorsement: null })] });
    expect(checkPlan(plan, context)).toEqual([
      expect.objectContaining({
        code: 'plan-too-few-active-goals',
        path: ['goals'],
        data: { activeGoals: 1, min: 2, max: 4 },
      }),
    ]);
  });

  it('flags more than four active goals', () => {
    const goals = [1, 2, 3, 4, 5].map((n) => buildTestGoal({ id: `g${n}`, position: n, statement: `Goal text ${n}` }));
    expect(codes(buildTestPlan({ goals }))).toEqual(['plan-too-many-active-goals']);
  });

  it('flags a review date that passed without a review (set and forgotten)', () => {
    const plan = buildTestPlan({ nextReviewDate: '2026-11-01' });
    const [finding] = checkPlan(plan, context);
    expect(finding).toMatchObject({ code: 'plan-review-overdue', path: ['nextReviewDate'] });
    expect(finding?.message).toBe('The review due on 2026-11-01 has not been done.');
    expect(codes(plan, { ...context, lastReviewDate: '2026-11-02' })).toEqual([]);
    expect(codes(plan, { ...context, lastReviewDate: '2026-08-01' })).toEqual(['plan-review-overdue']);
  });

  it('flags an active goal whose due date has passed', () => {
    const plan = buildTestPlan({ goals: [buildTestGoal({ dueDate: '2026-11-01' }), buildSecondTestGoal()] });
    expect(codes(plan)).toEqual(['plan-goal-past-due']);
  });

  it('flags a target past the floor of the instrument, with the range in the message', () => {
    const target = buildTestTarget({ goal: { kind: 'change', change: -20 } });
    const plan = buildTestPlan({ goals: [buildTestGoal({ targets: [target] }), buildSecondTestGoal()] });
    const [finding] = checkPlan(plan, context);
    expect(finding).toMatchObject({
      code: 'plan-target-not-achievable',
      path: ['goals', 0, 'targets', 0, 'goal'],
      data: { reason: 'beyond-scale', targetValue: -2 },
    });
    expect(finding?.message).toBe('Goal 1: the target lies outside the PHQ-9 range of 0–27.');
  });

  it('flags a target asking for faster change than the instrument’s sourced typical course', () => {
    const fast = TEST_INSTRUMENTS.map((i) => (i.id === 'gad7' ? { ...TEST_GAD7, typicalChangePerWeek: 0.25 } : i));
    const [finding] = checkPlan(buildTestPlan(), { ...context, instruments: fast });
    expect(finding).toMatchObject({
      code: 'plan-target-not-achievable',
      path: ['goals', 1, 'targets', 0, 'goal'],
      data: { reason: 'faster-than-typical-course', weeksNeeded: 32, weeks: 16 },
    });
    expect(finding?.suggestion).toContain('at least 32 weeks');
  });

  it('flags a target due before it starts', () => {
    const target = buildTestTarget({ dueDate: '2026-09-01' });
    const plan = buildTestPlan({ goals: [buildTestGoal({ targets: [target] }), buildSecondTestGoal()] });
    expect(checkPlan(plan, context)[0]).toMatchObject({
      code: 'plan-target-not-achievable',
      path: ['goals', 0, 'targets', 0, 'dueDate'],
      data: { reason: 'no-time' },
    });
  });

  it('flags a target the baseline already meets', () => {
    const target = buildTestTarget({ baseline: 8 });
    const plan = buildTestPlan({ goals: [buildTestGoal({ targets: [target] }), buildSecondTestGoal()] });
    expect(checkPlan(plan, context)[0]).toMatchObject({
      code: 'plan-target-already-met',
      data: { baseline: 8, targetValue: 9 },
    });
  });

  it('gives every finding a message and a concrete suggestion', () => {
    const plan = buildTestPlan({
      nextReviewDate: '2026-10-01',
      goals: [
        buildTestGoal({ objectives: [], targets: [], formulationElementIds: [], endorsement: null, dueDate: null }),
      ],
    });
    const findings = checkPlan(plan, { today: TEST_TODAY, instruments: [] });
    expect(findings.length).toBeGreaterThanOrEqual(6);
    for (const finding of findings) {
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.suggestion.length).toBeGreaterThan(10);
    }
  });
});
