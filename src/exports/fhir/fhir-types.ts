/**
 * The FHIR R4 shapes Cairn writes — only the elements it fills. Written here rather than imported from
 * @medplum/fhirtypes so production code has no dependency on the validator's packages (the exports layer imports
 * domain and measures only; dependency-cruiser counts type-only imports too). The test validates what these
 * produce against the real R4 StructureDefinitions.
 *
 * @example
 * const ref: FhirReference = { reference: 'Patient/3f1c…' };
 */

/**
 * FHIR R4 Coding as Cairn writes it.
 *
 * @example
 * { system: 'http://loinc.org', code: '44261-6' }
 */
export interface FhirCoding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/**
 * FHIR R4 CodeableConcept as Cairn writes it.
 *
 * @example
 * { coding: [{ system: 'http://loinc.org', code: '44261-6' }], text: 'PHQ-9 total score' }
 */
export interface FhirCodeableConcept {
  readonly coding?: readonly FhirCoding[];
  readonly text?: string;
}

/**
 * FHIR R4 Reference as Cairn writes it.
 *
 * @example
 * { reference: 'Goal/…' } or { display: 'Dr A. Morgan, PhD' }
 */
export interface FhirReference {
  readonly reference?: string;
  readonly display?: string;
}

/**
 * FHIR R4 Identifier as Cairn writes it.
 *
 * @example
 * { system: FhirSystem.cairnClientRecordNumber, value: 'DEMO-001' }
 */
export interface FhirIdentifier {
  readonly system: string;
  readonly value: string;
}

/**
 * FHIR R4 Quantity as Cairn writes it.
 *
 * @example
 * { value: 9, comparator: '<=', unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' }
 */
export interface FhirQuantity {
  readonly value: number;
  readonly comparator?: '<' | '<=' | '>=' | '>';
  readonly unit?: string;
  readonly system?: string;
  readonly code?: string;
}

/**
 * FHIR R4 Period as Cairn writes it.
 *
 * @example
 * { start: '2026-11-23', end: '2026-11-29' }
 */
export interface FhirPeriod {
  readonly start?: string;
  readonly end?: string;
}

/**
 * FHIR R4 Annotation as Cairn writes it.
 *
 * @example
 * { text: 'Primary diagnosis' }
 */
export interface FhirAnnotation {
  readonly text: string;
  readonly time?: string;
}

/**
 * FHIR R4 Extension as Cairn writes it.
 *
 * @example
 * { url: FhirExtensionUrl.goalAcceptance, extension: [{ url: 'status', valueCode: 'agree' }] }
 */
export interface FhirExtension {
  readonly url: string;
  readonly extension?: readonly FhirExtension[];
  readonly valueCodeableConcept?: FhirCodeableConcept;
  readonly valueReference?: FhirReference;
  readonly valueCode?: string;
}

/**
 * FHIR R4 Patient as Cairn writes it.
 *
 * @example
 * clientRecordToFhirBundle(record).entry[0].resource // the Patient
 */
export interface FhirPatient {
  readonly resourceType: 'Patient';
  readonly id: string;
  readonly identifier: readonly FhirIdentifier[];
  readonly name: readonly { readonly family: string; readonly given: readonly string[] }[];
  readonly birthDate?: string;
}

/**
 * FHIR R4 Condition as Cairn writes it.
 *
 * @example
 * { resourceType: 'Condition', code: { coding: [{ system: FhirSystem.icd10cm, code: 'F32.1' }] }, … }
 */
export interface FhirCondition {
  readonly resourceType: 'Condition';
  readonly id: string;
  readonly identifier: readonly FhirIdentifier[];
  readonly clinicalStatus: FhirCodeableConcept;
  readonly verificationStatus: FhirCodeableConcept;
  readonly category: readonly FhirCodeableConcept[];
  readonly code: FhirCodeableConcept;
  readonly subject: FhirReference;
  readonly note?: readonly FhirAnnotation[];
}

/**
 * FHIR R4 GoalLifecycleStatus as Cairn writes it.
 *
 * @example
 * const s: FhirGoalLifecycleStatus = 'active';
 */
export type FhirGoalLifecycleStatus =
  | 'proposed'
  | 'planned'
  | 'accepted'
  | 'active'
  | 'on-hold'
  | 'completed'
  | 'cancelled'
  | 'entered-in-error'
  | 'rejected';

/**
 * FHIR R4 GoalTarget as Cairn writes it.
 *
 * @example
 * { measure: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, detailQuantity: { value: 9, comparator: '<=' }, dueDate: '2027-01-21' }
 */
export interface FhirGoalTarget {
  readonly measure: FhirCodeableConcept;
  readonly detailQuantity?: FhirQuantity;
  readonly detailRange?: { readonly low?: FhirQuantity; readonly high?: FhirQuantity };
  readonly detailString?: string;
  readonly dueDate?: string;
}

/**
 * FHIR R4 Goal as Cairn writes it.
 *
 * @example
 * { resourceType: 'Goal', lifecycleStatus: 'active', description: { text: 'Reduce PHQ-9 …' }, … }
 */
export interface FhirGoal {
  readonly resourceType: 'Goal';
  readonly id: string;
  readonly extension?: readonly FhirExtension[];
  readonly identifier: readonly FhirIdentifier[];
  readonly lifecycleStatus: FhirGoalLifecycleStatus;
  readonly achievementStatus?: FhirCodeableConcept;
  readonly category: readonly FhirCodeableConcept[];
  readonly description: FhirCodeableConcept;
  readonly subject: FhirReference;
  readonly startDate?: string;
  readonly target?: readonly FhirGoalTarget[];
  readonly statusReason?: string;
  readonly expressedBy?: FhirReference;
  readonly addresses?: readonly FhirReference[];
  readonly note?: readonly FhirAnnotation[];
}

