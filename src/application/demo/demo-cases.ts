import type { Formulation } from '../../domain/formulation/formulation.js';
import { convertRate } from '../../domain/progress/behavior-rate.js';
import type { MeasureDefinition } from '../../domain/scoring/measure-definition.js';
import { addDays, type CalendarDate } from '../../domain/shared/calendar-date.js';
import type { Goal } from '../../domain/treatment-plans/goal.js';
import type { Diagnosis, TreatmentPlan } from '../../domain/treatment-plans/treatment-plan.js';
import type { Administration, BehaviorDefinition, BehaviorLogEntry, Client } from '../ports.js';
import {
  answersForTotal,
  buildAdministration,
  buildGoal,
  buildIntervention,
  buildObjective,
  buildTarget,
} from './demo-builders.js';

/** Everything one demo client consists of, ready to store. */
export interface DemoCase {
  readonly client: Client;
  readonly diagnosis: Diagnosis;
  readonly formulation: Formulation;
  readonly behaviors: readonly BehaviorDefinition[];
  readonly plan: TreatmentPlan;
  readonly administrations: readonly Administration[];
  readonly behaviorLogs: readonly BehaviorLogEntry[];
}

export interface DemoCaseInput {
  readonly practiceId: string;
  readonly today: CalendarDate;
  readonly clinician: { readonly id: string; readonly name: string; readonly credentials: string };
  readonly newId: () => string;
  readonly measure: (id: string) => MeasureDefinition;
  readonly reviewIntervalDays: number;
  readonly signedAt: string;
}

const PLAN_DEFAULTS = {
  serviceType: 'individual',
  sessionMinutes: 50,
  sessionFrequency: 'weekly',
  referrals: 'None at present; GP informed of treatment with the client’s consent.',
} as const;

function weeklyDates(start: CalendarDate, today: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let d = start; d <= today; d = addDays(d, 7)) dates.push(d);
  if (dates[dates.length - 1] !== today) dates.push(today);
  return dates;
}

function series(
  input: DemoCaseInput,
  clientId: string,
  instrumentId: string,
  start: CalendarDate,
  totals: readonly number[],
  firstAnswers: readonly number[] | null = null,
): Administration[] {
  const def = input.measure(instrumentId);
  const dates = weeklyDates(start, input.today).slice(-totals.length);
  return totals.map((total, i) =>
    buildAdministration(def, {
      id: input.newId(),
      clientId,
      on: dates[i] ?? input.today,
      answers: i === 0 && firstAnswers ? firstAnswers : answersForTotal(def, total, zeroCritical(def)),
      recordedBy: input.clinician.id,
    }),
  );
}

function zeroCritical(def: MeasureDefinition): Record<number, number> {
  return Object.fromEntries(def.criticalItems.map((c) => [c.item, 0]));
}

function logs(
  input: DemoCaseInput,
  behavior: BehaviorDefinition,
  start: CalendarDate,
  counts: readonly number[],
): BehaviorLogEntry[] {
  return counts.map((count, i) => ({
    id: input.newId(),
    behaviorId: behavior.id,
    clientId: behavior.clientId,
    periodStart: addDays(start, 7 * i),
    count,
    source: 'session',
    recordedBy: input.clinician.id,
  }));
}

function signedPlan(
  input: DemoCaseInput,
  fields: Omit<
    TreatmentPlan,
    | 'version'
    | 'revision'
    | 'status'
    | 'previousVersionId'
    | 'clinicianSignature'
    | 'supervisorSignature'
    | 'contentHash'
    | 'reviewIntervalDays'
    | 'nextReviewDate'
    | 'serviceType'
    | 'sessionMinutes'
    | 'sessionFrequency'
    | 'referrals'
  >,
): TreatmentPlan {
  return {
    ...PLAN_DEFAULTS,
    ...fields,
    version: 1,
    revision: 1,
    status: 'signed',
    previousVersionId: null,
    reviewIntervalDays: input.reviewIntervalDays,
    nextReviewDate: addDays(fields.establishedDate, input.reviewIntervalDays),
    clinicianSignature: {
      userId: input.clinician.id,
      name: input.clinician.name,
      credentials: input.clinician.credentials,
      signedAt: input.signedAt,
    },
    supervisorSignature: null,
    contentHash: null,
  };
}

