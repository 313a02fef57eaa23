import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import { getMeasure } from '../measures/registry.js';
import { type Actor, actorLabel, type Role } from './actor.js';
import { alertsRaisedByAdministration } from './alerts-raised-by-administration.js';
import {
  buildDepressionCase,
  buildPanicCase,
  buildPtsdCase,
  type DemoCase,
  type DemoCaseInput,
} from './demo/demo-cases.js';
import { buildDemoSessions } from './demo/demo-sessions.js';
import { buildSyntheticCase, syntheticRecordNumber } from './demo/synthetic-case.js';
import { ensurePractice } from './ensure-practice.js';
import { planContentHash } from './plan-content-hash.js';
import type { Deps, Practice, Store, User } from './ports.js';
import { todayInTimeZone } from './today-in-time-zone.js';

/** A demo account as printed by `cairn demo`: `email password role`. */
export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
}

export interface LoadDemoInput {
  /** Synthetic clients to add (0 for the guide's three cases only). */
  readonly clients: number;
  /** Weeks of history per synthetic client. */
  readonly weeks: number;
  readonly seed: number;
  /** Called after each batch with (done, total) synthetic clients. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LoadDemoResult {
  readonly accounts: readonly DemoAccount[];
  readonly clientsAdded: number;
  readonly administrationsAdded: number;
}

/** DESIGN 3.2: up to 500 synthetic clients per synthetic clinician. */
export const CLIENTS_PER_SYNTHETIC_CLINICIAN = 500;
export const MAX_DEMO_CLIENTS = 100_000;
const BATCH = 100;

const DEMO_ACCOUNTS: readonly (DemoAccount & { readonly name: string; readonly credentials: string })[] = [
  {
    email: 'admin@cairn-demo.example',
    password: 'demo-admin-password',
    role: 'admin',
    name: 'Demo Admin',
    credentials: '',
  },
  {
    email: 'clinician@cairn-demo.example',
    password: 'demo-clinician-pass',
    role: 'clinician',
    name: 'Dr Robin Demo',
    credentials: 'PhD, Licensed Psychologist',
  },
  {
    email: 'supervisor@cairn-demo.example',
    password: 'demo-supervisor-pass',
    role: 'supervisor',
    name: 'Dr Lee Supervisor',
    credentials: 'PsyD, Clinical Supervisor',
  },
];
const SYNTHETIC_PASSWORD = 'demo-synthetic-pass';

async function ensureUser(
  deps: Deps,
  tx: Store,
  practice: Practice,
  account: { email: string; name: string; credentials: string; role: Role },
  passwordHash: string,
  now: string,
): Promise<{ user: User; created: boolean }> {
  const existing = await tx.findUserByEmail(account.email);
  if (existing) return { user: existing, created: false };
  const user = {
    id: deps.ids.newId(),
    practiceId: practice.id,
    email: account.email,
    name: account.name,
    credentials: account.credentials,
    roles: [account.role],
  };
  await tx.insertUser({ ...user, passwordHash }, now);
  return { user: { ...user, active: true, createdAt: now }, created: true };
}

async function storeCase(
  deps: Pick<Deps, 'digest' | 'ids'>,
  tx: Store,
  c: DemoCase,
  clinicianId: string,
  createdBy: string,
  now: string,
): Promise<void> {
  await tx.insertClient(c.client, now);
  await tx.assignClient(c.client.id, clinicianId, 'primary', now);
  await tx.insertDiagnosis(c.client.id, c.diagnosis, now);
  await tx.updateFormulation(c.formulation, createdBy, now);
  for (const b of c.behaviors) await tx.insertBehavior(b, now);
  // Every demo client has both consents of issue 12: to treatment and to be contacted (links, e-mail).
  for (const kind of ['treatment', 'contact'] as const) {
    await tx.insertClientConsent({
      id: deps.ids.newId(),
      clientId: c.client.id,
      kind,
      method: 'written',
      textVersion: 'demo-1',
      givenOn: c.plan.establishedDate,
      givenBy: 'client',
      recordedBy: createdBy,
      recordedAt: now,
      withdrawnAt: null,
    });
  }
  // A signed demo plan carries the content hash a signature always records (DESIGN 2.2).
  const plan = c.plan.status === 'draft' ? c.plan : { ...c.plan, contentHash: planContentHash(deps, c.plan) };
  await tx.insertPlan(plan, createdBy, now);
}

/**
 * Loads the demo practice: demo accounts (admin, clinician, supervisor), the three cases of the SMART-goals guide with
 * plans and weeks of history ending today, and optionally `clients` synthetic clients (deterministic for `seed`), up
 * to 500 per synthetic clinician. Idempotent: what exists (by e-mail or record number) is left as it is.
 *
 * @example
 * const { accounts } = await loadDemo(deps, { kind: 'cli', osUser: 'ana' }, { clients: 0, weeks: 12, seed: 1 });
 */
export async function loadDemo(deps: Deps, actor: Actor, input: LoadDemoInput): Promise<LoadDemoResult> {
  if (actor.kind === 'user' && !actor.roles.includes('admin')) {
    throw new AppError(ErrorCode.forbidden, 'Only an administrator can load demo data.');
  }
  if (!Number.isInteger(input.clients) || input.clients < 0 || input.clients > MAX_DEMO_CLIENTS) {
    throw new AppError(ErrorCode.invalidInput, `clients must be a whole number from 0 to ${MAX_DEMO_CLIENTS}`);
  }
  if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > 520) {
    throw new AppError(ErrorCode.invalidInput, 'weeks must be a whole number from 1 to 520');
  }
  const measure = (id: string) => {
    const m = getMeasure(id);
    if (!m) throw new Error(`demo needs instrument ${id}`);
    return m;
  };
  const now = deps.clock.now().toISOString();
  const syntheticClinicians = Math.ceil(input.clients / CLIENTS_PER_SYNTHETIC_CLINICIAN);
  const accountsToHash = [
    ...DEMO_ACCOUNTS.map((a) => a.password),
    ...(syntheticClinicians > 0 ? [SYNTHETIC_PASSWORD] : []),
  ];
  const hashes = new Map<string, string>();
  for (const p of new Set(accountsToHash)) hashes.set(p, await deps.passwords.hash(p));