/**
 * FHIR R4 ActivityStatus as Cairn writes it.
 *
 * @example
 * const s: FhirActivityStatus = 'in-progress';
 */
export type FhirActivityStatus = 'not-started' | 'scheduled' | 'in-progress' | 'on-hold' | 'completed' | 'stopped';

/**
 * FHIR R4 CarePlanActivity as Cairn writes it.
 *
 * @example
 * { detail: { kind: 'ServiceRequest', code: { text: 'Behavioural activation' }, status: 'in-progress' } }
 */
export interface FhirCarePlanActivity {
  readonly detail: {
    readonly kind: 'ServiceRequest' | 'Task';
    readonly code: FhirCodeableConcept;
    readonly reasonReference?: readonly FhirReference[];
    readonly goal?: readonly FhirReference[];
    readonly status: FhirActivityStatus;
    readonly scheduledString?: string;
    readonly performer?: readonly FhirReference[];
    readonly description?: string;
  };
}

/**
 * FHIR R4 CarePlan as Cairn writes it.
 *
 * @example
 * { resourceType: 'CarePlan', status: 'active', intent: 'plan', … }
 */
export interface FhirCarePlan {
  readonly resourceType: 'CarePlan';
  readonly id: string;
  readonly identifier: readonly FhirIdentifier[];
  readonly status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed';
  readonly intent: 'plan';
  readonly category: readonly FhirCodeableConcept[];
  readonly title: string;
  readonly description?: string;
  readonly subject: FhirReference;
  readonly period: FhirPeriod;
  readonly created: string;
  readonly author?: FhirReference;
  readonly contributor?: readonly FhirReference[];
  readonly addresses?: readonly FhirReference[];
  readonly goal?: readonly FhirReference[];
  readonly activity?: readonly FhirCarePlanActivity[];
  readonly note?: readonly FhirAnnotation[];
}

/**
 * FHIR R4 QuestionnaireResponseItem as Cairn writes it.
 *
 * @example
 * { linkId: '/44250-9', answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA6569-3' } }] }
 */
export interface FhirQuestionnaireResponseItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly { readonly valueCoding?: FhirCoding; readonly valueInteger?: number }[];
}

/**
 * FHIR R4 QuestionnaireResponse as Cairn writes it.
 *
 * @example
 * { resourceType: 'QuestionnaireResponse', questionnaire: 'http://loinc.org/q/44249-1', status: 'completed', … }
 */
export interface FhirQuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly id: string;
  readonly identifier: FhirIdentifier;
  readonly questionnaire: string;
  readonly status: 'completed';
  readonly subject: FhirReference;
  readonly authored: string;
  readonly item: readonly FhirQuestionnaireResponseItem[];
}

/**
 * FHIR R4 Observation as Cairn writes it.
 *
 * @example
 * { resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, … }
 */
export interface FhirObservation {
  readonly resourceType: 'Observation';
  readonly id: string;
  readonly identifier: readonly FhirIdentifier[];
  readonly status: 'final';
  readonly category: readonly FhirCodeableConcept[];
  readonly code: FhirCodeableConcept;
  readonly subject: FhirReference;
  readonly effectiveDateTime?: string;
  readonly effectivePeriod?: FhirPeriod;
  readonly performer?: readonly FhirReference[];
  readonly valueQuantity?: FhirQuantity;
  readonly dataAbsentReason?: FhirCodeableConcept;
  readonly interpretation?: readonly FhirCodeableConcept[];
  readonly note?: readonly FhirAnnotation[];
  readonly derivedFrom?: readonly FhirReference[];
  readonly component?: readonly { readonly code: FhirCodeableConcept; readonly valueQuantity: FhirQuantity }[];
}

/**
 * FHIR R4 Provenance as Cairn writes it: who signed (or endorsed) which version of the plan, and when.
 *
 * @example
 * { resourceType: 'Provenance', target: [{ reference: 'CarePlan/p1' }], recorded: '2026-10-01T10:00:00.000Z', … }
 */
export interface FhirProvenance {
  readonly resourceType: 'Provenance';
  readonly id: string;
  readonly target: readonly FhirReference[];
  readonly occurredDateTime?: string;
  readonly recorded: string;
  readonly activity: FhirCodeableConcept & { readonly text?: string };
  readonly agent: readonly {
    readonly type: FhirCodeableConcept;
    readonly role?: readonly FhirCodeableConcept[];
    readonly who: FhirReference;
  }[];
  readonly signature: readonly {
    readonly type: readonly FhirCoding[];
    readonly when: string;
    readonly who: FhirReference;
  }[];
}

/**
 * FHIR R4 Resource as Cairn writes it.
 *
 * @example
 * bundle.entry.map((e) => e.resource.resourceType)
 */
export type FhirResource =
  | FhirPatient
  | FhirCondition
  | FhirGoal
  | FhirCarePlan
  | FhirQuestionnaireResponse
  | FhirObservation
  | FhirProvenance;

/**
 * FHIR R4 Bundle as Cairn writes it.
 *
 * @example
 * const bundle: FhirBundle = clientRecordToFhirBundle(record);
 */
export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly id: string;
  readonly identifier: FhirIdentifier;
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: readonly { readonly fullUrl: string; readonly resource: FhirResource }[];
}
