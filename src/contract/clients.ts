import { z } from 'zod';
import { Id } from './common.js';

/**
 * Clients, their assignments and the caseload. Client data travels only in bodies, never in URLs.
 *
 * @example
 * const body: z.infer<typeof CreateClientRequest> = { firstName: 'Jordan', lastName: 'Lee', dateOfBirth: '1990-04-02' };
 */
export const ClientStatusName = z.enum(['active', 'discharged', 'archived']);

export const ClientView = z
  .object({
    id: Id,
    recordNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string().nullable(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
    externalId: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: ClientStatusName,
  })
  .meta({ id: 'Client' });

/** `POST /clients` (issue 5 contract): `{firstName, lastName, dateOfBirth}` plus the optional details. */
export const CreateClientRequest = z.strictObject({
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  dateOfBirth: z.string().max(10).describe('YYYY-MM-DD'),
  preferredName: z.string().max(100).nullable().optional(),
  pronouns: z.string().max(50).nullable().optional(),
  externalId: z.string().max(100).nullable().optional().describe('The client’s id in another system.'),
  email: z.string().max(254).nullable().optional().describe('For client links, with the client’s consent.'),
  phone: z.string().max(40).nullable().optional(),
  recordNumber: z.string().max(50).optional().describe('Generated when omitted.'),
  primaryClinicianId: Id.optional().describe('Defaults to the caller; else a clinician the caller supervises.'),
});

export const ClientParams = z.strictObject({ clientId: Id });

export const AssignmentView = z.object({
  clientId: Id,
  userId: Id,
  role: z.enum(['primary', 'additional']),
  createdAt: z.string(),
});

export const AssignRequest = z.strictObject({ userId: Id, role: z.enum(['primary', 'additional']) });

export const DiagnosisView = z.object({
  id: Id,
  code: z.string().describe('ICD-10-CM'),
  description: z.string(),
  primary: z.boolean(),
});

export const AddDiagnosisRequest = z.strictObject({
  code: z.string().max(10),
  description: z.string().max(300),
  primary: z.boolean().optional(),
});

export const ClientRecordView = z.object({
  client: ClientView,
  assignments: z.array(AssignmentView),
  diagnoses: z.array(DiagnosisView),
});

export const LatestScoreView = z.object({
  instrumentId: z.string(),
  total: z.number(),
  severity: z.string().nullable(),
  administeredOn: z.string(),
});

export const CaseloadRowView = z.object({
  client: ClientView,
  primaryClinicianId: Id.nullable(),
  latestScores: z.array(LatestScoreView),
});

export const CaseloadQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
  status: ClientStatusName.optional(),
});
