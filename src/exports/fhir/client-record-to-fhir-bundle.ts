import { addDays, addMonths } from '../../domain/shared/calendar-date.js';
import type { Goal, Intervention, Objective } from '../../domain/treatment-plans/goal.js';
import type { Target } from '../../domain/treatment-plans/target.js';
import type { Diagnosis, PlanStatus, Signature, TreatmentPlan } from '../../domain/treatment-plans/treatment-plan.js';
import { getMeasure } from '../../measures/registry.js';
import type { ClientRecord, RecordAdministration, RecordBehavior, RecordBehaviorLog } from '../client-record.js';
import {
  CAIRN_FHIR_BASE,
  CBT_SNOMED,
  FhirExtensionUrl,
  FhirSystem,
  INTERVENTION_SNOMED,
  PSYCHOTHERAPY_CARE_PLAN_SNOMED,
} from './fhir-codes.js';
import type {
  FhirActivityStatus,
  FhirBundle,
  FhirCarePlan,
  FhirCarePlanActivity,
  FhirCodeableConcept,
  FhirCoding,
  FhirCondition,
  FhirExtension,
  FhirGoal,
  FhirGoalLifecycleStatus,
  FhirGoalTarget,
  FhirIdentifier,
  FhirObservation,
  FhirPatient,
  FhirProvenance,
  FhirQuantity,
  FhirQuestionnaireResponse,
  FhirQuestionnaireResponseItem,
  FhirReference,
  FhirResource,
} from './fhir-types.js';

/**
 * A client's record as a FHIR R4 `collection` Bundle (reference/fhir.md §0 and §2): Patient, a Condition per
 * ICD-10-CM diagnosis, the current plan as a CarePlan whose activities carry the interventions, a Goal per goal and
 * per objective (objectives linked from their goal with the core `goal-relationship` extension, type `milestone`),
 * and per administration a QuestionnaireResponse (answers; no item text for instruments whose licence does not allow
 * reproducing it) and an Observation with the total score (LOINC where the instrument has a code, `{score}`,
 * the band as `interpretation.text`, `derivedFrom` the response); self-monitoring counts as rate Observations.
 * Resource ids are Cairn's ids; each entry's `fullUrl` is `CAIRN_FHIR_BASE/<type>/<id>`, so relative references
 * resolve within the Bundle. Pure: the same record gives the same Bundle.
 *
 * @example
 * const bundle = clientRecordToFhirBundle(record);
 * bundle.entry.map((e) => e.resource.resourceType); // ['Patient', 'Condition', 'CarePlan', 'Goal', …]
 */
