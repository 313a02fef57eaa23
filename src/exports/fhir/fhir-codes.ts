/**
 * Code systems and codes of the FHIR export (reference/fhir.md §4). Cairn's own systems live under
 * `CAIRN_FHIR_BASE`, a placeholder under example.org until the project publishes a canonical domain.
 *
 * @example
 * `${CAIRN_FHIR_BASE}/CodeSystem/cbt-self-monitoring`
 */
export const CAIRN_FHIR_BASE = 'https://cairn.example.org/fhir';

/**
 * Code system and naming system URIs used by the export.
 *
 * @example
 * { system: FhirSystem.icd10cm, code: 'F32.1' }
 */
export const FhirSystem = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  ucum: 'http://unitsofmeasure.org',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  goalCategory: 'http://terminology.hl7.org/CodeSystem/goal-category',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  goalRelationshipType: 'http://terminology.hl7.org/CodeSystem/goal-relationship-type',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  usCoreCarePlanCategory: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category',
  provenanceParticipantType: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  contractSignerType: 'http://terminology.hl7.org/CodeSystem/contractsignertypecodes',
  dataOperation: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
  signatureType: 'urn:iso-astm:E1762-95:2013',
  cairnSelfMonitoring: `${CAIRN_FHIR_BASE}/CodeSystem/cbt-self-monitoring`,
  cairnInstrument: `${CAIRN_FHIR_BASE}/CodeSystem/instrument`,
  cairnTargetKind: `${CAIRN_FHIR_BASE}/CodeSystem/target-kind`,
  cairnClientRecordNumber: `${CAIRN_FHIR_BASE}/NamingSystem/client-record-number`,
  cairnId: `${CAIRN_FHIR_BASE}/NamingSystem/id`,
} as const;

/**
 * Core R4 extensions on Goal (reference/fhir.md §2.2–2.3).
 *
 * @example
 * { url: FhirExtensionUrl.goalRelationship, extension: [{ url: 'type', … }, { url: 'target', … }] }
 */
export const FhirExtensionUrl = {
  goalRelationship: 'http://hl7.org/fhir/StructureDefinition/goal-relationship',
  goalAcceptance: 'http://hl7.org/fhir/StructureDefinition/goal-acceptance',
} as const;

/**
 * SNOMED CT regime/therapy codes for intervention-library ids, only those reference/fhir.md §4.2 marks verified
 * ("V"). Others are exported as text.
 *
 * @example
 * INTERVENTION_SNOMED['exposure-in-vivo']?.code // '225224008'
 */
export const INTERVENTION_SNOMED: Readonly<Record<string, { readonly code: string; readonly display: string }>> = {
  'activity-scheduling': { code: '228573002', display: 'Activity scheduling' },
  'behavioural-activation': { code: '228573002', display: 'Activity scheduling' },
  'exposure-in-vivo': { code: '225224008', display: 'Exposure - behavior therapy' },
  'exposure-interoceptive': { code: '225224008', display: 'Exposure - behavior therapy' },
  'prolonged-exposure': { code: '225224008', display: 'Exposure - behavior therapy' },
};

/**
 * The plan's own sessions: SNOMED 228557008 (verified).
 *
 * @example
 * CBT_SNOMED.code // '228557008'
 */
export const CBT_SNOMED = { code: '228557008', display: 'Cognitive and behavioral therapy' } as const;

/**
 * Psychotherapy care plan (record artifact), verified; a CarePlan category.
 *
 * @example
 * PSYCHOTHERAPY_CARE_PLAN_SNOMED.code // '773451003'
 */
export const PSYCHOTHERAPY_CARE_PLAN_SNOMED = {
  code: '773451003',
  display: 'Psychotherapy care plan (record artifact)',
} as const;