/**
 * Case 1 of the SMART-goals guide: depression. PHQ-9 18 → ≤9 within 16 weeks; objectives: pleasurable/mastery
 * activities 1 → 5 per week within 4 weeks, daytime time in bed ~4 h → ≤1 h within 6 weeks, 3 thought records per week
 * by week 8. Eight weeks in, improving on track. The first PHQ-9 answered item 9 with 1 (a critical item).
 */
export function buildDepressionCase(input: DemoCaseInput): DemoCase {
  const start = addDays(input.today, -56);
  const id = input.newId;
  const client: Client = {
    id: id(),
    practiceId: input.practiceId,
    recordNumber: 'DEMO-001',
    givenName: 'Jordan',
    familyName: 'Avery (demo)',
    dateOfBirth: '1988-04-12',
    status: 'active',
  };
  const diagnosis: Diagnosis = {
    id: id(),
    code: 'F32.1',
    description: 'Major depressive disorder, single episode, moderate',
    primary: true,
  };
  const el = { problem: id(), withdrawal: id(), rumination: id(), nats: id(), precip: id(), strength: id() };
  const formulation: Formulation = {
    id: id(),
    clientId: client.id,
    problemAreas: ['depression'],
    elements: [
      {
        id: el.problem,
        kind: 'presenting-problem',
        text: 'Low mood, loss of interest and poor sleep for five months',
        libraryKey: null,
      },
      { id: el.precip, kind: 'precipitating', text: 'Redundancy from a long-held job', libraryKey: null },
      {
        id: el.withdrawal,
        kind: 'perpetuating',
        text: 'Withdrawal and inactivity; most of the day spent in bed',
        libraryKey: 'depression.withdrawal',
      },
      {
        id: el.rumination,
        kind: 'perpetuating',
        text: 'Rumination about failure in the evenings',
        libraryKey: 'depression.rumination',
      },
      {
        id: el.nats,
        kind: 'thought',
        text: '“I am useless; nothing will change”',
        libraryKey: 'depression.negative-automatic-thoughts',
      },
      { id: el.strength, kind: 'strength', text: 'Close friendship; enjoys cooking and walking', libraryKey: null },
    ],
  };
  const activities: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'pleasurable or mastery activities',
    period: 'week',
    direction: 'increase',
    unit: null,
  };
  const bedHours: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'daytime hours in bed',
    period: 'day',
    direction: 'decrease',
    unit: 'hour',
  };
  const records: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'thought records completed',
    period: 'week',
    direction: 'increase',
    unit: null,
  };
  const walks: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'walks',
    period: 'week',
    direction: 'increase',
    unit: null,
  };
  const due = addDays(start, 16 * 7);
  const goal: Goal = buildGoal({
    id: id(),
    position: 1,
    statement:
      'Reduce PHQ-9 score from 18 to 9 or below within 16 weeks by increasing weekly pleasurable activities and restructuring depressive automatic thoughts.',
    clientWords: 'I want to get out of bed and enjoy things again.',
    formulationElementIds: [el.problem, el.withdrawal, el.nats],
    targets: [
      buildTarget(
        id(),
        { instrumentId: 'phq9', direction: 'decrease', baseline: 18, value: 9, comparator: '<=' },
        start,
        due,
      ),
    ],
    startDate: start,
    dueDate: due,
    endorsement: { date: start, method: 'in-session', words: 'I want to get out of bed and enjoy things again.' },
    objectives: [
      buildObjective(
        id(),
        1,
        'Increase scheduled pleasurable/mastery activities from a baseline of 1 to at least 5 per week within 4 weeks (tracked via activity log).',
        addDays(start, 28),
        [
          buildTarget(
            id(),
            { behaviorId: activities.id, direction: 'increase', baseline: 1, value: 5, comparator: '>=', per: 'week' },
            start,
            addDays(start, 28),
          ),
        ],
        [
          buildIntervention(id(), 'behavioural-activation', 'Behavioural activation', 'weekly in session'),
          buildIntervention(
            id(),
            'activity-scheduling',
            'Activity scheduling',
            'daily homework',
            'client, reviewed in session',
          ),
        ],
      ),
      buildObjective(
        id(),
        2,
        'Reduce time in bed during the day from ~4 hours to ≤1 hour within 6 weeks.',
        addDays(start, 42),
        [
          buildTarget(
            id(),
            { behaviorId: bedHours.id, direction: 'decrease', baseline: 4, value: 1, comparator: '<=', per: 'day' },
            start,
            addDays(start, 42),
          ),
        ],
        [buildIntervention(id(), 'sleep-hygiene', 'Sleep hygiene', 'weekly in session')],
      ),
      buildObjective(
        id(),
        3,
        'Identify and restructure at least 3 depressive automatic thoughts per week using a thought record by week 8.',
        addDays(start, 56),
        [
          buildTarget(
            id(),
            { behaviorId: records.id, direction: 'increase', baseline: 0, value: 3, comparator: '>=', per: 'week' },
            start,
            addDays(start, 56),
          ),
        ],
        [
          buildIntervention(
            id(),
            'cognitive-restructuring',
            'Cognitive restructuring (thought records)',
            'weekly in session',
          ),
        ],
      ),
    ],
  });
  const goal2: Goal = buildGoal({
    id: id(),
    position: 2,
    statement: 'Increase pleasurable activities to 5 per week within 4 weeks.',
    clientWords: 'Do the things I used to like, most days.',
    formulationElementIds: [el.withdrawal],
    targets: [
      buildTarget(
        id(),
        { behaviorId: activities.id, direction: 'increase', baseline: 1, value: 5, comparator: '>=', per: 'week' },
        start,
        addDays(start, 28),
      ),
    ],
    startDate: start,
    dueDate: addDays(start, 28),
    endorsement: { date: start, method: 'in-session', words: null },
    objectives: [
      buildObjective(
        id(),
        1,
        'Schedule at least 3 walks per week within 2 weeks.',
        addDays(start, 14),
        [
          buildTarget(
            id(),
            { behaviorId: walks.id, direction: 'increase', baseline: 0, value: 3, comparator: '>=', per: 'week' },
            start,
            addDays(start, 14),
          ),
        ],
        [buildIntervention(id(), 'activity-scheduling', 'Activity scheduling', 'weekly in session')],
      ),
    ],
  });
  const plan = signedPlan(input, {
    id: id(),
    clientId: client.id,
    establishedDate: start,
    presentingProblems: 'Depressed mood, anhedonia, withdrawal and daytime inactivity after redundancy.',
    diagnoses: [diagnosis],
    durationWeeks: 16,
    dischargeCriteria: 'PHQ-9 below 10 on two consecutive administrations and a stable weekly activity routine.',
    strengths: 'Close friendship; enjoys cooking and walking; motivated to return to work.',
    clientParticipation:
      'Goals written with the client in session; the client chose the activities and endorsed the plan.',
    goals: [goal, goal2],
  });
  return {
    client,
    diagnosis,
    formulation,
    behaviors: [activities, bedHours, records, walks],
    plan,
    // The DESIGN example answers (3,3,2,2,2,2,2,1,1 → 18 with item 9 = 1) open the series.
    administrations: series(
      input,
      client.id,
      'phq9',
      start,
      [18, 17, 16, 15, 14, 13, 12, 12, 11],
      [3, 3, 2, 2, 2, 2, 2, 1, 1],
    ),
    behaviorLogs: [
      ...logs(input, activities, start, [1, 2, 3, 4, 5, 5, 6, 5]),
      ...logs(input, bedHours, start, [4, 3.5, 3, 2.5, 2, 1.5, 1, 1]),
      ...logs(input, records, start, [0, 1, 1, 2, 2, 3, 3, 3]),
      ...logs(input, walks, start, [0, 2, 3, 3, 4, 3, 3, 4]),
    ],
  };
}