  const label = actorLabel(actor);
  const origin = actor.kind === 'cli' ? 'cli' : null;
  let clientsAdded = 0;
  let administrationsAdded = 0;

  const { practice, clinician, syntheticUsers } = await deps.store.transaction(async (tx) => {
    const practice = await ensurePractice(deps, tx, actor, {
      name: 'Cairn demo practice',
      settings: { mfaRequired: false },
    });
    const users = new Map<string, User>();
    const created: string[] = [];
    for (const a of DEMO_ACCOUNTS) {
      const r = await ensureUser(deps, tx, practice, a, hashes.get(a.password) ?? '', now);
      users.set(a.role, r.user);
      if (r.created) created.push(r.user.id);
    }
    const supervisor = users.get('supervisor');
    const clinician = users.get('clinician');
    if (!supervisor || !clinician) throw new Error('demo accounts missing');
    if (created.includes(clinician.id) || created.includes(supervisor.id)) {
      await tx.addSupervision(supervisor.id, clinician.id, now);
    }
    const syntheticUsers: User[] = [];
    for (let j = 1; j <= syntheticClinicians; j += 1) {
      const r = await ensureUser(
        deps,
        tx,
        practice,
        {
          email: `clinician${j}-seed${input.seed}@cairn-demo.example`,
          name: `Synthetic Clinician ${j}`,
          credentials: 'LCSW',
          role: 'clinician',
        },
        hashes.get(SYNTHETIC_PASSWORD) ?? '',
        now,
      );
      if (r.created) {
        created.push(r.user.id);
        await tx.addSupervision(supervisor.id, r.user.id, now);
      }
      syntheticUsers.push(r.user);
    }
    if (created.length > 0) {
      await tx.appendAudit(
        created.map((id) => ({
          actor: label,
          action: 'user.create',
          resource: `user:${id}`,
          clientIds: [],
          outcome: 'success',
          origin,
        })),
        now,
      );
    }
    return { practice, clinician, syntheticUsers };
  });

