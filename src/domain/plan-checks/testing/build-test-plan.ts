/**
 * Builders for the plan-check tests: a complete, payer-ready, well-formed plan with two active goals (depression on
 * the PHQ-9, anxiety on the GAD-7) and its formulation. Each test changes one thing and expects one finding. Not used
 * by production code.
 *
 * @example
 * const plan = buildTestPlan({ strengths: '' });
 */
import type { Formulation } from '../../formulation/formulation.js';
import type { Goal, Objective } from '../../treatment-plans/goal.js';
import type { Target } from '../../treatment-plans/target.js';
import type { TreatmentPlan } from '../../treatment-plans/treatment-plan.js';

/**
 * Today in the tests: ten weeks into the plan, before the first review.
 *
 * @example
 * checkPlan(buildTestPlan(), { today: TEST_TODAY, instruments: [] });
 */
export const TEST_TODAY = '2026-11-10';

/**
 * The formulation the test plan's goals link to.
 *
 * @example
 * checkPlan(buildTestPlan(), { today: TEST_TODAY, instruments: [], formulation: TEST_FORMULATION });
 */
export const TEST_FORMULATION: Formulation = {
  id: 'f1',
  clientId: 'c1',
  problemAreas: ['depression', 'gad'],
  elements: [
    { id: 'fe1', kind: 'presenting-problem', text: 'Low mood since the redundancy', libraryKey: null },
    { id: 'fe2', kind: 'perpetuating', text: 'Withdrawal and inactivity', libraryKey: 'depression.withdrawal' },
    { id: 'fe3', kind: 'perpetuating', text: 'Worry about money', libraryKey: 'gad.worry' },
  ],
};

/**
 * A target with sensible defaults.
 *
 * @example
 * buildTestTarget({ baseline: null }).goal; // { kind: 'absolute', value: 9, comparator: '<=' }
 */
export function buildTestTarget(overrides: Partial<Target> = {}): Target {
  return {
    id: 't1',
    measure: { kind: 'instrument', instrumentId: 'phq9' },
    direction: 'decrease',
    baseline: 18,
    goal: { kind: 'absolute', value: 9, comparator: '<=' },
    per: null,
    startDate: '2026-09-01',
    dueDate: '2026-12-22',
    ...overrides,
  };
}

/**
 * An objective with one behaviour target and one intervention.
 *
 * @example
 * buildTestObjective({ interventions: [] });
 */
export function buildTestObjective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: 'o1',
    position: 1,
    statement: 'Increase planned activities completed from 2 to 5 or more per week within 8 weeks',
    targets: [
      buildTestTarget({
        id: 'ot1',
        measure: { kind: 'behavior', behaviorId: 'planned-activities' },
        direction: 'increase',
        baseline: 2,
        goal: { kind: 'absolute', value: 5, comparator: '>=' },
        per: 'week',
        dueDate: '2026-10-27',
      }),
    ],
    dueDate: '2026-10-27',
    interventions: [
      {
        id: 'i1',
        libraryId: 'behavioural-activation',
        name: 'Behavioural activation',
        deliveredBy: 'clinician in session',
        frequency: 'weekly',
      },
    ],
    ...overrides,
  };
}

/**
 * A well-formed, endorsed, linked goal.
 *
 * @example
 * buildTestGoal({ endorsement: null });
 */
export function buildTestGoal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'g1',
    position: 1,
    statement: 'Reduce depression symptoms on the PHQ-9 from 18 to 9 or below within 16 weeks',
    clientWords: 'I want to enjoy seeing my friends again',
    formulationElementIds: ['fe1', 'fe2'],
    targets: [buildTestTarget()],
    startDate: '2026-09-01',
    dueDate: '2026-12-22',
    status: 'active',
    endorsement: { date: '2026-09-01', method: 'in-session', words: 'Yes, that is what I want' },
    objectives: [buildTestObjective()],
    ...overrides,
  };
}

/**
 * The second goal of the test plan: anxiety on the GAD-7.
 *
 * @example
 * buildSecondTestGoal().targets[0]?.measure; // { kind: 'instrument', instrumentId: 'gad7' }
 */
export function buildSecondTestGoal(overrides: Partial<Goal> = {}): Goal {
  return buildTestGoal({
    id: 'g2',
    position: 2,
    statement: 'Reduce anxiety symptoms on the GAD-7 from 15 to 7 or below within 16 weeks',
    clientWords: 'Stop lying awake worrying about money',
    formulationElementIds: ['fe3'],
    targets: [
      buildTestTarget({
        id: 't2',
        measure: { kind: 'instrument', instrumentId: 'gad7' },
        baseline: 15,
        goal: { kind: 'absolute', value: 7, comparator: '<=' },
      }),
    ],
    objectives: [
      buildTestObjective({
        id: 'o2',
        statement: 'Increase days worry is postponed to a set worry time from 0 to 3 or more per week within 6 weeks',
        targets: [
          buildTestTarget({
            id: 'ot2',
            measure: { kind: 'behavior', behaviorId: 'worry-postponed-days' },
            direction: 'increase',
            baseline: 0,
            goal: { kind: 'absolute', value: 3, comparator: '>=' },
            per: 'week',
            dueDate: '2026-10-13',
          }),
        ],
        dueDate: '2026-10-13',
        interventions: [
          {
            id: 'i2',
            libraryId: 'worry-postponement',
            name: 'Worry postponement',
            deliveredBy: 'client as homework',
            frequency: 'daily',
          },
        ],
      }),
    ],
    ...overrides,
  });
}

/**
 * A complete, payer-ready draft plan with two active goals.
 *
 * @example
 * buildTestPlan({ strengths: '' });
 */
export function buildTestPlan(overrides: Partial<TreatmentPlan> = {}): TreatmentPlan {
  return {
    id: 'p1',
    clientId: 'c1',
    version: 1,
    revision: 3,
    status: 'draft',
    previousVersionId: null,
    establishedDate: '2026-09-01',
    presentingProblems: 'Low mood and worry since being made redundant in June.',
    diagnoses: [
      { id: 'd1', code: 'F32.1', description: 'Major depressive disorder, single episode, moderate', primary: true },
    ],
    serviceType: 'individual',
    sessionMinutes: 50,
    sessionFrequency: 'weekly',
    durationWeeks: 16,
    reviewIntervalDays: 90,
    nextReviewDate: '2026-11-30',
    dischargeCriteria: 'PHQ-9 below 10 and GAD-7 below 8 on two consecutive administrations.',
    referrals: 'None at present.',
    strengths: 'Persistent, good sense of humour, supportive partner.',
    clientParticipation: 'Goals agreed with the client in session 2.',
    goals: [buildTestGoal(), buildSecondTestGoal()],
    clinicianSignature: null,
    supervisorSignature: null,
    contentHash: null,
    ...overrides,
  };
}
