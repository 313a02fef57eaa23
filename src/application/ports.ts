/**
 * Ports: what the application needs from the outside world. `storage` implements the stores; the composition roots
 * (http/server.ts, cli/main.ts) wire them in. Framework and driver types never cross this line.
 *
 * @example
 * async function addUser(deps: Deps, actor: Actor, input: AddUserInput) { … deps.store.transaction(async (tx) => …) }
 */
import type { Alert } from '../domain/alerts/alert.js';
import type { AlertAcknowledgement } from '../domain/alerts/close-alert.js';
import type { Formulation } from '../domain/formulation/formulation.js';
import type { Review } from '../domain/reviews/review.js';
import type { NoteAddendum, ProgressNote } from '../domain/sessions/progress-note.js';
import type { PsychotherapyNote } from '../domain/sessions/psychotherapy-note.js';
import type { SessionRecord } from '../domain/sessions/session-record.js';
import type { Endorsement, GoalStatus } from '../domain/treatment-plans/goal.js';
import type {
  Diagnosis,
  PlanVersionSummary,
  Signature,
  TreatmentPlan,
} from '../domain/treatment-plans/treatment-plan.js';
import type { Role } from './actor.js';

export interface Clock {
  /** The current instant. */
  readonly now: () => Date;
}

export interface IdGenerator {
  /** A new random UUID. */
  readonly newId: () => string;
}

export interface PasswordHasher {
  readonly hash: (password: string) => Promise<string>;
  readonly verify: (hash: string, password: string) => Promise<boolean>;
}

export interface PracticeSettings {
  /** Days between plan reviews (DESIGN 2.6: default 90, never more than 365). */
  readonly reviewIntervalDays: number;
  /** Whether every staff account needs a second factor (DESIGN 2.8). */
  readonly mfaRequired: boolean;
  /** Weeks without a measure before a "no measure" alert. */
  readonly noMeasureAlertWeeks: number;
  /** Whether plans need a supervisor co-signature. */
  readonly supervisorCosignRequired: boolean;
  /** Whether plans need the client's (or guardian's) signature. */
  readonly clientSignatureRequired: boolean;
  /** Progress note format. */
  readonly noteFormat: 'dap' | 'soap';
  readonly crisisText: string;
}

export interface Practice {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly settings: PracticeSettings;
  readonly createdAt: string;
}

export interface User {
  readonly id: string;
  readonly practiceId: string;
  readonly email: string;
  readonly name: string;
  readonly credentials: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  readonly createdAt: string;
}

export interface NewUser extends Omit<User, 'createdAt' | 'active'> {
  readonly passwordHash: string;
}

export const ClientStatus = { active: 'active', discharged: 'discharged', archived: 'archived' } as const;
export type ClientStatus = (typeof ClientStatus)[keyof typeof ClientStatus];

export interface Client {
  readonly id: string;
  readonly practiceId: string;
  readonly recordNumber: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly status: ClientStatus;
  /** Optional details (absent is the same as null). */
  readonly preferredName?: string | null;
  readonly pronouns?: string | null;
  /** The client's id in another system (an EHR, a billing system). */
  readonly externalId?: string | null;
  /** For client links (issue 7); used only with the client's recorded consent. */
  readonly email?: string | null;
  readonly phone?: string | null;
}

export const AssignmentRole = { primary: 'primary', additional: 'additional' } as const;
export type AssignmentRole = (typeof AssignmentRole)[keyof typeof AssignmentRole];

export interface BehaviorDefinition {
  readonly id: string;
  readonly clientId: string;
  readonly name: string;
  readonly period: 'day' | 'week' | 'month';
  readonly direction: 'decrease' | 'increase';
  readonly unit: string | null;
}

export interface Administration {
  readonly id: string;
  readonly clientId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  /** ISO-8601 instant. */
  readonly administeredAt: string;
  /** The date in the practice time zone. */
  readonly administeredOn: string;
  readonly source: 'session' | 'link' | 'import';
  /** Item answers in item order; null for a missing item. */
  readonly answers: readonly (number | null)[];
  readonly total: number;
  readonly severity: string | null;
  readonly prorated: boolean;
  readonly subscales: Readonly<Record<string, number>>;
  readonly flags: readonly { readonly code: string; readonly item?: number }[];
  readonly recordedBy: string | null;
}