  const today = todayInTimeZone(deps.clock.now(), practice.timeZone);
  const caseInput = (c: User): DemoCaseInput => ({
    practiceId: practice.id,
    today,
    clinician: { id: c.id, name: c.name, credentials: c.credentials },
    newId: deps.ids.newId,
    measure,
    reviewIntervalDays: practice.settings.reviewIntervalDays,
    signedAt: now,
  });

  for (const [recordNumber, build] of [
    ['DEMO-001', buildDepressionCase],
    ['DEMO-002', buildPanicCase],
    ['DEMO-003', buildPtsdCase],
  ] as const) {
    await deps.store.transaction(async (tx) => {
      if (await tx.findClientByRecordNumber(practice.id, recordNumber)) return;
      const c = build(caseInput(clinician));
      await storeCase(deps, tx, c, clinician.id, label, now);
      await tx.insertAdministrations(c.administrations, now);
      await tx.insertBehaviorLogs(c.behaviorLogs, now);
      // Issue 11: a few weeks of attended sessions with signed notes, written from the sessions' own entries.
      for (const s of buildDemoSessions(c, { today, clinician, signedAt: now, newId: deps.ids.newId, measure })) {
        await tx.insertSessionRecord(s.session, clinician.id);
        await tx.insertProgressNote(s.note, clinician.id);
      }
      // The same alerts recording these administrations in session would raise (the depression case's first PHQ-9
      // answers item 9): open until a clinician records what was done.
      const alerts = c.administrations.flatMap((a) =>
        alertsRaisedByAdministration(a).map((alert) => ({
          id: deps.ids.newId(),
          clientId: c.client.id,
          alert,
          raisedAt: a.administeredAt,
          closure: null,
        })),
      );
      await tx.insertAlerts(alerts);
      await tx.appendAudit(
        [
          {
            actor: label,
            action: 'demo.load',
            resource: `client:${c.client.id}`,
            clientIds: [c.client.id],
            outcome: 'success',
            origin,
          },
        ],
        now,
      );
      clientsAdded += 1;
      administrationsAdded += c.administrations.length;
    });
  }

  for (let from = 1; from <= input.clients; from += BATCH) {
    const to = Math.min(input.clients, from + BATCH - 1);
    await deps.store.transaction(async (tx) => {
      const added: DemoCase[] = [];
      for (let index = from; index <= to; index += 1) {
        if (await tx.findClientByRecordNumber(practice.id, syntheticRecordNumber(input.seed, index))) continue;
        const owner = syntheticUsers[Math.floor((index - 1) / CLIENTS_PER_SYNTHETIC_CLINICIAN)] ?? clinician;
        const c = buildSyntheticCase(caseInput(owner), { seed: input.seed, index, weeks: input.weeks });
        await storeCase(deps, tx, c, owner.id, label, now);
        added.push(c);
      }
      if (added.length === 0) return;
      await tx.insertAdministrations(
        added.flatMap((c) => c.administrations),
        now,
      );
      await tx.insertBehaviorLogs(
        added.flatMap((c) => c.behaviorLogs),
        now,
      );
      await tx.appendAudit(
        [
          {
            actor: label,
            action: 'demo.load',
            resource: null,
            clientIds: added.map((c) => c.client.id),
            outcome: 'success',
            origin,
          },
        ],
        now,
      );
      clientsAdded += added.length;
      administrationsAdded += added.reduce((n, c) => n + c.administrations.length, 0);
    });
    input.onProgress?.(to, input.clients);
  }

  const accounts: DemoAccount[] = [
    ...DEMO_ACCOUNTS.map(({ email, password, role }) => ({ email, password, role })),
    ...syntheticUsers.map((u) => ({ email: u.email, password: SYNTHETIC_PASSWORD, role: 'clinician' as const })),
  ];
  return { accounts, clientsAdded, administrationsAdded };
}
