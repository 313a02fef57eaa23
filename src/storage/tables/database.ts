/**
 * Row types of every table, as Kysely sees them. Only src/storage knows these; repositories map rows to domain
 * types. Booleans are 0/1 integers and JSON is text on both dialects, so one mapping serves SQLite and PostgreSQL.
 * (One file rather than one per table: the tables are small and read best side by side.)
 *
 * @example
 * const db: Kysely<Database> = openDatabase(config).db;
 */
export interface PracticeTable {
  id: string;
  name: string;
  time_zone: string;
  settings: string;
  created_at: string;
}

export interface AppUserTable {
  id: string;
  practice_id: string;
  email: string;
  name: string;
  credentials: string;
  password_hash: string;
  totp_secret: string | null;
  /** When the TOTP enrolment was confirmed with a first code; null while not enrolled. */
  totp_confirmed_at: string | null;
  /** The last TOTP time step accepted (replay protection). */
  totp_last_step: number | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SupervisionTable {
  supervisor_id: string;
  clinician_id: string;
  created_at: string;
}

export interface ClientTable {
  id: string;
  practice_id: string;
  record_number: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  preferred_name: string | null;
  pronouns: string | null;
  /** The client's id in another system (an EHR, a billing system). */
  external_id: string | null;
  email: string | null;
  phone: string | null;
}

export interface ClientAssignmentTable {
  client_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface DiagnosisTable {
  id: string;
  client_id: string;
  code: string;
  description: string;
  is_primary: number;
  onset_date: string | null;
  resolved_date: string | null;
  created_at: string;
}

export interface FormulationTable {
  id: string;
  client_id: string;
  problem_areas: string;
  narrative: string | null;
  revision: number;
  updated_at: string;
  updated_by: string;
}

export interface FormulationElementTable {
  id: string;
  formulation_id: string;
  position: number;
  kind: string;
  text: string;
  library_key: string | null;
}

export interface TreatmentPlanTable {
  id: string;
  client_id: string;
  version: number;
  revision: number;
  status: string;
  previous_version_id: string | null;
  established_date: string;
  presenting_problems: string;
  service_type: string;
  session_minutes: number;
  session_frequency: string;
  duration_weeks: number;
  review_interval_days: number;
  next_review_date: string;
  discharge_criteria: string;
  referrals: string;
  strengths: string;
  client_participation: string;
  clinician_signature: string | null;
  supervisor_signature: string | null;
  content_hash: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PlanDiagnosisTable {
  plan_id: string;
  diagnosis_id: string;
}

export interface GoalTable {
  id: string;
  plan_id: string;
  position: number;
  statement: string;
  client_words: string | null;
  start_date: string;
  due_date: string | null;
  status: string;
  endorsed_on: string | null;
  endorsement_method: string | null;
  endorsement_words: string | null;
  /** The goal's id in the plan version where it first appeared (null only in rows never rewritten: use `id`). */
  lineage_id: string | null;
}

export interface GoalFormulationElementTable {
  goal_id: string;
  element_id: string;
  position: number;
}

export interface ObjectiveTable {
  id: string;
  goal_id: string;
  position: number;
  statement: string;
  due_date: string | null;
  /** The objective's id in the plan version where it first appeared (null: use `id`). */
  lineage_id: string | null;
}

export interface InterventionTable {
  id: string;
  objective_id: string;
  position: number;
  library_id: string | null;
  name: string;
  delivered_by: string;
  frequency: string;
}

export interface BehaviorTable {
  id: string;
  client_id: string;
  name: string;
  period: string;
  direction: string;
  unit: string | null;
  created_at: string;
}

export interface TargetTable {
  id: string;
  goal_id: string | null;
  objective_id: string | null;
  position: number;
  measure_kind: string;
  instrument_id: string | null;
  subscale: string | null;
  behavior_id: string | null;
  direction: string;
  baseline: number | null;
  goal_kind: string;
  goal_value: number | null;
  comparator: string | null;
  per: string | null;
  start_date: string;
  due_date: string;
}

export interface AdministrationTable {
  id: string;
  client_id: string;
  instrument_id: string;
  instrument_version: string;
  administered_at: string;
  administered_on: string;
  source: string;
  /** JSON array of item answers in item order; null for a missing item. */
  answers: string;
  total: number;
  severity: string | null;
  prorated: number;
  subscales: string;
  flags: string;
  recorded_by: string | null;
  created_at: string;
}

/** The newest administration per client and instrument (kept by insertAdministrations; read by the caseload). */
export interface ClientLatestScoreTable {
  client_id: string;
  instrument_id: string;
  administration_id: string;
  administered_at: string;
  administered_on: string;
  total: number;
  severity: string | null;
}

export interface BehaviorLogTable {
  id: string;
  behavior_id: string;
  client_id: string;
  period_start: string;
  count: number;
  source: string;
  recorded_by: string | null;
  created_at: string;
}

export interface AuditEventTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  resource: string | null;
  client_ids: string;
  outcome: string;
  origin: string | null;
  prev_hash: string;
  hash: string;
  /** The break-glass grant the event was recorded under (part of the hash when set); null otherwise. */
  break_glass_grant_id: string | null;
}

export interface AuthSessionTable {
  id: string;
  /** SHA-256 of the session token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  stage: string;
  /** A TOTP seed being enrolled in this session, sealed (AES-256-GCM). */
  pending_totp_secret: string | null;
  origin: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export interface AlertTable {
  id: string;
  client_id: string;
  code: string;
  key: string;
  severity: string;
  closing: string;
  subject_kind: string;
  administration_id: string | null;
  instrument_id: string | null;
  item: number | null;
  target_id: string | null;
  goal_id: string | null;
  /** JSON of the domain AlertSubject. */
  subject: string;
  /** JSON of the alert's data. */
  data: string;
  raised_on: string;
  raised_at: string;
  closed_at: string | null;
  closing_action: string | null;
  closing_note: string | null;
  closed_by: string | null;
}

/** A one-time set-password link (staff invitation or reset); only a SHA-256 of its token is stored. */
export interface PasswordLinkTable {
  id: string;
  user_id: string;
  token_hash: string;
  /** Audit label of who issued it (`user:<id>` or `cli:<os-user>`). */
  created_by: string;
  created_at: string;
  expires_at: string;
  /** When the link set a password; a used link is worthless. */
  used_at: string | null;
}

/** A bearer token for scripts, acting as its user; only a SHA-256 of the token is stored. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Break-glass emergency access to one client for a limited time (DESIGN 2.8); reviewed afterwards by an admin. */
export interface BreakGlassGrantTable {
  id: string;
  practice_id: string;
  user_id: string;
  client_id: string;
  reason: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_note: string | null;
}

/** A client's recorded consent to be contacted in a way (issue 7: `client-links` covers links and their e-mail). */
export interface ClientConsentTable {
  id: string;
  client_id: string;
  kind: string;
  given_on: string;
  given_by: string;
  recorded_by: string;
  recorded_at: string;
  withdrawn_at: string | null;
  /** verbal | written | electronic; null for consents recorded before it was asked. */
  method: string | null;
  /** The version of the consent text the client agreed to, when there is one. */
  text_version: string | null;
}

/** A single-purpose client link (issue 7); only the SHA-256 of its token is stored. */
export interface ClientLinkTable {
  id: string;
  client_id: string;
  purpose: string;
  /** JSON array of instrument ids (measures links; [] otherwise). */
  instruments: string;
  /** The signed plan version an endorse link shows; null for other purposes. */
  plan_id: string | null;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  emailed_at: string | null;
  opened_at: string | null;
  used_at: string | null;
  revoked_at: string | null;
}

/** Answers saved as the client goes, per link and instrument (JSON array, null for unanswered). */
export interface ClientLinkAnswerTable {
  link_id: string;
  instrument_id: string;
  answers: string;
  updated_at: string;
}

/** A client's endorsement of a signed plan version, with the content hash of what they endorsed. */
export interface PlanEndorsementTable {
  id: string;
  plan_id: string;
  client_id: string;
  link_id: string | null;
  content_hash: string;
  endorsed_on: string;
  typed_name: string;
  method: string;
  recorded_at: string;
}

/** A plan review (DESIGN 2.6): `goals` and `signature` are JSON text. */
export interface ReviewTable {
  id: string;
  client_id: string;
  plan_id: string;
  plan_version: number;
  status: string;
  revision: number;
  review_date: string;
  next_review_date: string;
  summary: string;
  goals: string;
  signed_by: string | null;
  signed_at: string | null;
  signature: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A session with a client (DESIGN 2.9): date and times in the practice time zone; `billing_codes` is JSON text. */
export interface EncounterTable {
  id: string;
  client_id: string;
  clinician_id: string;
  session_date: string;
  start_time: string;
  end_time: string;
  service_type: string;
  modality: string;
  attendance: string;
  billing_codes: string;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A session's progress note: sections, goals addressed, interventions, administration ids, risk, signature as JSON. */
export interface ProgressNoteTable {
  id: string;
  encounter_id: string;
  client_id: string;
  plan_id: string | null;
  format: string;
  status: string;
  revision: number;
  sections: string;
  goals_addressed: string;
  interventions: string;
  administration_ids: string;
  homework: string;
  risk: string | null;
  signed_by: string | null;
  signed_at: string | null;
  signature: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Words added to a signed progress note, with author and time. */
export interface NoteAddendumTable {
  id: string;
  note_id: string;
  client_id: string;
  text: string;
  author_id: string;
  author_name: string;
  created_at: string;
}

/** A psychotherapy (process) note: author-only, never exported (45 CFR 164.501). */
export interface PsychotherapyNoteTable {
  id: string;
  client_id: string;
  encounter_id: string | null;
  author_id: string;
  text: string;
  created_at: string;
}

export interface Database {
  practice: PracticeTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  supervision: SupervisionTable;
  client: ClientTable;
  client_assignment: ClientAssignmentTable;
  diagnosis: DiagnosisTable;
  formulation: FormulationTable;
  formulation_element: FormulationElementTable;
  treatment_plan: TreatmentPlanTable;
  plan_diagnosis: PlanDiagnosisTable;
  goal: GoalTable;
  goal_formulation_element: GoalFormulationElementTable;
  objective: ObjectiveTable;
  intervention: InterventionTable;
  behavior: BehaviorTable;
  target: TargetTable;
  administration: AdministrationTable;
  client_latest_score: ClientLatestScoreTable;
  behavior_log: BehaviorLogTable;
  audit_event: AuditEventTable;
  auth_session: AuthSessionTable;
  recovery_code: RecoveryCodeTable;
  auth_throttle: AuthThrottleTable;
  alert: AlertTable;
  break_glass_grant: BreakGlassGrantTable;
  password_link: PasswordLinkTable;
  api_token: ApiTokenTable;
  review: ReviewTable;
  encounter: EncounterTable;
  progress_note: ProgressNoteTable;
  note_addendum: NoteAddendumTable;
  psychotherapy_note: PsychotherapyNoteTable;
  client_consent: ClientConsentTable;
  client_link: ClientLinkTable;
  client_link_answer: ClientLinkAnswerTable;
  plan_endorsement: PlanEndorsementTable;
}
