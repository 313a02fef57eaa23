import type { z } from 'zod';
import type { CaseloadEntry, Client, ClientAssignment, User } from '../application/ports.js';
import type { AssignmentView, CaseloadRowView, ClientView } from '../contract/clients.js';
import type { UserView } from '../contract/users.js';

/**
 * Presenters: application objects → contract shapes (STYLE house rule 6: responses are built here, never from rows).
 *
 * @example
 * reply.send(presentUser(user));
 */
export function presentUser(user: User): z.infer<typeof UserView> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    credentials: user.credentials,
    roles: [...user.roles],
    active: user.active,
    createdAt: user.createdAt,
  };
}

/** A client as the API shows it (the practice id stays inside). */
export function presentClient(client: Client): z.infer<typeof ClientView> {
  return {
    id: client.id,
    recordNumber: client.recordNumber,
    firstName: client.givenName,
    lastName: client.familyName,
    dateOfBirth: client.dateOfBirth,
    preferredName: client.preferredName ?? null,
    pronouns: client.pronouns ?? null,
    externalId: client.externalId ?? null,
    email: client.email ?? null,
    phone: client.phone ?? null,
    status: client.status,
  };
}

export function presentAssignment(a: ClientAssignment): z.infer<typeof AssignmentView> {
  return { clientId: a.clientId, userId: a.userId, role: a.role, createdAt: a.createdAt };
}

export function presentCaseloadRow(e: CaseloadEntry): z.infer<typeof CaseloadRowView> {
  return {
    client: presentClient(e.client),
    primaryClinicianId: e.primaryClinicianId,
    latestScores: e.latestScores.map((s) => ({ ...s })),
  };
}