export interface BehaviorLogEntry {
  readonly id: string;
  readonly behaviorId: string;
  readonly clientId: string;
  /** First day of the counted period. */
  readonly periodStart: string;
  readonly count: number;
  readonly source: 'session' | 'link' | 'import';
  readonly recordedBy: string | null;
}

/** What decides whether a user reaches a client (DESIGN 2.8), read from assignments and supervision. */
export interface ClientAccessFacts {
  readonly clientId: string;
  readonly practiceId: string;
  /** The user is assigned to the client (primary or additional). */
  readonly assigned: boolean;
  /** The user supervises a clinician assigned to the client. */
  readonly supervisesAssignee: boolean;
  /** The user's active (unexpired, unrevoked) break-glass grant on the client, or null. */
  readonly breakGlassGrantId: string | null;
}

/** A kept alert: those that only a recorded action closes (critical items) stay here, open, until one does. */
export interface StoredAlert {
  readonly id: string;
  readonly clientId: string;
  readonly alert: Alert;
  /** ISO-8601 instant it was raised. */
  readonly raisedAt: string;
  /** The recorded action that closed it, or null while it is open. */
  readonly closure: AlertAcknowledgement | null;
}

/** One instrument's parameters for the practice outcomes query (reference/measures.md Methods A and B). */
export interface OutcomeInstrument {
  readonly instrumentId: string;
  /** Smallest reliable change in points; null: reliable improvement and deterioration are not counted (null). */
  readonly reliableChangeThreshold: number | null;
  /** Caseness cut-off (a first score at or above it is a case, for lower-is-better); null: recovery is not counted. */
  readonly casenessCutoff: number | null;
  readonly lowerIsBetter: boolean;
}

export const OutcomePeriod = { month: 'month', quarter: 'quarter', year: 'year' } as const;
export type OutcomePeriod = (typeof OutcomePeriod)[keyof typeof OutcomePeriod];

export interface PracticeOutcomesQuery {
  /** First and last dates (inclusive, YYYY-MM-DD in the practice time zone) of the administrations considered. */
  readonly from: string;
  readonly to: string;
  /** Groups episodes by the month, quarter or year of their last administration. */
  readonly period: OutcomePeriod;
  readonly instruments: readonly OutcomeInstrument[];
  /** Only clients whose primary clinician is this user; null for the whole practice. */
  readonly clinicianId: string | null;
}

/** Counts for one (clinician, instrument, period) group; a count is null when its rule has no parameter. */
export interface PracticeOutcomeCounts {
  /** The clients' primary clinician, or null for clients without one. */
  readonly clinicianId: string | null;
  readonly instrumentId: string;
  /** '2026-11' (month), '2026-Q4' (quarter) or '2026' (year) of the last administration. */
  readonly period: string;
  /** Clients with at least two administrations of the instrument in the range (first and last compared). */
  readonly clients: number;
  readonly reliableImprovement: number | null;
  readonly reliableDeterioration: number | null;
  /** Clients at caseness at their first administration: the denominator of recovery. */
  readonly atCaseness: number | null;
  readonly recovered: number | null;
  readonly reliablyRecovered: number | null;
}

/** Runs the practice outcomes query off the request path (a worker thread on SQLite, the async pool on PostgreSQL). */
export interface PracticeOutcomesReader {
  readonly computePracticeOutcomes: (query: PracticeOutcomesQuery) => Promise<readonly PracticeOutcomeCounts[]>;
}

export interface AuditEventInput {
  readonly actor: string;
  readonly action: string;
  readonly resource: string | null;
  readonly clientIds: readonly string[];
  readonly outcome: 'success' | 'failure' | 'denied';
  readonly origin: string | null;
  /**
   * The break-glass grant the event was recorded under (DESIGN 2.8: emergency access is marked in the trail); absent
   * or null for ordinary access. Part of the event's hash when set.
   */
  readonly breakGlassGrantId?: string | null;
}

