import type { MeasureDefinition } from '../../domain/scoring/measure-definition.js';
import { addDays } from '../../domain/shared/calendar-date.js';
import {
  answersForTotal,
  buildAdministration,
  buildGoal,
  buildIntervention,
  buildObjective,
  buildTarget,
  seededRandom,
} from './demo-builders.js';
import type { DemoCase, DemoCaseInput } from './demo-cases.js';

const GIVEN = [
  'Avery',
  'Blake',
  'Casey',
  'Drew',
  'Emery',
  'Finley',
  'Harper',
  'Jamie',
  'Kai',
  'Logan',
  'Morgan',
  'Noor',
  'Parker',
  'Quinn',
  'Riley',
  'Sage',
  'Taylor',
  'Rowan',
];
const FAMILY = [
  'Adler',
  'Baptiste',
  'Chen',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Mensah',
  'Novak',
  'Okoro',
  'Patel',
  'Rossi',
  'Sato',
];

interface Profile {
  readonly area: 'depression' | 'gad' | 'panic' | 'ptsd';
  readonly instrumentId: string;
  readonly secondaryId: string;
  readonly baseline: [number, number];
  readonly goalValue: number;
  readonly code: string;
  readonly description: string;
  readonly behavior: { readonly name: string; readonly baseline: [number, number]; readonly goal: number };
  readonly interventions: readonly (readonly [string, string])[];
}

// Goal values are the instruments' caseness/functional thresholds in reference/measures.md (PHQ-9 < 10, GAD-7 < 8,
// PCL-5 ≤ 30 as in the guide's PTSD case); synthetic demo data only.
const PROFILES: readonly Profile[] = [
  {
    area: 'depression',
    instrumentId: 'phq9',
    secondaryId: 'gad7',
    baseline: [12, 24],
    goalValue: 9,
    code: 'F33.1',
    description: 'Major depressive disorder, recurrent, moderate',
    behavior: { name: 'pleasurable or mastery activities', baseline: [0, 2], goal: 5 },
    interventions: [
      ['behavioural-activation', 'Behavioural activation'],
      ['cognitive-restructuring', 'Cognitive restructuring'],
    ],
  },
  {
    area: 'gad',
    instrumentId: 'gad7',
    secondaryId: 'phq9',
    baseline: [10, 20],
    goalValue: 7,
    code: 'F41.1',
    description: 'Generalized anxiety disorder',
    behavior: { name: 'hours spent worrying per day', baseline: [3, 6], goal: 1 },
    interventions: [
      ['problem-solving', 'Problem solving'],
      ['behavioural-experiments', 'Behavioural experiments'],
    ],
  },
  {
    area: 'panic',
    instrumentId: 'gad7',
    secondaryId: 'phq9',
    baseline: [10, 19],
    goalValue: 7,
    code: 'F41.0',
    description: 'Panic disorder [episodic paroxysmal anxiety]',
    behavior: { name: 'panic attacks', baseline: [2, 6], goal: 1 },
    interventions: [
      ['exposure-interoceptive', 'Interoceptive exposure'],
      ['safety-behaviour-dropping', 'Safety-behaviour dropping'],
    ],
  },
  {
    area: 'ptsd',
    instrumentId: 'pcl5',
    secondaryId: 'phq9',
    baseline: [38, 66],
    goalValue: 30,
    code: 'F43.10',
    description: 'Post-traumatic stress disorder, unspecified',
    behavior: { name: 'nightmares', baseline: [3, 6], goal: 1 },
    interventions: [
      ['cognitive-processing', 'Cognitive processing therapy'],
      ['prolonged-exposure', 'Prolonged exposure'],
    ],
  },
];

const between = (rnd: () => number, [lo, hi]: [number, number]) => lo + Math.floor(rnd() * (hi - lo + 1));

/**
 * Record number of synthetic client `index` (1-based) for a seed: the key that makes `cairn demo --clients` idempotent.
 *
 * @example
 * syntheticRecordNumber(7, 42) // 'SYN-7-00042'
 */
export function syntheticRecordNumber(seed: number, index: number): string {
  return `SYN-${seed}-${String(index).padStart(5, '0')}`;
}

/**
 * A synthetic client with a plan (an instrument goal and a behaviour goal, objectives, interventions) and `weeks` of
 * weekly history ending today. The content is a function of (seed, index) only.
 *
 * @example
 * const c = buildSyntheticCase(input, { seed: 1, index: 1, weeks: 12 });
 */