/**
 * Case 2: panic disorder with agoraphobia. Panic attacks 3/week → ≤1/month and independent grocery shopping within 12
 * weeks; 10-item exposure hierarchy by week 10; safety behaviours gone by week 8; GAD-7 15 → ≤7. Six weeks in.
 */
export function buildPanicCase(input: DemoCaseInput): DemoCase {
  const start = addDays(input.today, -42);
  const id = input.newId;
  const client: Client = {
    id: id(),
    practiceId: input.practiceId,
    recordNumber: 'DEMO-002',
    givenName: 'Sam',
    familyName: 'Okafor (demo)',
    dateOfBirth: '1995-09-30',
    status: 'active',
  };
  const diagnosis: Diagnosis = {
    id: id(),
    code: 'F40.01',
    description: 'Agoraphobia with panic disorder',
    primary: true,
  };
  const el = { problem: id(), misinterp: id(), safety: id(), avoidance: id(), strength: id() };
  const formulation: Formulation = {
    id: id(),
    clientId: client.id,
    problemAreas: ['panic'],
    elements: [
      {
        id: el.problem,
        kind: 'presenting-problem',
        text: 'Recurrent panic attacks and avoidance of shops and buses',
        libraryKey: null,
      },
      {
        id: el.misinterp,
        kind: 'thought',
        text: 'Palpitations mean “I am having a heart attack”',
        libraryKey: 'panic.catastrophic-misinterpretation',
      },
      {
        id: el.safety,
        kind: 'safety-behaviour',
        text: 'Carries water, maps exits, sits near doors',
        libraryKey: 'panic.safety-behaviours',
      },
      {
        id: el.avoidance,
        kind: 'avoidance',
        text: 'Avoids supermarkets and public transport alone',
        libraryKey: 'panic.avoidance',
      },
      { id: el.strength, kind: 'strength', text: 'Supportive partner; keen runner', libraryKey: null },
    ],
  };
  const attacks: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'panic attacks',
    period: 'week',
    direction: 'decrease',
    unit: null,
  };
  const shopping: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'independent grocery shopping trips',
    period: 'week',
    direction: 'increase',
    unit: null,
  };
  const safetyUses: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'safety behaviours used',
    period: 'week',
    direction: 'decrease',
    unit: null,
  };
  const reappraisals: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'thought records on bodily sensations',
    period: 'week',
    direction: 'increase',
    unit: null,
  };
  const due = addDays(start, 12 * 7);
  const goal1 = buildGoal({
    id: id(),
    position: 1,
    statement: 'Reduce panic attacks from 3/week to ≤1/month and resume independent grocery shopping within 12 weeks.',
    clientWords: 'Do my own shopping without panicking.',
    formulationElementIds: [el.problem, el.misinterp, el.avoidance],
    targets: [
      buildTarget(
        id(),
        {
          behaviorId: attacks.id,
          direction: 'decrease',
          // 3 a week, expressed per month like the goal (≈ 13 a month): a target has one period for both values.
          baseline: Math.round(convertRate(3, 'week', 'month') * 10) / 10,
          value: 1,
          comparator: '<=',
          per: 'month',
        },
        start,
        due,
      ),
      buildTarget(
        id(),
        { behaviorId: shopping.id, direction: 'increase', baseline: 0, value: 1, comparator: '>=', per: 'week' },
        start,
        due,
      ),
    ],
    startDate: start,
    dueDate: due,
    endorsement: { date: start, method: 'in-session', words: 'Do my own shopping without panicking.' },
    objectives: [
      buildObjective(
        id(),
        1,
        'Complete an exposure hierarchy of 10 items and reach the top item by week 10.',
        addDays(start, 70),
        [
          buildTarget(
            id(),
            { gas: true, direction: 'increase', baseline: -2, value: 0, comparator: '>=' },
            start,
            addDays(start, 70),
          ),
        ],
        [
          buildIntervention(
            id(),
            'exposure-in-vivo',
            'Graded in-vivo exposure (hierarchy)',
            'weekly in session, daily homework',
          ),
          buildIntervention(id(), 'exposure-interoceptive', 'Interoceptive exposure', 'weekly in session'),
        ],
      ),
      buildObjective(
        id(),
        2,
        'Eliminate identified safety behaviors (carrying water, mapping exits) by week 8.',
        addDays(start, 56),
        [
          buildTarget(
            id(),
            { behaviorId: safetyUses.id, direction: 'decrease', baseline: 14, value: 0, comparator: '<=', per: 'week' },
            start,
            addDays(start, 56),
          ),
        ],
        [
          buildIntervention(id(), 'safety-behaviour-dropping', 'Safety-behaviour dropping', 'weekly in session'),
          buildIntervention(id(), 'behavioural-experiments', 'Behavioural experiments', 'weekly'),
        ],
      ),
    ],
  });
  const goal2 = buildGoal({
    id: id(),
    position: 2,
    statement: 'Lower GAD-7 from 15 to ≤7 within 12 weeks.',
    clientWords: 'Feel calmer day to day.',
    formulationElementIds: [el.problem, el.misinterp],
    targets: [
      buildTarget(
        id(),
        { instrumentId: 'gad7', direction: 'decrease', baseline: 15, value: 7, comparator: '<=' },
        start,
        due,
      ),
    ],
    startDate: start,
    dueDate: due,
    endorsement: { date: start, method: 'in-session', words: null },
    objectives: [
      buildObjective(
        id(),
        1,
        'Practise re-appraising bodily sensations with a thought record at least 3 times per week by week 4.',
        addDays(start, 28),
        [
          buildTarget(
            id(),
            {
              behaviorId: reappraisals.id,
              direction: 'increase',
              baseline: 0,
              value: 3,
              comparator: '>=',
              per: 'week',
            },
            start,
            addDays(start, 28),
          ),
        ],
        [
          buildIntervention(
            id(),
            'cognitive-restructuring',
            'Cognitive restructuring of catastrophic misinterpretations',
            'weekly in session',
          ),
        ],
      ),
    ],
  });
  const plan = signedPlan(input, {
    id: id(),
    clientId: client.id,
    establishedDate: start,
    presentingProblems: 'Panic attacks about three times a week with avoidance of shops and public transport.',
    diagnoses: [diagnosis],
    durationWeeks: 12,
    dischargeCriteria: 'No more than one panic attack a month for four weeks and independent shopping each week.',
    strengths: 'Supportive partner; regular runner; clear motivation to regain independence.',
    clientParticipation: 'The client built the exposure hierarchy and endorsed each goal in session.',
    goals: [goal1, goal2],
  });
  return {
    client,
    diagnosis,
    formulation,
    behaviors: [attacks, shopping, safetyUses, reappraisals],
    plan,
    administrations: series(input, client.id, 'gad7', start, [15, 14, 13, 12, 12, 11, 10]),
    behaviorLogs: [
      ...logs(input, attacks, start, [3, 3, 2, 2, 1, 1]),
      ...logs(input, shopping, start, [0, 0, 0, 1, 1, 1]),
      ...logs(input, safetyUses, start, [14, 12, 9, 6, 4, 2]),
      ...logs(input, reappraisals, start, [0, 1, 2, 3, 3, 4]),
    ],
  };
}