export interface AuditEvent extends AuditEventInput {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditChainReport {
  readonly ok: boolean;
  readonly events: number;
  /** The first sequence number whose hash does not verify, or null. */
  readonly brokenAt: number | null;
}

/** Everything the application reads and writes, scoped by the caller. One transaction at a time. */
export interface Store {
  readonly findPractice: () => Promise<Practice | null>;
  readonly insertPractice: (practice: Practice) => Promise<void>;
  readonly findUserByEmail: (email: string) => Promise<User | null>;
  readonly listUsers: (practiceId: string) => Promise<readonly User[]>;
  readonly insertUser: (user: NewUser, createdAt: string) => Promise<void>;
  readonly addSupervision: (supervisorId: string, clinicianId: string, createdAt: string) => Promise<void>;
  readonly findClientByRecordNumber: (practiceId: string, recordNumber: string) => Promise<Client | null>;
  readonly insertClient: (client: Client, createdAt: string) => Promise<void>;
  readonly assignClient: (clientId: string, userId: string, role: AssignmentRole, createdAt: string) => Promise<void>;
  readonly insertDiagnosis: (clientId: string, diagnosis: Diagnosis, createdAt: string) => Promise<void>;
  readonly findFormulation: (clientId: string) => Promise<Formulation | null>;
  readonly insertBehavior: (behavior: BehaviorDefinition, createdAt: string) => Promise<void>;
  readonly listBehaviors: (clientId: string) => Promise<readonly BehaviorDefinition[]>;
  readonly insertPlan: (plan: TreatmentPlan, createdBy: string, createdAt: string) => Promise<void>;
  readonly findCurrentPlan: (clientId: string) => Promise<TreatmentPlan | null>;
  // Plan writing (DESIGN 2.2): drafts with a revision, signing, co-signing, versions.
  readonly findPlanById: (planId: string) => Promise<TreatmentPlan | null>;
  readonly listPlanVersions: (clientId: string) => Promise<readonly PlanVersionSummary[]>;
  /** Replaces an open draft still at `expectedRevision`; false when it is not (stale, signed or discarded). */
  readonly replaceDraftPlan: (plan: TreatmentPlan, expectedRevision: number, updatedAt: string) => Promise<boolean>;
  readonly deleteDraftPlan: (planId: string, expectedRevision: number) => Promise<boolean>;
  readonly signDraftPlan: (
    planId: string,
    expectedRevision: number,
    signature: Signature,
    contentHash: string,
    updatedAt: string,
  ) => Promise<boolean>;
  readonly supersedePlan: (planId: string, updatedAt: string) => Promise<void>;
  /** Co-signs a signed version with that content hash and no co-signature yet; false otherwise. */
  readonly cosignPlan: (
    planId: string,
    contentHash: string,
    signature: Signature,
    updatedAt: string,
  ) => Promise<boolean>;
  readonly insertAdministrations: (items: readonly Administration[], createdAt: string) => Promise<void>;
  readonly listAdministrations: (clientId: string, instrumentId?: string) => Promise<readonly Administration[]>;
  readonly insertBehaviorLogs: (items: readonly BehaviorLogEntry[], createdAt: string) => Promise<void>;
  readonly listBehaviorLogs: (behaviorId: string) => Promise<readonly BehaviorLogEntry[]>;
  /** The log entries of several behaviours in one query, by behaviour then oldest period first. */
  readonly listBehaviorLogsOf: (behaviorIds: readonly string[]) => Promise<readonly BehaviorLogEntry[]>;
  // Client access and kept alerts (issue 3 part 7).
  /**
   * Facts for the client access rule, or null when there is no such client; `userId` null reads the client only.
   * `at` (ISO instant) decides which break-glass grants are still active.
   */
  readonly findClientAccess: (clientId: string, userId: string | null, at: string) => Promise<ClientAccessFacts | null>;
  readonly insertAlerts: (alerts: readonly StoredAlert[]) => Promise<void>;
  /** A client's kept alerts, newest first; with `open`, only those not closed. */
  readonly listAlerts: (clientId: string, options?: { readonly open?: boolean }) => Promise<readonly StoredAlert[]>;
  /** Records the action that closed an open alert; false when it is not open (unknown, or closed meanwhile). */
  readonly recordAlertClosure: (alertId: string, closure: AlertAcknowledgement) => Promise<boolean>;
  readonly appendAudit: (events: readonly AuditEventInput[], at: string) => Promise<void>;
  readonly listAudit: (options?: {
    readonly afterSeq?: number;
    readonly limit?: number;
  }) => Promise<readonly AuditEvent[]>;
  readonly verifyAudit: () => Promise<AuditChainReport>;
  // Break-glass emergency access (issue 5 item 4).
  readonly insertBreakGlassGrant: (grant: BreakGlassGrant) => Promise<void>;
  readonly findBreakGlassGrant: (grantId: string) => Promise<BreakGlassGrant | null>;
  /** The practice's grants, newest first (with the requesting user's name); with `unreviewed`, only those. */
  readonly listBreakGlassGrants: (
    practiceId: string,
    options?: { readonly unreviewed?: boolean; readonly limit?: number },
  ) => Promise<readonly BreakGlassGrantEntry[]>;
  /** Records an admin's review of an unreviewed grant; false when it is already reviewed (or unknown). */
  readonly recordBreakGlassReview: (grantId: string, review: BreakGlassReview) => Promise<boolean>;
  // Sign-in (DESIGN 2.8): users' secrets, sessions, recovery codes, failed-attempt counters.
  readonly findUserById: (userId: string) => Promise<User | null>;
  readonly findUserSecrets: (userId: string) => Promise<UserSecrets | null>;
  /** Counts staff accounts; inside a transaction on PostgreSQL it also holds the first-admin set-up lock. */
  readonly countUsersForSetup: () => Promise<number>;
  readonly saveUserTotp: (userId: string, totp: UserTotp, updatedAt: string) => Promise<void>;
  readonly insertSession: (session: AuthSession) => Promise<void>;
  readonly findSessionByTokenHash: (tokenHash: string) => Promise<AuthSession | null>;
  readonly updateSession: (session: AuthSession) => Promise<void>;
  readonly deleteSession: (sessionId: string) => Promise<void>;
  /** Deletes sessions past their absolute lifetime (`expires_at <= now`) or idle since `idleBefore`. */
  readonly deleteStaleSessions: (now: string, idleBefore: string) => Promise<number>;
  readonly replaceRecoveryCodes: (userId: string, codeHashes: readonly string[], createdAt: string) => Promise<void>;
  /** Marks an unused recovery code used; false when there is none with that hash. */
  readonly consumeRecoveryCode: (userId: string, codeHash: string, usedAt: string) => Promise<boolean>;
  readonly countUnusedRecoveryCodes: (userId: string) => Promise<number>;
  readonly findThrottle: (key: string) => Promise<AuthThrottle | null>;
  readonly saveThrottle: (throttle: AuthThrottle) => Promise<void>;
  readonly deleteThrottle: (key: string) => Promise<void>;
  // Staff administration, settings, caseload and client reads (HTTP API).
  readonly updateUser: (userId: string, changes: UserChanges, updatedAt: string) => Promise<void>;
  readonly setUserRoles: (userId: string, roles: readonly Role[]) => Promise<void>;
  /** Ends every session of the user (deactivation, role change). */
  readonly deleteUserSessions: (userId: string) => Promise<void>;
  readonly listSupervision: (practiceId: string) => Promise<readonly Supervision[]>;
  readonly removeSupervision: (supervisorId: string, clinicianId: string) => Promise<boolean>;
  readonly updatePractice: (practice: Practice) => Promise<void>;
  readonly findClientById: (clientId: string) => Promise<Client | null>;
  readonly listClientAssignments: (clientId: string) => Promise<readonly ClientAssignment[]>;
  readonly removeClientAssignment: (clientId: string, userId: string) => Promise<boolean>;
  readonly listDiagnoses: (clientId: string) => Promise<readonly Diagnosis[]>;
  /** Clients in a user's reach (or the whole practice), newest first, keyset-paginated. */
  readonly listCaseload: (query: CaseloadQuery) => Promise<readonly CaseloadEntry[]>;
  /** Edits the formulation in place, keeping element ids (goals link to them); creates it when missing. */
  readonly updateFormulation: (formulation: Formulation, updatedBy: string, updatedAt: string) => Promise<void>;
  /** Audit events newest first, optionally before a sequence number and only those naming a client. */
  readonly listAuditNewestFirst: (options: {
    readonly beforeSeq?: number;
    readonly limit: number;
    readonly clientId?: string;
  }) => Promise<readonly AuditEvent[]>;
  // Staff lifecycle (issue 5): set-password links, API tokens, caseload reassignment.
  /** Replaces the user's password hash (a set-password link, or NO_PASSWORD_HASH to clear it). */
  readonly setUserPasswordHash: (userId: string, passwordHash: string, updatedAt: string) => Promise<void>;
  /** Stores a new set-password link and deletes the user's older ones (a newer link voids them). */
  readonly replacePasswordLink: (link: PasswordLink) => Promise<void>;
  readonly findPasswordLinkByTokenHash: (tokenHash: string) => Promise<PasswordLink | null>;
  /** Marks an unused link used; false when it was used meanwhile (or deleted by a newer link). */
  readonly consumePasswordLink: (linkId: string, usedAt: string) => Promise<boolean>;
  readonly insertApiToken: (token: ApiToken) => Promise<void>;
  readonly findApiTokenByTokenHash: (tokenHash: string) => Promise<ApiToken | null>;
  /** The user's tokens (revoked ones included), newest first. */
  readonly listApiTokens: (userId: string) => Promise<readonly ApiToken[]>;
  /** Revokes one of the user's tokens; false when there is no such unrevoked token of that user. */
  readonly revokeApiToken: (userId: string, tokenId: string, revokedAt: string) => Promise<boolean>;
  /** Revokes every unrevoked token of the user; returns how many. */
  readonly revokeUserApiTokens: (userId: string, revokedAt: string) => Promise<number>;
  readonly touchApiToken: (tokenId: string, usedAt: string) => Promise<void>;
  /** Moves every primary assignment of `fromUserId` to `toUserId`; returns the ids of the clients moved. */
  readonly reassignPrimaryAssignments: (fromUserId: string, toUserId: string, at: string) => Promise<readonly string[]>;
  // Client links (issue 7): consents, single-purpose links, answers saved as the client goes, endorsements.
  readonly insertClientConsent: (consent: ClientConsent) => Promise<void>;
  /** The client's consents, newest first. */
  readonly listClientConsents: (clientId: string) => Promise<readonly ClientConsent[]>;
  readonly insertClientLink: (link: ClientLink) => Promise<void>;
  readonly findClientLinkByTokenHash: (tokenHash: string) => Promise<ClientLink | null>;
  /** The client's links, newest first. */
  readonly listClientLinks: (clientId: string) => Promise<readonly ClientLink[]>;
  /** Revokes an unused, unrevoked link of the client; false when there is none. */
  readonly revokeClientLink: (clientId: string, linkId: string, revokedAt: string) => Promise<boolean>;
  /** Marks an unused, unrevoked link used; false when it was used or revoked meanwhile. */
  readonly consumeClientLink: (linkId: string, usedAt: string) => Promise<boolean>;
  /** Records when a link was first opened and when it was e-mailed (null fields are left as they are). */
  readonly markClientLink: (
    linkId: string,
    marks: { readonly openedAt?: string; readonly emailedAt?: string },
  ) => Promise<void>;
  readonly saveClientLinkAnswers: (
    linkId: string,
    instrumentId: string,
    answers: readonly (number | null)[],
    updatedAt: string,
  ) => Promise<void>;
  /** Saved answers of a link by instrument id. */
  readonly listClientLinkAnswers: (linkId: string) => Promise<Readonly<Record<string, readonly (number | null)[]>>>;
  /**
   * Sets goals' endorsements on a signed plan version with that content hash (the endorsement is outside the content
   * hash by design); false when the version is not signed or its hash differs.
   */
  readonly setGoalEndorsements: (
    planId: string,
    contentHash: string,
    endorsements: readonly { readonly goalId: string; readonly endorsement: Endorsement }[],
  ) => Promise<boolean>;
  readonly insertPlanEndorsement: (record: PlanEndorsementRecord) => Promise<void>;
  readonly listPlanEndorsements: (planId: string) => Promise<readonly PlanEndorsementRecord[]>;
  // Plan reviews (DESIGN 2.6, issue 8 item 1).
  readonly insertReview: (review: Review, createdBy: string) => Promise<void>;
  readonly findReviewById: (reviewId: string) => Promise<Review | null>;
  /** A client's reviews, newest review date first (drafts before signed ones on the same date). */
  readonly listReviews: (clientId: string) => Promise<readonly Review[]>;
  /** Replaces a draft review still at `expectedRevision`; false when it is not (stale or signed). */
  readonly replaceDraftReview: (review: Review, expectedRevision: number) => Promise<boolean>;
  /** Signs a draft review still at `expectedRevision` (with its final content); false when it is not. */
  readonly signDraftReview: (review: Review, expectedRevision: number) => Promise<boolean>;
  /** Sets a goal's lifecycle status, the one thing of a signed plan version a review changes (not in its hash). */
  readonly setGoalStatus: (goalId: string, status: GoalStatus) => Promise<void>;
  /** Active clients in the scope with a signed current plan, with what their review due date is computed from. */
  readonly listReviewSchedule: (query: ReviewScheduleQuery) => Promise<readonly ReviewScheduleEntry[]>;
  // Sessions and progress notes (DESIGN 2.9, issue 11).
  readonly insertSessionRecord: (session: SessionRecord, createdBy: string) => Promise<void>;
  readonly findSessionRecord: (sessionId: string) => Promise<SessionRecord | null>;
  /** A client's sessions, newest first. */
  readonly listSessionRecords: (clientId: string) => Promise<readonly SessionRecord[]>;
  /** Replaces a session still at `expectedRevision`; false when it is not. */
  readonly replaceSessionRecord: (session: SessionRecord, expectedRevision: number) => Promise<boolean>;
  /** Opens a session's note (one per session; a second is `duplicate`). */
  readonly insertProgressNote: (note: ProgressNote, createdBy: string) => Promise<void>;
  /** A session's note with its addenda, or null. */
  readonly findProgressNote: (sessionId: string) => Promise<ProgressNote | null>;
  readonly listProgressNotes: (clientId: string) => Promise<readonly ProgressNote[]>;
  /** Replaces a draft note still at `expectedRevision`; false when it is stale or signed. */
  readonly replaceDraftNote: (note: ProgressNote, expectedRevision: number) => Promise<boolean>;
  /** Signs a draft note still at `expectedRevision` (with its final content); false when it is not. */
  readonly signDraftNote: (note: ProgressNote, expectedRevision: number) => Promise<boolean>;
  readonly insertNoteAddendum: (addendum: NoteAddendum, clientId: string) => Promise<void>;
  // Psychotherapy notes: a separate store, read only by author (45 CFR 164.501).
  readonly insertPsychotherapyNote: (note: PsychotherapyNote) => Promise<void>;
  /** The author's own notes about the client, newest first; nobody else's are reachable through the port. */
  readonly listPsychotherapyNotes: (clientId: string, authorId: string) => Promise<readonly PsychotherapyNote[]>;
  /** Runs `work` in one transaction; the store passed in is bound to it. Rolls back when `work` throws. */
  readonly transaction: <T>(work: (tx: Store) => Promise<T>) => Promise<T>;
}

export interface Digester {
  /** SHA-256 of the UTF-8 text, as lowercase hex (content hashes of signed documents). */
  readonly sha256: (text: string) => string;
}

/**
 * Told by the access check when it relied on a break-glass grant, so that the caller (the HTTP request) marks every
 * audit event it records for that client with the grant (DESIGN 2.8).
 */
export interface AccessNotes {
  readonly breakGlassUsed: (grantId: string, clientId: string) => void;
}

/** What every use case receives. */
export interface Deps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly passwords: PasswordHasher;
  readonly digest: Digester;
  /** Where the access check reports break-glass access (absent: nobody listens, e.g. the CLI, which never needs it). */
  readonly accessNotes?: AccessNotes;
}

