/**
 * The FHIR R4 shapes Cairn writes — only the elements it fills. Written here rather than imported from
 * @medplum/fhirtypes so production code has no dependency on the validator's packages (the exports layer imports
 * domain and measures only; dependency-cruiser counts type-only imports too). The test validates what these
 * produce against the real R4 StructureDefinitions.
 *
 * @example
 * const ref: FhirReference = { reference: 'Patient/3f1c…' };
 */

export interface FhirCoding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export interface FhirCodeableConcept {
  readonly coding?: readonly FhirCoding[];
  readonly text?: string;
}

export interface FhirReference {
  readonly reference?: string;
  readonly display?: string;
}

export interface FhirIdentifier {
  readonly system: string;
  readonly value: string;
}

export interface FhirQuantity {
  readonly value: number;
  readonly comparator?: '<' | '<=' | '>=' | '>';
  readonly unit?: string;
  readonly system?: string;
  readonly code?: string;
}

export interface FhirPeriod {
  readonly start?: string;
  readonly end?: string;
}

export interface FhirAnnotation {
  readonly text: string;
  readonly time?: string;
}

export interface FhirExtension {
  readonly url: string;
  readonly extension?: readonly FhirExtension[];
  readonly valueCodeableConcept?: FhirCodeableConcept;
  readonly valueReference?: FhirReference;
  readonly valueCode?: string;
}

export interface FhirPatient {
  readonly resourceType: 'Patient';
  readonly id: string;
  readonly identifier: readonly FhirIdentifier[];
  readonly name: readonly { readonly family: string; readonly given: readonly string[] }[];
  readonly birthDate?: string;
}

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

export interface FhirGoalTarget {
  readonly measure: FhirCodeableConcept;
  readonly detailQuantity?: FhirQuantity;
  readonly detailRange?: { readonly low?: FhirQuantity; readonly high?: FhirQuantity };
  readonly detailString?: string;
  readonly dueDate?: string;
}

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

export type FhirActivityStatus = 'not-started' | 'scheduled' | 'in-progress' | 'on-hold' | 'completed' | 'stopped';

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

export interface FhirQuestionnaireResponseItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly { readonly valueCoding?: FhirCoding; readonly valueInteger?: number }[];
}

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

export type FhirResource =
  | FhirPatient
  | FhirCondition
  | FhirGoal
  | FhirCarePlan
  | FhirQuestionnaireResponse
  | FhirObservation;

export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly id: string;
  readonly identifier: FhirIdentifier;
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: readonly { readonly fullUrl: string; readonly resource: FhirResource }[];
}