/**
 * Case 3: PTSD. PCL-5 52 → ≤30 and highway driving within 16 weeks; nightmares 5/week → ≤1/week within 8 weeks;
 * trauma-focused processing by week 12; highway trips 0 → 2/week by week 16. Ten weeks in and off track.
 */
export function buildPtsdCase(input: DemoCaseInput): DemoCase {
  const start = addDays(input.today, -70);
  const id = input.newId;
  const client: Client = {
    id: id(),
    practiceId: input.practiceId,
    recordNumber: 'DEMO-003',
    givenName: 'Alex',
    familyName: 'Moreno (demo)',
    dateOfBirth: '1979-02-17',
    status: 'active',
  };
  const diagnosis: Diagnosis = {
    id: id(),
    code: 'F43.12',
    description: 'Post-traumatic stress disorder, chronic',
    primary: true,
  };
  const el = { problem: id(), memory: id(), appraisal: id(), avoidance: id(), hyper: id(), strength: id() };
  const formulation: Formulation = {
    id: id(),
    clientId: client.id,
    problemAreas: ['ptsd'],
    elements: [
      {
        id: el.problem,
        kind: 'presenting-problem',
        text: 'Intrusions, nightmares and avoidance of driving since a highway collision',
        libraryKey: null,
      },
      {
        id: el.memory,
        kind: 'perpetuating',
        text: 'Poorly elaborated trauma memory with vivid intrusions',
        libraryKey: 'ptsd.trauma-memory',
      },
      {
        id: el.appraisal,
        kind: 'thought',
        text: '“I should have prevented it; I am not safe on the road”',
        libraryKey: 'ptsd.negative-appraisals',
      },
      {
        id: el.avoidance,
        kind: 'avoidance',
        text: 'Avoids highways and talking about the crash',
        libraryKey: 'ptsd.avoidance',
      },
      { id: el.hyper, kind: 'perpetuating', text: 'Hypervigilance as a passenger', libraryKey: 'ptsd.hypervigilance' },
      { id: el.strength, kind: 'strength', text: 'Committed parent; steady employment', libraryKey: null },
    ],
  };
  const nightmares: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'nightmares',
    period: 'week',
    direction: 'decrease',
    unit: null,
  };
  const trips: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'highway driving trips',
    period: 'week',
    direction: 'increase',
    unit: null,
  };
  const diaryNights: BehaviorDefinition = {
    id: id(),
    clientId: client.id,
    name: 'nights with a sleep diary',
    period: 'week',
    direction: 'increase',
    unit: null,
  };
  const due = addDays(start, 16 * 7);
  const goal1 = buildGoal({
    id: id(),
    position: 1,
    statement: 'Reduce PTSD symptom severity (PCL-5 from 52 to ≤30) and resume driving on highways within 16 weeks.',
    clientWords: 'Drive my kids to school on the highway again.',
    formulationElementIds: [el.problem, el.memory, el.avoidance],
    targets: [
      buildTarget(
        id(),
        { instrumentId: 'pcl5', direction: 'decrease', baseline: 52, value: 30, comparator: '<=' },
        start,
        due,
      ),
      buildTarget(
        id(),
        { behaviorId: trips.id, direction: 'increase', baseline: 0, value: 2, comparator: '>=', per: 'week' },
        start,
        due,
      ),
    ],
    startDate: start,
    dueDate: due,
    endorsement: { date: start, method: 'in-session', words: 'Drive my kids to school on the highway again.' },
    objectives: [
      buildObjective(
        id(),
        1,
        'Complete trauma-focused processing of the index event by week 12.',
        addDays(start, 84),
        [
          buildTarget(
            id(),
            { gas: true, direction: 'increase', baseline: -2, value: 0, comparator: '>=' },
            start,
            addDays(start, 84),
          ),
        ],
        [
          buildIntervention(id(), 'cognitive-processing', 'Cognitive processing therapy', 'weekly in session'),
          buildIntervention(id(), 'prolonged-exposure', 'Imaginal exposure to the trauma memory', 'weekly in session'),
        ],
      ),
      buildObjective(
        id(),
        2,
        'Increase highway driving from 0 to at least 2 trips/week by week 16.',
        due,
        [
          buildTarget(
            id(),
            { behaviorId: trips.id, direction: 'increase', baseline: 0, value: 2, comparator: '>=', per: 'week' },
            start,
            due,
          ),
        ],
        [buildIntervention(id(), 'exposure-in-vivo', 'Graded in-vivo exposure to driving', 'weekly homework')],
      ),
    ],
  });
  const goal2 = buildGoal({
    id: id(),
    position: 2,
    statement: 'Reduce nightmares from 5/week to ≤1/week within 8 weeks.',
    clientWords: 'Sleep through the night.',
    formulationElementIds: [el.memory, el.hyper],
    targets: [
      buildTarget(
        id(),
        { behaviorId: nightmares.id, direction: 'decrease', baseline: 5, value: 1, comparator: '<=', per: 'week' },
        start,
        addDays(start, 56),
      ),
    ],
    startDate: start,
    dueDate: addDays(start, 56),
    endorsement: { date: start, method: 'in-session', words: null },
    objectives: [
      buildObjective(
        id(),
        1,
        'Keep a nightly sleep diary on at least 6 nights per week by week 2.',
        addDays(start, 14),
        [
          buildTarget(
            id(),
            { behaviorId: diaryNights.id, direction: 'increase', baseline: 0, value: 6, comparator: '>=', per: 'week' },
            start,
            addDays(start, 14),
          ),
        ],
        [buildIntervention(id(), 'sleep-hygiene', 'Sleep hygiene and CBT-I components', 'weekly in session')],
      ),
    ],
  });
  const plan = signedPlan(input, {
    id: id(),
    clientId: client.id,
    establishedDate: start,
    presentingProblems: 'Intrusive memories, nightmares and avoidance of highway driving after a collision.',
    diagnoses: [diagnosis],
    durationWeeks: 16,
    dischargeCriteria: 'PCL-5 at or below 30 and driving on highways at least twice a week.',
    strengths: 'Committed parent; steady employment; good rapport with the clinician.',
    clientParticipation: 'The client chose the driving goal and endorsed the plan in session.',
    goals: [goal1, goal2],
  });
  return {
    client,
    diagnosis,
    formulation,
    behaviors: [nightmares, trips, diaryNights],
    plan,
    administrations: series(input, client.id, 'pcl5', start, [52, 51, 52, 50, 49, 50, 48, 49, 48, 47, 47]),
    behaviorLogs: [
      ...logs(input, nightmares, start, [5, 5, 4, 5, 4, 4, 4, 3, 4, 4]),
      ...logs(input, trips, start, [0, 0, 0, 0, 0, 0, 0, 1, 0, 1]),
      ...logs(input, diaryNights, start, [3, 5, 6, 6, 7, 6, 6, 7, 6, 7]),
    ],
  };
}
