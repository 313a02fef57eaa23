import type { Kysely } from 'kysely';
import type { AssignmentRole, BehaviorDefinition, Client, ClientStatus } from '../../application/ports.js';
import type { Formulation, FormulationElementKind, ProblemArea } from '../../domain/formulation/formulation.js';
import type { Diagnosis } from '../../domain/treatment-plans/treatment-plan.js';
import type { BehaviorTable, ClientTable, Database } from '../tables/database.js';

/**
 * Clients, assignments, diagnoses, formulations and behaviour definitions.
 *
 * @example
 * await insertClient(db, client, now);
 */
export function clientRowToClient(row: ClientTable): Client {
  return {
    id: row.id,
    practiceId: row.practice_id,
    recordNumber: row.record_number,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    status: row.status as ClientStatus,
    preferredName: row.preferred_name,
    pronouns: row.pronouns,
    externalId: row.external_id,
    email: row.email,
    phone: row.phone,
  };
}

export async function findClientByRecordNumber(
  db: Kysely<Database>,
  practiceId: string,
  recordNumber: string,
): Promise<Client | null> {
  const row = await db
    .selectFrom('client')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('record_number', '=', recordNumber)
    .executeTakeFirst();
  return row ? clientRowToClient(row) : null;
}

export async function insertClient(db: Kysely<Database>, client: Client, createdAt: string): Promise<void> {
  await db
    .insertInto('client')
    .values({
      id: client.id,
      practice_id: client.practiceId,
      record_number: client.recordNumber,
      given_name: client.givenName,
      family_name: client.familyName,
      date_of_birth: client.dateOfBirth,
      status: client.status,
      preferred_name: client.preferredName ?? null,
      pronouns: client.pronouns ?? null,
      external_id: client.externalId ?? null,
      email: client.email ?? null,
      phone: client.phone ?? null,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
}

export async function assignClient(
  db: Kysely<Database>,
  clientId: string,
  userId: string,
  role: AssignmentRole,
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('client_assignment')
    .values({ client_id: clientId, user_id: userId, role, created_at: createdAt })
    .execute();
}

export async function insertDiagnosis(
  db: Kysely<Database>,
  clientId: string,
  diagnosis: Diagnosis,
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('diagnosis')
    .values({
      id: diagnosis.id,
      client_id: clientId,
      code: diagnosis.code,
      description: diagnosis.description,
      is_primary: diagnosis.primary ? 1 : 0,
      onset_date: null,
      resolved_date: null,
      created_at: createdAt,
    })
    .execute();
}

export async function findFormulation(db: Kysely<Database>, clientId: string): Promise<Formulation | null> {
  const row = await db.selectFrom('formulation').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!row) return null;
  const elements = await db
    .selectFrom('formulation_element')
    .selectAll()
    .where('formulation_id', '=', row.id)
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    clientId: row.client_id,
    problemAreas: JSON.parse(row.problem_areas) as ProblemArea[],
    elements: elements.map((e) => ({
      id: e.id,
      kind: e.kind as FormulationElementKind,
      text: e.text,
      libraryKey: e.library_key,
    })),
  };
}

function behaviorRowToBehavior(row: BehaviorTable): BehaviorDefinition {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    period: row.period as BehaviorDefinition['period'],
    direction: row.direction as BehaviorDefinition['direction'],
    unit: row.unit,
  };
}

export async function insertBehavior(db: Kysely<Database>, b: BehaviorDefinition, createdAt: string): Promise<void> {
  await db
    .insertInto('behavior')
    .values({
      id: b.id,
      client_id: b.clientId,
      name: b.name,
      period: b.period,
      direction: b.direction,
      unit: b.unit,
      created_at: createdAt,
    })
    .execute();
}

export async function listBehaviors(db: Kysely<Database>, clientId: string): Promise<BehaviorDefinition[]> {
  const rows = await db.selectFrom('behavior').selectAll().where('client_id', '=', clientId).orderBy('name').execute();
  return rows.map(behaviorRowToBehavior);
}
