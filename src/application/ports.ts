/**
 * Ports: what the application needs from the outside world. `storage` implements the stores; the composition roots
 * (http/server.ts, cli/main.ts) wire them in. Framework and driver types never cross this line.
 *
 * @example
 * async function addUser(deps: Deps, actor: Actor, input: AddUserInput) { … deps.store.transaction(async (tx) => …) }
 */
import type { Formulation } from '../domain/formulation/formulation.js';
import type { Diagnosis, TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
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

export interface AuditEventInput {
  readonly actor: string;
  readonly action: string;
  readonly resource: string | null;
  readonly clientIds: readonly string[];
  readonly outcome: 'success' | 'failure' | 'denied';
  readonly origin: string | null;
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
  readonly saveFormulation: (formulation: Formulation, updatedBy: string, updatedAt: string) => Promise<void>;
  readonly findFormulation: (clientId: string) => Promise<Formulation | null>;
  readonly insertBehavior: (behavior: BehaviorDefinition, createdAt: string) => Promise<void>;
  readonly listBehaviors: (clientId: string) => Promise<readonly BehaviorDefinition[]>;
  readonly insertPlan: (plan: TreatmentPlan, createdBy: string, createdAt: string) => Promise<void>;
  readonly findCurrentPlan: (clientId: string) => Promise<TreatmentPlan | null>;
  readonly insertAdministrations: (items: readonly Administration[], createdAt: string) => Promise<void>;
  readonly listAdministrations: (clientId: string, instrumentId?: string) => Promise<readonly Administration[]>;
  readonly insertBehaviorLogs: (items: readonly BehaviorLogEntry[], createdAt: string) => Promise<void>;
  readonly listBehaviorLogs: (behaviorId: string) => Promise<readonly BehaviorLogEntry[]>;
  readonly appendAudit: (events: readonly AuditEventInput[], at: string) => Promise<void>;
  readonly listAudit: (options?: {
    readonly afterSeq?: number;
    readonly limit?: number;
  }) => Promise<readonly AuditEvent[]>;
  readonly verifyAudit: () => Promise<AuditChainReport>;
  /** Runs `work` in one transaction; the store passed in is bound to it. Rolls back when `work` throws. */
  readonly transaction: <T>(work: (tx: Store) => Promise<T>) => Promise<T>;
}

export interface Digester {
  /** SHA-256 of the UTF-8 text, as lowercase hex (content hashes of signed documents). */
  readonly sha256: (text: string) => string;
}

/** What every use case receives. */
export interface Deps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly passwords: PasswordHasher;
  readonly digest: Digester;
}
