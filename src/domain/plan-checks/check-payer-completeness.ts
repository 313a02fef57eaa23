/**
 * The payer completeness check run before signing (DESIGN 2.2, 2.5): every element of the "checkable element list for
 * a payer-ready plan" in reference/payer-requirements.md, one finding per missing element, each with a code that says
 * exactly which element (see `PayerCheckCode`, whose doc comments cite the requirement). Missing elements are errors;
 * a supervisor co-signature that a draft will need once signed is a warning.
 *
 * Before signing, pass the clinician about to sign as `context.signer`: the plan carries no signature yet, and the
 * check then asks only that the signer's credentials are known. The client's signature and the review history are
 * not part of `TreatmentPlan`; the application passes them in the context.
 *
 * @example
 * checkPayerCompleteness({ ...plan, dischargeCriteria: '' }, { today: '2026-11-26', instruments: [], signer })
 *   .map((finding) => finding.code);
 * // ['payer-missing-discharge-criteria']
 */
import { addDays, addMonths, isCalendarDate } from '../shared/calendar-date.js';
import type { Goal } from '../treatment-plans/goal.js';
import { ServiceType, type TreatmentPlan } from '../treatment-plans/treatment-plan.js';
import { PayerCheckCode } from './payer-check-code.js';
import type { PlanCheckContext, PlanFinding } from './plan-finding.js';

/**
 * Where every payer element comes from.
 *
 * @example
 * checkPayerCompleteness(plan, context)[0]?.data?.source === PAYER_REQUIREMENTS_SOURCE; // true
 */
export const PAYER_REQUIREMENTS_SOURCE = 'reference/payer-requirements.md';

/**
 * ICD-10-CM code shape: a letter, two characters, optionally a dot and up to four more (F32.1, F41.1, Z63.0).
 *
 * @example
 * ICD10CM_CODE.test('F43.10'); // true
 */
export const ICD10CM_CODE = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/**
 * Checks that the plan holds every payer element.
 *
 * @example
 * checkPayerCompleteness({ ...plan, diagnoses: [] }, context)[0]?.message;
 * // 'The plan has no diagnosis.'
 */
