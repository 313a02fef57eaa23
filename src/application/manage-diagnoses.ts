import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Diagnosis } from '../domain/treatment-plans/treatment-plan.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import type { Deps } from './ports.js';

/** ICD-10-CM: a letter, two characters, then optionally a dot and up to four more (F32.1, F43.10, Z63.0). */
const ICD10CM = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

const addSchema = z.object({
  clientId: z.string().min(1).max(100),
  code: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .pipe(z.string().regex(ICD10CM, 'must be an ICD-10-CM code such as F32.1')),
  description: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  primary: z.boolean().optional(),
});

export type AddDiagnosisInput = z.input<typeof addSchema>;

/**
 * The client's diagnoses, newest first (`GET /api/v1/clients/{clientId}/diagnoses`).
 *
 * @example
 * const diagnoses = await listDiagnoses(deps, clinician, { clientId }); // [{ code: 'F32.1', primary: true, … }]
 */
export async function listDiagnoses(
  deps: Deps,
  actor: Actor,
  input: { readonly clientId: string },
): Promise<readonly Diagnosis[]> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'read', 'diagnosis.list');
  const diagnoses = await deps.store.listDiagnoses(input.clientId);
  await deps.store.appendAudit(
    [clientAuditEvent(actor, 'diagnosis.list', input.clientId, `client:${input.clientId}`)],
    deps.clock.now().toISOString(),
  );
  return diagnoses;
}

/**
 * Records a diagnosis (`POST /api/v1/clients/{clientId}/diagnoses`, ICD-10-CM). At most one diagnosis is primary:
 * adding a second primary one is a `conflict`.
 *
 * @example
 * await addDiagnosis(deps, clinician, { clientId, code: 'F41.0', description: 'Panic disorder', primary: true });
 */
export async function addDiagnosis(deps: Deps, actor: Actor, input: AddDiagnosisInput): Promise<Diagnosis> {
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'diagnosis.create');
  const v = parseInput(addSchema, input);
  const diagnosis: Diagnosis = {
    id: deps.ids.newId(),
    code: v.code,
    description: v.description,
    primary: v.primary ?? false,
  };
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    if (diagnosis.primary && (await tx.listDiagnoses(v.clientId)).some((d) => d.primary)) {
      throw new AppError(ErrorCode.conflict, 'The client already has a primary diagnosis.');
    }
    await tx.insertDiagnosis(v.clientId, diagnosis, now);
    await tx.appendAudit([clientAuditEvent(actor, 'diagnosis.create', v.clientId, `diagnosis:${diagnosis.id}`)], now);
  });
  return diagnosis;
}