export function buildSyntheticCase(
  input: DemoCaseInput,
  options: { readonly seed: number; readonly index: number; readonly weeks: number },
): DemoCase {
  const rnd = seededRandom(options.seed * 1_000_003 + options.index);
  const profile = PROFILES[Math.floor(rnd() * PROFILES.length)] ?? (PROFILES[0] as Profile);
  const primary = input.measure(profile.instrumentId);
  const secondary = input.measure(profile.secondaryId);
  const id = input.newId;
  const weeks = options.weeks;
  const start = addDays(input.today, -7 * weeks);
  const due = addDays(start, 7 * Math.max(12, weeks + 4));
  const baseline = between(rnd, profile.baseline);
  // 60 % improve, 25 % stay flat, 15 % get worse: enough variety for caseload and outcome views.
  const r = rnd();
  const slope = r < 0.6 ? -(0.4 + rnd()) : r < 0.85 ? 0 : 0.3 + rnd() * 0.5;
  const secondaryBaseline = Math.min(
    secondary.range.max,
    Math.max(secondary.range.min, Math.round(baseline * (secondary.range.max / primary.range.max))),
  );
  const client = {
    id: id(),
    practiceId: input.practiceId,
    recordNumber: syntheticRecordNumber(options.seed, options.index),
    givenName: GIVEN[Math.floor(rnd() * GIVEN.length)] ?? 'Sam',
    familyName: `${FAMILY[Math.floor(rnd() * FAMILY.length)] ?? 'Doe'} (synthetic)`,
    dateOfBirth: `19${between(rnd, [60, 99])}-0${between(rnd, [1, 9])}-1${between(rnd, [0, 9])}`,
    status: 'active' as const,
  };
  const diagnosis = { id: id(), code: profile.code, description: profile.description, primary: true };
  const problemId = id();
  const factorId = id();
  const formulation = {
    id: id(),
    clientId: client.id,
    problemAreas: [profile.area === 'gad' ? ('gad' as const) : profile.area],
    elements: [
      {
        id: problemId,
        kind: 'presenting-problem' as const,
        text: `Synthetic presenting problem (${profile.area})`,
        libraryKey: null,
      },
      { id: factorId, kind: 'perpetuating' as const, text: 'Synthetic maintaining factor', libraryKey: null },
    ],
  };
  const behaviorBaseline = between(rnd, profile.behavior.baseline);
  const behavior = {
    id: id(),
    clientId: client.id,
    name: profile.behavior.name,
    period: profile.behavior.name.includes('per day') ? ('day' as const) : ('week' as const),
    direction: profile.behavior.goal > behaviorBaseline ? ('increase' as const) : ('decrease' as const),
    unit: profile.behavior.name.startsWith('hours') ? 'hour' : null,
  };
  const weekly = (name: string) => ({
    id: id(),
    clientId: client.id,
    name,
    period: 'week' as const,
    direction: 'increase' as const,
    unit: null,
  });
  const homework = weekly('homework tasks completed');
  const loggedDays = weekly('days with a completed log');
  const totals = Array.from({ length: weeks + 1 }, (_, w) => {
    const noise = Math.round((rnd() - 0.5) * 3);
    return Math.min(primary.range.max, Math.max(primary.range.min, Math.round(baseline + slope * w) + noise));
  });
  const administrations = totals.flatMap((total, w) => {
    const on = w === weeks ? input.today : addDays(start, 7 * w);
    const secondaryTotal = Math.min(
      secondary.range.max,
      Math.max(secondary.range.min, Math.round(secondaryBaseline + slope * w * 0.5)),
    );
    const noCritical = (def: MeasureDefinition) => Object.fromEntries(def.criticalItems.map((c) => [c.item, 0]));
    return [
      buildAdministration(primary, {
        id: id(),
        clientId: client.id,
        on,
        answers: answersForTotal(primary, total, noCritical(primary)),
        recordedBy: input.clinician.id,
      }),
      buildAdministration(secondary, {
        id: id(),
        clientId: client.id,
        on,
        answers: answersForTotal(secondary, secondaryTotal, noCritical(secondary)),
        recordedBy: input.clinician.id,
      }),
    ];
  });
  const behaviorGoal = profile.behavior.goal;
  const behaviorLogs = Array.from({ length: weeks }, (_, w) => ({
    id: id(),
    behaviorId: behavior.id,
    clientId: client.id,
    periodStart: addDays(start, 7 * w),
    count: Math.max(
      0,
      Math.round(
        behaviorBaseline + (((behaviorGoal - behaviorBaseline) * w) / Math.max(weeks, 1)) * (slope < 0 ? 1 : 0.2),
      ),
    ),
    source: 'session' as const,
    recordedBy: input.clinician.id,
  }));
  const weeksToDue = Math.round((Date.parse(due) - Date.parse(start)) / (7 * 86_400_000));
  const cmp = behavior.direction === 'increase' ? '>=' : '<=';
  const goal1 = buildGoal({
    id: id(),
    position: 1,
    statement: `Reduce ${primary.shortName} from ${baseline} to ${profile.goalValue} or below within ${weeksToDue} weeks.`,
    clientWords: 'Feel more like myself again.',
    formulationElementIds: [problemId],
    targets: [
      buildTarget(
        id(),
        { instrumentId: primary.id, direction: 'decrease', baseline, value: profile.goalValue, comparator: '<=' },
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
        `Attend weekly sessions and complete homework at least 5 times per week within 4 weeks.`,
        addDays(start, 28),
        [
          buildTarget(
            id(),
            { behaviorId: homework.id, direction: 'increase', baseline: 0, value: 5, comparator: '>=', per: 'week' },
            start,
            addDays(start, 28),
          ),
        ],
        [
          buildIntervention(
            id(),
            profile.interventions[0]?.[0] ?? null,
            profile.interventions[0]?.[1] ?? 'CBT',
            'weekly in session',
          ),
        ],
      ),
    ],
  });
  const goal2 = buildGoal({
    id: id(),
    position: 2,
    statement: `${behavior.direction === 'increase' ? 'Increase' : 'Reduce'} ${profile.behavior.name} from ${behaviorBaseline} to ${cmp === '>=' ? 'at least' : 'no more than'} ${behaviorGoal} per ${behavior.period} within ${weeksToDue} weeks.`,
    clientWords: 'Get this under control.',
    formulationElementIds: [factorId],
    targets: [
      buildTarget(
        id(),
        {
          behaviorId: behavior.id,
          direction: behavior.direction,
          baseline: behaviorBaseline,
          value: behaviorGoal,
          comparator: cmp,
          per: behavior.period,
        },
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
        `Record ${profile.behavior.name} in a daily log on at least 6 days per week within 2 weeks.`,
        addDays(start, 14),
        [
          buildTarget(
            id(),
            { behaviorId: loggedDays.id, direction: 'increase', baseline: 0, value: 6, comparator: '>=', per: 'week' },
            start,
            addDays(start, 14),
          ),
        ],
        [
          buildIntervention(
            id(),
            profile.interventions[1]?.[0] ?? null,
            profile.interventions[1]?.[1] ?? 'CBT',
            'weekly in session',
          ),
        ],
      ),
    ],
  });
  const plan = {
    id: id(),
    clientId: client.id,
    version: 1,
    revision: 1,
    status: 'signed' as const,
    previousVersionId: null,
    establishedDate: start,
    presentingProblems: `Synthetic ${profile.area} presentation.`,
    diagnoses: [diagnosis],
    serviceType: 'individual' as const,
    sessionMinutes: 50,
    sessionFrequency: 'weekly',
    durationWeeks: weeksToDue,
    reviewIntervalDays: input.reviewIntervalDays,
    nextReviewDate: addDays(start, input.reviewIntervalDays),
    dischargeCriteria: `${primary.shortName} at or below ${profile.goalValue} on two consecutive administrations.`,
    referrals: 'None.',
    strengths: 'Synthetic strengths.',
    clientParticipation: 'Goals agreed with the client in session.',
    goals: [goal1, goal2],
    clinicianSignature: {
      userId: input.clinician.id,
      name: input.clinician.name,
      credentials: input.clinician.credentials,
      signedAt: input.signedAt,
    },
    supervisorSignature: null,
    contentHash: null,
  };
  return {
    client,
    diagnosis,
    formulation,
    behaviors: [behavior, homework, loggedDays],
    plan,
    administrations,
    behaviorLogs,
  };
}