/** Break-glass emergency access of one user to one client, for a limited time (DESIGN 2.8, hipaa.md row 2). */
export interface BreakGlassGrant {
  readonly id: string;
  readonly practiceId: string;
  readonly userId: string;
  readonly clientId: string;
  /** Why the access was needed, as the user stated it (20..1000 characters). */
  readonly reason: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly review: BreakGlassReview | null;
}

/** An admin's review of a break-glass grant. */
export interface BreakGlassReview {
  readonly reviewedAt: string;
  readonly reviewedBy: string;
  readonly note: string;
}

/** A grant as listed for review, with the name of who broke the glass. */
export interface BreakGlassGrantEntry extends BreakGlassGrant {
  readonly userName: string;
}

/** What a user must still do before the session reaches client data (DESIGN 2.8: TOTP for staff). */
export const SessionStage = {
  /** Signed in (password and, where needed, the second factor). */
  complete: 'complete',
  /** Password accepted; a TOTP or recovery code is needed. */
  totpRequired: 'totp-required',
  /** Password accepted; the account must enrol a TOTP authenticator first. */
  totpEnrolmentRequired: 'totp-enrolment-required',
} as const;
export type SessionStage = (typeof SessionStage)[keyof typeof SessionStage];

/** A sign-in session. Only a hash of its token is stored; the token lives in the browser's cookie. */
export interface AuthSession {
  readonly id: string;
  readonly tokenHash: string;
  readonly userId: string;
  readonly stage: SessionStage;
  /** A TOTP seed being enrolled in this session, sealed by the SecretBox; null otherwise. */
  readonly pendingTotpSecret: string | null;
  readonly origin: string | null;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** The absolute end of the session, whatever the activity. */
  readonly expiresAt: string;
}

