import type { Actor, Role } from '../src/application/actor.js';
import { loadDemo } from '../src/application/load-demo.js';
import type { Deps, Practice, User } from '../src/application/ports.js';

/** The demo practice's people as actors, plus accounts the demo does not have. */
export interface DemoPractice {
  readonly practice: Practice;
  /** Client ids of the guide's three cases. */
  readonly clients: { readonly depression: string; readonly panic: string; readonly ptsd: string };
  readonly users: {
    /** The demo clinician: primary clinician of the three cases. */
    readonly clinician: User;
    /** Supervises the demo clinician. */
    readonly supervisor: User;
    /** Admin only: no clinical role. */
    readonly admin: User;
    /** An auditor (read only). */
    readonly auditor: User;
    /** A clinician of the same practice with no client assigned. */
    readonly otherClinician: User;
    /** A supervisor who supervises nobody. */
    readonly otherSupervisor: User;
  };
  readonly cli: Actor;
  /** The actor of a user. */
  readonly as: (user: User) => Actor;
}

/**
 * Loads the demo practice (the guide's three cases, no synthetic clients) and adds an auditor, an unassigned
 * clinician and a supervisor of nobody. For use-case tests on real storage.
 *
 * @example
 * const demo = await seedDemoPractice(buildTestDeps(t));
 * await getPlanProgress(deps, demo.as(demo.users.clinician), { clientId: demo.clients.ptsd });
 */
export async function seedDemoPractice(deps: Deps): Promise<DemoPractice> {
  const cli: Actor = { kind: 'cli', osUser: 'test' };
  await loadDemo(deps, cli, { clients: 0, weeks: 12, seed: 1 });
  const practice = await deps.store.findPractice();
  if (!practice) throw new Error('no practice');
  const now = deps.clock.now().toISOString();
  const add = async (email: string, roles: Role[]): Promise<User> => {
    const user = { id: deps.ids.newId(), practiceId: practice.id, email, name: email, credentials: '', roles };
    await deps.store.insertUser({ ...user, passwordHash: 'x' }, now);
    return { ...user, active: true, createdAt: now };
  };
  const find = async (email: string): Promise<User> => {
    const user = await deps.store.findUserByEmail(email);
    if (!user) throw new Error(`no ${email}`);
    return user;
  };
  const client = async (recordNumber: string): Promise<string> => {
    const c = await deps.store.findClientByRecordNumber(practice.id, recordNumber);
    if (!c) throw new Error(`no ${recordNumber}`);
    return c.id;
  };
  return {
    practice,
    clients: { depression: await client('DEMO-001'), panic: await client('DEMO-002'), ptsd: await client('DEMO-003') },
    users: {
      clinician: await find('clinician@cairn-demo.example'),
      supervisor: await find('supervisor@cairn-demo.example'),
      admin: await find('admin@cairn-demo.example'),
      auditor: await add('auditor@example.org', ['auditor']),
      otherClinician: await add('other-clinician@example.org', ['clinician']),
      otherSupervisor: await add('other-supervisor@example.org', ['supervisor']),
    },
    cli,
    as: (user) => ({ kind: 'user', userId: user.id, practiceId: user.practiceId, roles: user.roles }),
  };
}