export function checkPayerCompleteness(plan: TreatmentPlan, context: PlanCheckContext): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const missing = (
    code: PayerCheckCode,
    path: readonly (string | number)[],
    message: string,
    suggestion: string,
    data: Record<string, unknown> = {},
    severity: PlanFinding['severity'] = 'error',
  ) =>
    findings.push({ code, severity, path, message, suggestion, data: { ...data, source: PAYER_REQUIREMENTS_SOURCE } });

  if (blank(plan.clientId)) {
    missing(
      PayerCheckCode.missingClientId,
      ['clientId'],
      'The plan is not tied to a client.',
      'Create the plan from the client’s record.',
    );
  }
  if (!isCalendarDate(plan.establishedDate) || !Number.isInteger(plan.version) || plan.version < 1) {
    missing(
      PayerCheckCode.missingEstablishedDate,
      ['establishedDate'],
      'The plan has no valid date established or version.',
      'Record the date the plan was established (YYYY-MM-DD).',
    );
  } else if (addMonths(plan.establishedDate, 12) < context.today) {
    missing(
      PayerCheckCode.planTooOld,
      ['establishedDate'],
      `The plan was established on ${plan.establishedDate}, more than one year ago.`,
      'Review the plan with the client and sign a new version; Medicare needs a plan established within the last year.',
      { establishedDate: plan.establishedDate },
    );
  }

  if (plan.diagnoses.length === 0) {
    missing(
      PayerCheckCode.missingDiagnosis,
      ['diagnoses'],
      'The plan has no diagnosis.',
      'Add the diagnosis as an ICD-10-CM code (e.g. F32.1), marking the primary one.',
    );
  }
  plan.diagnoses.forEach((diagnosis, index) => {
    if (!ICD10CM_CODE.test(diagnosis.code.trim())) {
      missing(
        PayerCheckCode.invalidDiagnosisCode,
        ['diagnoses', index, 'code'],
        `Diagnosis ${index + 1} is not a valid ICD-10-CM code.`,
        'Use the ICD-10-CM code with its dot, e.g. F41.1 or F43.10.',
        { diagnosisId: diagnosis.id, code: diagnosis.code },
      );
    }
  });

  const texts = [
    [
      'presentingProblems',
      PayerCheckCode.missingPresentingProblems,
      'presenting problems',
      'Describe the presenting problems in observable, behavioural terms.',
    ],
    [
      'strengths',
      PayerCheckCode.missingStrengths,
      'strengths',
      'Record the client’s strengths, and build goals on them.',
    ],
    [
      'dischargeCriteria',
      PayerCheckCode.missingDischargeCriteria,
      'discharge or transition criteria',
      'State when treatment will end or step down, discussed with the client (e.g. “PHQ-9 below 10 on two occasions”).',
    ],
    [
      'referrals',
      PayerCheckCode.missingReferrals,
      'referrals statement',
      'List referrals, or write “None at present”.',
    ],
    [
      'clientParticipation',
      PayerCheckCode.missingClientParticipation,
      'client participation statement',
      'Describe how the client took part in writing the plan.',
    ],
    [
      'sessionFrequency',
      PayerCheckCode.missingSessionFrequency,
      'planned session frequency',
      'State how often sessions will be, e.g. “weekly”.',
    ],
  ] as const;
  for (const [field, code, name, suggestion] of texts) {
    if (blank(plan[field])) missing(code, [field], `The plan has no ${name}.`, suggestion);
  }

  if (!Object.values(ServiceType).includes(plan.serviceType)) {
    missing(
      PayerCheckCode.missingServiceType,
      ['serviceType'],
      'The plan does not state the type of service.',
      'State the type of service explicitly: individual, group or family.',
    );
  }
  if (!(plan.sessionMinutes > 0)) {
    missing(
      PayerCheckCode.missingSessionLength,
      ['sessionMinutes'],
      'The plan has no planned session length.',
      'State the planned session length in minutes, e.g. 50.',
    );
  }
  if (!(plan.durationWeeks > 0)) {
    missing(
      PayerCheckCode.missingDuration,
      ['durationWeeks'],
      'The plan has no duration.',
      'State how long the plan is valid for, in weeks (under one year).',
    );
  } else if (plan.durationWeeks >= 52) {
    missing(
      PayerCheckCode.durationOverOneYear,
      ['durationWeeks'],
      `The plan runs for ${plan.durationWeeks} weeks; payers accept plans of under one year.`,
      'Set a duration of under 52 weeks and plan a new version before it ends.',
      { durationWeeks: plan.durationWeeks },
    );
  }
  if (!isCalendarDate(plan.nextReviewDate)) {
    missing(
      PayerCheckCode.missingNextReviewDate,
      ['nextReviewDate'],
      'The plan has no next review date.',
      'Set the next review date (by default 90 days after the plan starts).',
    );
  }

  const active = plan.goals.filter((goal) => goal.status === 'active');
  if (active.length === 0) {
    missing(
      PayerCheckCode.missingGoals,
      ['goals'],
      'The plan has no active goals.',
      'Add the anticipated goals of treatment, in the client’s words and linked to the formulation.',
    );
  }
  plan.goals.forEach((goal, index) => {
    if (goal.status === 'active') checkGoalElements(goal, ['goals', index], missing);
  });

  checkSignatures(plan, context, missing);

  const reviewDue =
    isCalendarDate(plan.establishedDate) && context.today > addDays(plan.establishedDate, plan.reviewIntervalDays);
  if (reviewDue && context.lastReviewDate == null) {
    missing(
      PayerCheckCode.missingPeriodicReview,
      ['reviews'],
      `The plan is older than its ${plan.reviewIntervalDays}-day review interval and has no review.`,
      'Record a review summarising progress towards each goal before the plan is sent to a payer.',
      { reviewIntervalDays: plan.reviewIntervalDays },
    );
  }
  return findings;
}

type Missing = (
  code: PayerCheckCode,
  path: readonly (string | number)[],
  message: string,
  suggestion: string,
  data?: Record<string, unknown>,
  severity?: PlanFinding['severity'],
) => void;