/** A user's sign-in secrets (never leave the application layer). */
export interface UserSecrets {
  readonly passwordHash: string;
  readonly totp: UserTotp;
}

export interface UserTotp {
  /** The TOTP seed sealed by the SecretBox, or null. */
  readonly secret: string | null;
  /** When the enrolment was confirmed with a first code; null while not enrolled. */
  readonly confirmedAt: string | null;
  /** The last time step accepted (a code is never accepted twice). */
  readonly lastStep: number | null;
}

/** Consecutive failed attempts on one key (an e-mail address's hash, or a user's second factor). */
export interface AuthThrottle {
  readonly key: string;
  readonly failures: number;
  readonly lastFailureAt: string;
  readonly lockedUntil: string | null;
}

export interface Totp {
  /** A new random base32 seed (160 bits). */
  readonly newSecret: () => string;
  /** The otpauth:// URI an authenticator app scans. */
  readonly uri: (secret: string, accountName: string, issuer: string) => string;
  /** Checks a 6-digit code at `at` (±1 step), refusing steps up to `afterStep`; the accepted step, or null. */
  readonly check: (secret: string, code: string, at: Date, afterStep: number | null) => Promise<number | null>;
}

export interface SecretBox {
  /** Encrypts (AES-256-GCM) with `context` bound as associated data. */
  readonly seal: (plain: string, context: string) => string;
  /** Decrypts; throws when the text or its context was tampered with. */
  readonly open: (sealed: string, context: string) => string;
}

