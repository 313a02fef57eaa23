/**
 * The catalog of payer-completeness codes (`checkPayerCompleteness`): one code per element of the "checkable element
 * list for a payer-ready plan" in reference/payer-requirements.md, so a finding says exactly which element is
 * missing. Codes are stable kebab-case; docs/plan-checks.md lists every code with its source.
 *
 * @example
 * const finding = { code: PayerCheckCode.missingDiagnosis, severity: 'error', message: '…', suggestion: '…' };
 */
export const PayerCheckCode = {
  /** No client identifier (payer-requirements.md: checkable list "client identifiers"; Novitas "correct beneficiary"). */
  missingClientId: 'payer-missing-client-id',
  /** No valid date established, or no version (checkable list "date established and version"; Medicare LCD L33632). */
  missingEstablishedDate: 'payer-missing-established-date',
  /** The plan was established more than one year before today (Medicare: "no older than one year"). */
  planTooOld: 'payer-plan-too-old',
  /** No diagnosis (checkable list "diagnoses (ICD-10-CM)"; Medicare "the diagnoses"). */
  missingDiagnosis: 'payer-missing-diagnosis',
  /** A diagnosis code that is not shaped like an ICD-10-CM code (checkable list "diagnoses (ICD-10-CM)"). */
  invalidDiagnosisCode: 'payer-invalid-diagnosis-code',
  /** No presenting problems (checkable list "presenting problems / behavioural definitions"). */
  missingPresentingProblems: 'payer-missing-presenting-problems',
  /** No strengths (checkable list "strengths"; Joint Commission CTS.03.01.03 EP2; CARF 2.C). */
  missingStrengths: 'payer-missing-strengths',
  /** No goals (Medicare "the anticipated goals"). */
  missingGoals: 'payer-missing-goals',
  /** A goal without the client's own words (checkable list "goals in the client's words"; CARF; Joint Commission). */
  goalMissingClientWords: 'payer-goal-missing-client-words',
  /** A goal without objectives (checkable list "measurable, time-bound objectives"; Maine IN.5 short-term goals). */
  goalMissingObjectives: 'payer-goal-missing-objectives',
  /** An objective without an instrument or counted measure (checkable list: objectives "each with instrument"). */
  objectiveMissingMeasure: 'payer-objective-missing-measure',
  /** An objective target without a baseline (checkable list: objectives "each with … baseline"). */
  objectiveMissingBaseline: 'payer-objective-missing-baseline',
  /** An objective without a due date (checkable list: objectives "each with … due date"; CARF "time-specific"). */
  objectiveMissingDueDate: 'payer-objective-missing-due-date',
  /** An objective without interventions (checkable list "interventions with modality, frequency and responsible clinician"). */
  objectiveMissingInterventions: 'payer-objective-missing-interventions',
  /** An intervention without a frequency (checkable list; CARF "interventions and modalities, with their frequency"). */
  interventionMissingFrequency: 'payer-intervention-missing-frequency',
  /** An intervention without who delivers it (checkable list "responsible clinician"; Medicaid "type of personnel"). */
  interventionMissingResponsible: 'payer-intervention-missing-responsible',
  /** No valid service type (Medicare: "stated explicitly as individual or group (it cannot be implied)"). */
  missingServiceType: 'payer-missing-service-type',
  /** No planned session length (Medicare: "the amount, i.e. planned session length"). */
  missingSessionLength: 'payer-missing-session-length',
  /** No planned session frequency (Medicare "the frequency"; Medicaid "schedule"). */
  missingSessionFrequency: 'payer-missing-session-frequency',
  /** No plan duration (Medicare "the duration the plan is valid for"). */
  missingDuration: 'payer-missing-duration',
  /** A plan duration of one year or more (Medicare: "under one year"). */
  durationOverOneYear: 'payer-duration-over-one-year',
  /** No valid next review date (checkable list "next review date"; Medicaid "projected schedule for re-evaluation"). */
  missingNextReviewDate: 'payer-missing-next-review-date',
  /** No discharge or transition criteria (checkable list; Joint Commission EP2; Maine IN.5). */
  missingDischargeCriteria: 'payer-missing-discharge-criteria',
  /** No referrals statement (checkable list "referrals"; CARF "referrals and transition or aftercare conditions"). */
  missingReferrals: 'payer-missing-referrals',
  /** No client participation statement (checkable list "client participation statement"; CARF 2.C). */
  missingClientParticipation: 'payer-missing-client-participation',
  /** The programme requires the client's or guardian's signature and there is none (programme-dependent; kbhmaine). */
  missingClientSignature: 'payer-missing-client-signature',
  /** No clinician signature and no signer given (checkable list "clinician signature with credentials and date"). */
  missingClinicianSignature: 'payer-missing-clinician-signature',
  /** The clinician's signature lacks credentials (Medicare "signature of the provider with credentials"). */
  missingClinicianCredentials: 'payer-missing-clinician-credentials',
  /** The practice requires a supervisor co-signature and there is none (checkable list "supervisor co-signature if required"). */
  missingSupervisorSignature: 'payer-missing-supervisor-signature',
  /** Older than its review interval with no periodic review (checkable list "periodic review entries"; Medicare). */
  missingPeriodicReview: 'payer-missing-periodic-review',
} as const;
export type PayerCheckCode = (typeof PayerCheckCode)[keyof typeof PayerCheckCode];