function checkGoalElements(goal: Goal, path: readonly (string | number)[], missing: Missing): void {
  const label = `Goal ${goal.position}`;
  if (blank(goal.clientWords)) {
    missing(
      PayerCheckCode.goalMissingClientWords,
      [...path, 'clientWords'],
      `${label} is not written in the client’s own words.`,
      'Ask the client how they would put the goal and record their words.',
      { goalId: goal.id },
    );
  }
  if (goal.objectives.length === 0) {
    missing(
      PayerCheckCode.goalMissingObjectives,
      [...path, 'objectives'],
      `${label} has no measurable objectives.`,
      'Add measurable, time-bound objectives, each with a measure, baseline, target and due date.',
      { goalId: goal.id },
    );
  }
  goal.objectives.forEach((objective, index) => {
    const objectivePath = [...path, 'objectives', index];
    const objectiveLabel = `Objective ${goal.position}.${objective.position}`;
    const ids = { goalId: goal.id, objectiveId: objective.id };
    if (objective.targets.length === 0) {
      missing(
        PayerCheckCode.objectiveMissingMeasure,
        [...objectivePath, 'targets'],
        `${objectiveLabel} has no measure (instrument or counted behaviour) with a target.`,
        'Bind the objective to an instrument or a behaviour the client counts, with a target value.',
        ids,
      );
    }
    objective.targets.forEach((target, t) => {
      if (target.baseline === null) {
        missing(
          PayerCheckCode.objectiveMissingBaseline,
          [...objectivePath, 'targets', t, 'baseline'],
          `${objectiveLabel} has a target without a baseline.`,
          'Record the baseline value: the latest score, or the count over the first one to two weeks.',
          { ...ids, targetId: target.id },
        );
      }
    });
    if (objective.dueDate === null) {
      missing(
        PayerCheckCode.objectiveMissingDueDate,
        [...objectivePath, 'dueDate'],
        `${objectiveLabel} has no due date.`,
        'Set a due date for the objective.',
        ids,
      );
    }
    if (objective.interventions.length === 0) {
      missing(
        PayerCheckCode.objectiveMissingInterventions,
        [...objectivePath, 'interventions'],
        `${objectiveLabel} has no interventions.`,
        'Add the interventions with who delivers them and how often.',
        ids,
      );
    }
    objective.interventions.forEach((intervention, i) => {
      const interventionPath = [...objectivePath, 'interventions', i];
      const interventionIds = { ...ids, interventionId: intervention.id };
      if (blank(intervention.frequency)) {
        missing(
          PayerCheckCode.interventionMissingFrequency,
          [...interventionPath, 'frequency'],
          `Intervention ${i + 1} of ${objectiveLabel} has no frequency.`,
          'State how often it is delivered, e.g. “weekly in session” or “daily homework”.',
          interventionIds,
        );
      }
      if (blank(intervention.deliveredBy)) {
        missing(
          PayerCheckCode.interventionMissingResponsible,
          [...interventionPath, 'deliveredBy'],
          `Intervention ${i + 1} of ${objectiveLabel} does not say who delivers it.`,
          'Name who is responsible: the clinician (with credentials) or the client as homework.',
          interventionIds,
        );
      }
    });
  });
}

function checkSignatures(plan: TreatmentPlan, context: PlanCheckContext, missing: Missing): void {
  const signature = plan.clinicianSignature ?? context.signer ?? null;
  if (signature === null) {
    missing(
      PayerCheckCode.missingClinicianSignature,
      ['clinicianSignature'],
      'The plan has no clinician signature.',
      'Sign the plan as the treating clinician, with your credentials.',
    );
  } else if (blank(signature.credentials)) {
    missing(
      PayerCheckCode.missingClinicianCredentials,
      ['clinicianSignature', 'credentials'],
      'The clinician’s signature has no credentials.',
      'Add your credentials (licence or qualification, e.g. “LCSW” or “CBT therapist, BABCP accredited”) to your profile.',
    );
  }
  const settings = context.settings;
  if (settings?.requireSupervisorCoSignature && plan.supervisorSignature === null) {
    const signed = plan.status !== 'draft';
    missing(
      PayerCheckCode.missingSupervisorSignature,
      ['supervisorSignature'],
      signed
        ? 'The plan has no supervisor co-signature.'
        : 'The plan will need a supervisor co-signature after you sign.',
      'Ask your supervisor to review and co-sign the plan.',
      {},
      signed ? 'error' : 'warning',
    );
  }
  if (settings?.requireClientSignature && !context.clientSignature) {
    missing(
      PayerCheckCode.missingClientSignature,
      ['clientSignature'],
      'The programme requires the client’s (or guardian’s) signature on the plan and there is none.',
      'Ask the client, or their guardian, to sign the plan; if they cannot, log the attempt for supervisor review.',
    );
  }
}

function blank(text: string | null | undefined): boolean {
  return text == null || text.trim() === '';
}