export interface TokenGenerator {
  /** A random token of `bytes` random bytes, base64url. */
  readonly newToken: (bytes: number) => string;
  /** A one-time recovery code, 80 random bits easy to type: `xxxx-xxxx-xxxx-xxxx` (lowercase letters and digits). */
  readonly newRecoveryCode: () => string;
}

/** Deps of the sign-in use cases: the usual ones plus TOTP, secret sealing and random tokens. */
export interface AuthDeps extends Deps {
  readonly totp: Totp;
  readonly secrets: SecretBox;
  readonly tokens: TokenGenerator;
}

/** Changes to a staff account (undefined: unchanged). */
export interface UserChanges {
  readonly name?: string;
  readonly credentials?: string;
  readonly active?: boolean;
}

export interface Supervision {
  readonly supervisorId: string;
  readonly clinicianId: string;
  readonly createdAt: string;
}

export interface ClientAssignment {
  readonly clientId: string;
  readonly userId: string;
  readonly role: AssignmentRole;
  readonly createdAt: string;
}

export interface CaseloadQuery {
  readonly practiceId: string;
  readonly userId: string;
  /**
   * `assigned`: clients assigned to the user; `assigned-or-supervised`: also those assigned to a clinician the user
   * supervises; `practice`: every client of the practice (auditors).
   */
  readonly scope: 'assigned' | 'assigned-or-supervised' | 'practice';
  readonly status?: ClientStatus;
  readonly limit: number;
  /** Keyset cursor: the last entry of the previous page. */
  readonly after: { readonly createdAt: string; readonly id: string } | null;
}