export function clientRecordToFhirBundle(record: ClientRecord): FhirBundle {
  const patientRef = ref('Patient', record.client.id);
  const conditionRefs = record.diagnoses.map((d) => ref('Condition', d.id));
  const resources: FhirResource[] = [patientOf(record), ...record.diagnoses.map((d) => conditionOf(d, patientRef))];
  if (record.plan) {
    resources.push(carePlanOf(record.plan, patientRef, conditionRefs));
    for (const goal of record.plan.goals) {
      resources.push(goalOf(goal, record, patientRef, conditionRefs));
      for (const objective of goal.objectives) {
        resources.push(objectiveOf(objective, goal, record, patientRef, conditionRefs));
      }
    }
    resources.push(...planProvenances(record.plan, patientRef));
  }
  for (const administration of record.administrations) {
    resources.push(...administrationResources(administration, patientRef));
  }
  const behaviors = new Map(record.behaviors.map((b) => [b.id, b]));
  for (const log of record.behaviorLogs) {
    const behavior = behaviors.get(log.behaviorId);
    if (behavior) resources.push(behaviorLogObservation(log, behavior, patientRef));
  }
  return {
    resourceType: 'Bundle',
    id: `export-${record.client.id}`,
    identifier: { system: FhirSystem.cairnId, value: `export-${record.client.id}-${record.generatedAt}` },
    type: 'collection',
    timestamp: record.generatedAt,
    entry: resources.map((resource) => ({
      fullUrl: `${CAIRN_FHIR_BASE}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}

/** ISO-E1762 signature types (reference/fhir.md §3): the author's, the verifier's (co-signature), the consent. */
const SIGNATURE_TYPE = {
  author: { system: FhirSystem.signatureType, code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" },
  verification: { system: FhirSystem.signatureType, code: '1.2.840.10065.1.12.1.5', display: 'Verification Signature' },
  consent: { system: FhirSystem.signatureType, code: '1.2.840.10065.1.12.1.7', display: 'Consent Signature' },
} as const;

function signerOf(s: Signature): FhirReference {
  return { display: s.credentials ? `${s.name}, ${s.credentials}` : s.name };
}

/**
 * Provenance of the plan version (reference/fhir.md §3): one for the clinician's signature (agent author, activity
 * v3-DataOperation CREATE), one for the supervisor's co-signature (agent verifier), each targeting the CarePlan and
 * its Goals, signed at the signature's time; one for the client's endorsement (agent attester in the role of
 * CONSENTER, the Patient), targeting the endorsed Goals, on the latest endorsement date. Signers are display
 * references: the Bundle carries no Practitioner resources.
 */
function planProvenances(plan: TreatmentPlan, patient: FhirReference): FhirProvenance[] {
  const goals = plan.goals.flatMap((g) => [ref('Goal', g.id), ...g.objectives.map((o) => ref('Goal', o.id))]);
  const targets = [ref('CarePlan', plan.id), ...goals];
  const out: FhirProvenance[] = [];
  const signed = (
    s: Signature,
    id: string,
    agentType: 'author' | 'verifier',
    activity: string,
    type: FhirCoding,
  ): FhirProvenance => ({
    resourceType: 'Provenance',
    id,
    target: targets,
    occurredDateTime: s.signedAt,
    recorded: s.signedAt,
    activity: { ...concept(FhirSystem.dataOperation, agentType === 'author' ? 'CREATE' : 'UPDATE'), text: activity },
    agent: [{ type: concept(FhirSystem.provenanceParticipantType, agentType), who: signerOf(s) }],
    signature: [{ type: [type], when: s.signedAt, who: signerOf(s) }],
  });
  if (plan.clinicianSignature) {
    out.push(
      signed(
        plan.clinicianSignature,
        `${plan.id}-signature`,
        'author',
        `Treatment plan version ${plan.version} signed by the clinician`,
        SIGNATURE_TYPE.author,
      ),
    );
  }
  if (plan.supervisorSignature) {
    out.push(
      signed(
        plan.supervisorSignature,
        `${plan.id}-co-signature`,
        'verifier',
        `Treatment plan version ${plan.version} co-signed by the supervisor`,
        SIGNATURE_TYPE.verification,
      ),
    );
  }
  const endorsed = plan.goals.filter((g) => g.endorsement !== null);
  const last = endorsed
    .map((g) => g.endorsement?.date ?? '')
    .sort()
    .at(-1);
  if (last) {
    out.push({
      resourceType: 'Provenance',
      id: `${plan.id}-endorsement`,
      target: endorsed.map((g) => ref('Goal', g.id)),
      occurredDateTime: last,
      recorded: plan.clinicianSignature?.signedAt ?? `${last}T00:00:00Z`,
      activity: { text: 'Client endorsement of the treatment plan goals' },
      agent: [
        {
          type: concept(FhirSystem.provenanceParticipantType, 'attester'),
          role: [concept(FhirSystem.contractSignerType, 'CONSENTER')],
          who: patient,
        },
      ],
      signature: [{ type: [SIGNATURE_TYPE.consent], when: `${last}T00:00:00Z`, who: patient }],
    });
  }
  return out;
}

function ref(type: string, id: string): FhirReference {
  return { reference: `${type}/${id}` };
}

function idOf(kind: string, id: string): FhirIdentifier[] {
  return [{ system: `${FhirSystem.cairnId}/${kind}`, value: id }];
}

function concept(system: string, code: string, display?: string): FhirCodeableConcept {
  return { coding: [display === undefined ? { system, code } : { system, code, display }] };
}

function patientOf(record: ClientRecord): FhirPatient {
  const c = record.client;
  return {
    resourceType: 'Patient',
    id: c.id,
    identifier: [{ system: FhirSystem.cairnClientRecordNumber, value: c.recordNumber }],
    name: [{ family: c.familyName, given: [c.givenName] }],
    ...(c.dateOfBirth ? { birthDate: c.dateOfBirth } : {}),
  };
}

function conditionOf(diagnosis: Diagnosis, subject: FhirReference): FhirCondition {
  return {
    resourceType: 'Condition',
    id: diagnosis.id,
    identifier: idOf('diagnosis', diagnosis.id),
    clinicalStatus: concept(FhirSystem.conditionClinical, 'active'),
    verificationStatus: concept(FhirSystem.conditionVerification, 'confirmed'),
    category: [concept(FhirSystem.conditionCategory, 'problem-list-item', 'Problem List Item')],
    code: {
      coding: [{ system: FhirSystem.icd10cm, code: diagnosis.code, display: diagnosis.description }],
      text: diagnosis.description,
    },
    subject,
    ...(diagnosis.primary ? { note: [{ text: 'Primary diagnosis' }] } : {}),
  };
}

const CARE_PLAN_STATUS: Readonly<Record<PlanStatus, FhirCarePlan['status']>> = {
  draft: 'draft',
  signed: 'active',
  superseded: 'revoked',
};

const ACTIVITY_STATUS: Readonly<Record<PlanStatus, FhirActivityStatus>> = {
  draft: 'not-started',
  signed: 'in-progress',
  superseded: 'stopped',
};

function carePlanOf(plan: TreatmentPlan, subject: FhirReference, conditions: readonly FhirReference[]): FhirCarePlan {
  const clinician = plan.clinicianSignature;
  const author = clinician ? { display: `${clinician.name}, ${clinician.credentials}`.replace(/, $/, '') } : undefined;
  const status = ACTIVITY_STATUS[plan.status];
  const goalRefs = plan.goals.flatMap((g) => [ref('Goal', g.id), ...g.objectives.map((o) => ref('Goal', o.id))]);
  const sessions: FhirCarePlanActivity = {
    detail: {
      kind: 'ServiceRequest',
      code: { ...concept(FhirSystem.snomed, CBT_SNOMED.code, CBT_SNOMED.display), text: 'CBT sessions' },
      ...(conditions.length > 0 ? { reasonReference: conditions } : {}),
      goal: plan.goals.map((g) => ref('Goal', g.id)),
      status,
      scheduledString: plan.sessionFrequency,
      ...(author ? { performer: [author] } : {}),
      description: `${plan.serviceType} sessions of ${plan.sessionMinutes} minutes, ${plan.sessionFrequency}, for ${plan.durationWeeks} weeks`,
    },
  };
  const interventions = plan.goals.flatMap((g) =>
    g.objectives.flatMap((o) => o.interventions.map((i) => activityOf(i, o, subject, status))),
  );
  const notes = [
    ['Strengths', plan.strengths],
    ['Discharge criteria', plan.dischargeCriteria],
    ['Referrals', plan.referrals],
    ['Client participation', plan.clientParticipation],
  ]
    .filter(([, text]) => text)
    .map(([label, text]) => ({ text: `${label}: ${text}` }));
  return {
    resourceType: 'CarePlan',
    id: plan.id,
    identifier: idOf('treatment-plan', plan.id),
    status: CARE_PLAN_STATUS[plan.status],
    intent: 'plan',
    category: [
      concept(FhirSystem.usCoreCarePlanCategory, 'assess-plan'),
      concept(FhirSystem.snomed, PSYCHOTHERAPY_CARE_PLAN_SNOMED.code, PSYCHOTHERAPY_CARE_PLAN_SNOMED.display),
    ],
    title: `CBT treatment plan, version ${plan.version}`,
    ...(plan.presentingProblems ? { description: plan.presentingProblems } : {}),
    subject,
    period: { start: plan.establishedDate, end: plan.nextReviewDate },
    created: plan.establishedDate,
    ...(author ? { author } : {}),
    contributor: [...(author ? [author] : []), ...(plan.goals.some((g) => g.endorsement) ? [subject] : [])],
    ...(conditions.length > 0 ? { addresses: conditions } : {}),
    ...(goalRefs.length > 0 ? { goal: goalRefs } : {}),
    activity: [sessions, ...interventions],
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

function activityOf(
  intervention: Intervention,
  objective: Objective,
  subject: FhirReference,
  status: FhirActivityStatus,
): FhirCarePlanActivity {
  const snomed = intervention.libraryId ? INTERVENTION_SNOMED[intervention.libraryId] : undefined;
  const byClient = /^client\b/i.test(intervention.deliveredBy.trim());
  return {
    detail: {
      kind: byClient ? 'Task' : 'ServiceRequest',
      code: snomed
        ? { ...concept(FhirSystem.snomed, snomed.code, snomed.display), text: intervention.name }
        : { text: intervention.name },
      goal: [ref('Goal', objective.id)],
      status,
      scheduledString: intervention.frequency,
      performer: [byClient ? subject : { display: intervention.deliveredBy }],
      description: `${intervention.name}: ${intervention.frequency} (${intervention.deliveredBy})`,
    },
  };
}

/** Goal status (set by the clinician) → FHIR lifecycle and achievement. */
function statusOf(status: Goal['status']): {
  lifecycleStatus: FhirGoalLifecycleStatus;
  achievement?: string;
  reason?: string;
} {
  switch (status) {
    case 'active':
      return { lifecycleStatus: 'active' };
    case 'met':
      return { lifecycleStatus: 'completed', achievement: 'achieved' };
    case 'partially-met':
      return { lifecycleStatus: 'completed', achievement: 'not-achieved', reason: 'partially met' };
    case 'not-met':
      return { lifecycleStatus: 'completed', achievement: 'not-achieved' };
    case 'revised':
      return { lifecycleStatus: 'cancelled', reason: 'revised: replaced by a new goal' };
    case 'discontinued':
      return { lifecycleStatus: 'cancelled', reason: 'discontinued' };
  }
}

function goalOf(
  goal: Goal,
  record: ClientRecord,
  subject: FhirReference,
  conditions: readonly FhirReference[],
): FhirGoal {
  const status = statusOf(goal.status);
  const extension: FhirExtension[] = goal.objectives.map((o) => ({
    url: FhirExtensionUrl.goalRelationship,
    extension: [
      { url: 'type', valueCodeableConcept: concept(FhirSystem.goalRelationshipType, 'milestone') },
      { url: 'target', valueReference: ref('Goal', o.id) },
    ],
  }));
  if (goal.endorsement) {
    extension.push({
      url: FhirExtensionUrl.goalAcceptance,
      extension: [
        { url: 'individual', valueReference: subject },
        { url: 'status', valueCode: 'agree' },
      ],
    });
  }
  const notes = [
    ...(goal.clientWords ? [{ text: `In the client's words: ${goal.clientWords}` }] : []),
    ...(goal.endorsement
      ? [{ text: `Endorsed by the client (${goal.endorsement.method})`, time: goal.endorsement.date }]
      : []),
  ];
  const targets = goal.targets.map((t) => targetOf(t, record));
  return {
    resourceType: 'Goal',
    id: goal.id,
    ...(extension.length > 0 ? { extension } : {}),
    identifier: idOf('goal', goal.id),
    lifecycleStatus: status.lifecycleStatus,
    ...(status.achievement ? { achievementStatus: concept(FhirSystem.goalAchievement, status.achievement) } : {}),
    category: [concept(FhirSystem.goalCategory, 'behavioral')],
    description: { text: goal.statement },
    subject,
    startDate: goal.startDate,
    ...(targets.length > 0
      ? { target: targets }
      : goal.dueDate
        ? { target: [{ measure: { text: 'Goal statement' }, dueDate: goal.dueDate }] }
        : {}),
    ...(status.reason ? { statusReason: status.reason } : {}),
    ...(goal.clientWords ? { expressedBy: subject } : {}),
    ...(conditions.length > 0 ? { addresses: conditions } : {}),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

function objectiveOf(
  objective: Objective,
  goal: Goal,
  record: ClientRecord,
  subject: FhirReference,
  conditions: readonly FhirReference[],
): FhirGoal {
  const status = statusOf(goal.status);
  const targets = objective.targets.map((t) => targetOf(t, record));
  return {
    resourceType: 'Goal',
    id: objective.id,
    identifier: idOf('objective', objective.id),
    lifecycleStatus: status.lifecycleStatus,
    category: [concept(FhirSystem.goalCategory, 'behavioral')],
    description: { text: objective.statement },
    subject,
    startDate: goal.startDate,
    ...(targets.length > 0
      ? { target: targets }
      : objective.dueDate
        ? { target: [{ measure: { text: 'Objective statement' }, dueDate: objective.dueDate }] }
        : {}),
    ...(conditions.length > 0 ? { addresses: conditions } : {}),
    note: [{ text: `Objective ${goal.position}.${objective.position} of goal ${goal.position}` }],
  };
}

const UCUM_PER: Readonly<Record<'day' | 'week' | 'month', string>> = { day: '/d', week: '/wk', month: '/mo' };
const UNIT_PREFIX: Readonly<Record<string, string>> = { hour: 'h', hours: 'h', minute: 'min', minutes: 'min' };

function rateQuantity(
  value: number,
  behavior: RecordBehavior | undefined,
  per: 'day' | 'week' | 'month',
): FhirQuantity {
  const prefix = behavior?.unit ? (UNIT_PREFIX[behavior.unit] ?? '') : '';
  const what = behavior?.unit ?? 'times';
  return { value, unit: `${what} per ${per}`, system: FhirSystem.ucum, code: `${prefix}${UCUM_PER[per]}` };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function measureOf(target: Target, record: ClientRecord): FhirCodeableConcept {
  const m = target.measure;
  switch (m.kind) {
    case 'instrument': {
      const def = getMeasure(m.instrumentId);
      const name = def?.shortName ?? m.instrumentId;
      if (m.subscale !== undefined) {
        const sub = def?.scoring.subscales.find((s) => s.id === m.subscale);
        return {
          coding: [{ system: FhirSystem.cairnInstrument, code: `${def?.id ?? m.instrumentId}.${m.subscale}` }],
          text: `${name} ${sub?.name ?? m.subscale} subscale score`,
        };
      }
      return {
        coding: [
          ...(def?.loinc ? [{ system: FhirSystem.loinc, code: def.loinc }] : []),
          { system: FhirSystem.cairnInstrument, code: def?.id ?? m.instrumentId },
        ],
        text: `${name} total score`,
      };
    }
    case 'behavior': {
      const behavior = record.behaviors.find((b) => b.id === m.behaviorId);
      const per = target.per ?? behavior?.period ?? 'week';
      const name = behavior?.name ?? 'self-monitored behaviour';
      return {
        coding: [{ system: FhirSystem.cairnSelfMonitoring, code: `${slug(name)}-per-${per}` }],
        text: `${name} per ${per}`,
      };
    }
    case 'gas':
      return { ...concept(FhirSystem.cairnTargetKind, 'goal-attainment-scale'), text: 'Goal attainment scale' };
  }
}

function targetOf(target: Target, record: ClientRecord): FhirGoalTarget {
  const measure = measureOf(target, record);
  const behavior =
    target.measure.kind === 'behavior'
      ? record.behaviors.find((b) => target.measure.kind === 'behavior' && b.id === target.measure.behaviorId)
      : undefined;
  const per = target.per ?? behavior?.period ?? null;
  const quantity = (value: number, comparator?: FhirQuantity['comparator']): FhirQuantity => {
    const base =
      target.measure.kind === 'behavior' && per
        ? rateQuantity(value, behavior, per)
        : { value, unit: '{score}', system: FhirSystem.ucum, code: '{score}' };
    return comparator ? { ...base, comparator } : base;
  };
  const better = target.direction === 'increase' ? '>=' : '<=';
  const g = target.goal;
  const detail: Pick<FhirGoalTarget, 'detailQuantity' | 'detailString'> = (() => {
    switch (g.kind) {
      case 'absolute':
        return { detailQuantity: quantity(g.value, g.comparator === '=' ? undefined : g.comparator) };
      case 'change':
        return target.baseline !== null
          ? { detailQuantity: quantity(target.baseline + g.change, better) }
          : { detailString: `a change of ${g.change} from baseline` };
      case 'change-percent':
        return target.baseline !== null
          ? { detailQuantity: quantity(round2(target.baseline * (1 + g.changePercent / 100)), better) }
          : { detailString: `a change of ${g.changePercent} % from baseline` };
      case 'reliable-improvement':
        return { detailString: 'a reliable improvement from baseline' };
    }
  })();
  return { measure, ...detail, dueDate: target.dueDate };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function administrationResources(
  a: RecordAdministration,
  subject: FhirReference,
): [FhirQuestionnaireResponse, FhirObservation] {
  const def = getMeasure(a.instrumentId);
  const withText = def?.content === 'full';
  const items: FhirQuestionnaireResponseItem[] = a.answers.map((answer, i) => {
    const item = def?.items[i];
    const option = item?.options.find((o) => o.value === answer);
    const linkId = item?.loinc ? `/${item.loinc}` : `item-${i + 1}`;
    const text = withText && item?.text ? { text: item.text } : {};
    if (answer === null) return { linkId, ...text };
    const value =
      option?.loinc !== null && option?.loinc !== undefined
        ? {
            valueCoding: {
              system: FhirSystem.loinc,
              code: option.loinc,
              ...(withText && option.label ? { display: option.label } : {}),
            },
          }
        : { valueInteger: answer };
    return { linkId, ...text, answer: [value] };
  });
  const questionnaire = def?.loincPanel
    ? `http://loinc.org/q/${def.loincPanel}`
    : `${CAIRN_FHIR_BASE}/Questionnaire/${a.instrumentId}|${a.instrumentVersion}`;
  const response: FhirQuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    id: a.id,
    identifier: { system: `${FhirSystem.cairnId}/administration`, value: a.id },
    questionnaire,
    status: 'completed',
    subject,
    authored: a.administeredAt,
    item: items,
  };
  const name = def?.shortName ?? a.instrumentId;
  const score = (value: number): FhirQuantity => ({
    value,
    unit: '{score}',
    system: FhirSystem.ucum,
    code: '{score}',
  });
  const hasTotal = def ? def.scoring.total !== null : true;
  const components = Object.entries(a.subscales).map(([id, value]) => ({
    code: {
      coding: [{ system: FhirSystem.cairnInstrument, code: `${a.instrumentId}.${id}` }],
      text: `${name} ${def?.scoring.subscales.find((s) => s.id === id)?.name ?? id}`,
    },
    valueQuantity: score(value),
  }));
  const observation: FhirObservation = {
    resourceType: 'Observation',
    id: a.id,
    identifier: idOf('administration-score', a.id),
    status: 'final',
    category: [concept(FhirSystem.observationCategory, 'survey', 'Survey')],
    code: {
      coding: [
        ...(def?.loinc ? [{ system: FhirSystem.loinc, code: def.loinc }] : []),
        { system: FhirSystem.cairnInstrument, code: a.instrumentId },
      ],
      text: `${name} ${hasTotal ? 'total score' : 'scores'}`,
    },
    subject,
    effectiveDateTime: a.administeredAt,
    ...(hasTotal ? { valueQuantity: score(a.total) } : {}),
    ...(a.severity ? { interpretation: [{ text: `${name}: ${a.severity}` }] } : {}),
    ...(a.prorated ? { note: [{ text: 'Total prorated for missing items' }] } : {}),
    derivedFrom: [ref('QuestionnaireResponse', a.id)],
    ...(components.length > 0 ? { component: components } : {}),
  };
  return [response, observation];
}

function periodEnd(start: string, per: 'day' | 'week' | 'month'): string {
  if (per === 'day') return start;
  if (per === 'week') return addDays(start, 6);
  return addDays(addMonths(start, 1), -1);
}

function behaviorLogObservation(
  log: RecordBehaviorLog,
  behavior: RecordBehavior,
  subject: FhirReference,
): FhirObservation {
  return {
    resourceType: 'Observation',
    id: log.id,
    identifier: idOf('behavior-log', log.id),
    status: 'final',
    category: [concept(FhirSystem.cairnSelfMonitoring, 'self-monitoring')],
    code: {
      coding: [{ system: FhirSystem.cairnSelfMonitoring, code: `${slug(behavior.name)}-per-${behavior.period}` }],
      text: `${behavior.name} per ${behavior.period} (client self-monitoring log)`,
    },
    subject,
    effectivePeriod: { start: log.periodStart, end: periodEnd(log.periodStart, behavior.period) },
    performer: [subject],
    valueQuantity: rateQuantity(log.count, behavior, behavior.period),
  };
}