export interface LatestScore {
  readonly instrumentId: string;
  readonly total: number;
  readonly severity: string | null;
  readonly administeredOn: string;
}

export interface CaseloadEntry {
  readonly client: Client;
  readonly createdAt: string;
  readonly primaryClinicianId: string | null;
  /** The latest score of each instrument given. */
  readonly latestScores: readonly LatestScore[];
}

/** The stored password hash of an account without a usable password (invited, or reset): no password matches it. */
export const NO_PASSWORD_HASH = '!no-password';

/** A one-time set-password link (DESIGN 2.8 staff lifecycle). Only the hash of its token is stored. */
export interface PasswordLink {
  readonly id: string;
  readonly userId: string;
  readonly tokenHash: string;
  /** Audit label of who issued it. */
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/** A bearer token for scripts: acts as its user with the user's current roles. Only the hash is stored. */
export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** What a client link is for (issue 7): questionnaires, behaviour counts, or reading and endorsing the plan. */
export const ClientLinkPurpose = { measures: 'measures', log: 'log', endorse: 'endorse' } as const;
export type ClientLinkPurpose = (typeof ClientLinkPurpose)[keyof typeof ClientLinkPurpose];

/** A client's recorded consent to be contacted through client links and their e-mail (issue 7). */
/** Issue 12's consent kinds and methods (`POST /clients/{id}/consents`). */
export type ConsentKind = 'treatment' | 'contact';
export type ConsentMethod = 'verbal' | 'written' | 'electronic';

export interface ClientConsent {
  readonly id: string;
  readonly clientId: string;
  /** Consent to treatment, or to be contacted (client links and their e-mail need `contact`). */
  readonly kind: ConsentKind;
  /** How it was given; null for consents recorded before it was asked. */
  readonly method: ConsentMethod | null;
  /** The version of the consent text agreed to, when there is one. */
  readonly textVersion: string | null;
  /** The date consent was given (YYYY-MM-DD). */
  readonly givenOn: string;
  /** The client, or for a minor the guardian. */
  readonly givenBy: 'client' | 'guardian';
  /** Audit label of who recorded it. */
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly withdrawnAt: string | null;
}

/** A single-purpose link for a client (issue 7). Only the SHA-256 of its token is stored. */
export interface ClientLink {
  readonly id: string;
  readonly clientId: string;
  readonly purpose: ClientLinkPurpose;
  /** Instruments to complete, in order (measures links; empty otherwise). */
  readonly instruments: readonly string[];
  /** The signed plan version an endorse link shows; null otherwise. */
  readonly planId: string | null;
  readonly tokenHash: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly emailedAt: string | null;
  readonly openedAt: string | null;
  readonly usedAt: string | null;
  readonly revokedAt: string | null;
}

/** A client's endorsement of a signed plan version, naming the content hash of what they endorsed. */
export interface PlanEndorsementRecord {
  readonly id: string;
  readonly planId: string;
  readonly clientId: string;
  readonly linkId: string | null;
  readonly contentHash: string;
  readonly endorsedOn: string;
  /** The name the client typed to confirm. */
  readonly typedName: string;
  readonly method: 'link';
  readonly recordedAt: string;
}

/** Sends e-mail (SMTP when configured). Messages carry no clinical details. */
export interface Mailer {
  readonly send: (message: { readonly to: string; readonly subject: string; readonly text: string }) => Promise<void>;
}

/** Whose clients the review due list covers (the caseload rule, DESIGN 2.8). */
export interface ReviewScheduleQuery {
  readonly practiceId: string;
  readonly userId: string;
  readonly scope: CaseloadQuery['scope'];
}

/** One client's review schedule inputs: the signed current plan and the last signed review (DESIGN 2.6). */
export interface ReviewScheduleEntry {
  readonly client: Client;
  readonly planId: string;
  readonly planVersion: number;
  readonly establishedDate: string;
  readonly planNextReviewDate: string;
  readonly lastReview: { readonly id: string; readonly reviewDate: string; readonly nextReviewDate: string } | null;
  /** The open draft review, if any. */
  readonly draftReviewId: string | null;
}
