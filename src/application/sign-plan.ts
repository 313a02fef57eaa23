import { z } from 'zod';
import { checkPayerCompleteness } from '../domain/plan-checks/check-payer-completeness.js';
import { checkPlan } from '../domain/plan-checks/check-plan.js';
import type { PlanFinding } from '../domain/plan-checks/plan-finding.js';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Signature, TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import { listMeasures } from '../measures/registry.js';
import type { Actor } from './actor.js';
import { assertClientAccess } from './assert-client-access.js';
import { clientAuditEvent } from './client-audit-event.js';
import { clientIdOf } from './client-id-of.js';
import { parseInput } from './parse-input.js';
import { planContentHash } from './plan-content-hash.js';
import type { Deps, Store } from './ports.js';
import { requireRole } from './require-role.js';
import { todayInTimeZone } from './today-in-time-zone.js';

async function signerOf(
  store: Store,
  actor: Actor,
): Promise<{ readonly id: string; readonly name: string; readonly credentials: string }> {
  if (actor.kind !== 'user')
    throw new AppError(ErrorCode.forbidden, 'A plan is signed by a clinician, not the operator.');
  const user = await store.findUserById(actor.userId);
  if (!user?.active) throw new AppError(ErrorCode.forbidden, 'The signing account is not active.');
  return { id: user.id, name: user.name, credentials: user.credentials.trim() };
}

/**
 * Everything that stops a draft being signed: the payer completeness check (reference/payer-requirements.md) and the
 * plan checks (DESIGN 2.5) with severity `error`. Warnings (an unendorsed goal, a co-signature still to come) do not
 * block; the editor shows them before signing.
 */
async function blockingFindings(
  store: Store,
  plan: TreatmentPlan,
  today: string,
  signer: { readonly name: string; readonly credentials: string },
  settings: { readonly supervisorCosignRequired: boolean; readonly clientSignatureRequired: boolean },
): Promise<PlanFinding[]> {
  const [formulation, administrations] = await Promise.all([
    store.findFormulation(plan.clientId),
    store.listAdministrations(plan.clientId),
  ]);
  const latestScores: Record<string, number> = {};
  for (const a of [...administrations].sort((x, y) => x.administeredAt.localeCompare(y.administeredAt))) {
    latestScores[a.instrumentId] = a.total;
  }
  const context = {
    today,
    instruments: listMeasures(),
    latestScores,
    formulation,
    signer,
    settings: {
      requireSupervisorCoSignature: settings.supervisorCosignRequired,
      // The client's signature is collected on the signed version (endorsement), so it cannot block signing.
      requireClientSignature: false,
    },
  };
  return [...checkPayerCompleteness(plan, context), ...checkPlan(plan, context)].filter((f) => f.severity === 'error');
}

const signSchema = z.object({ clientId: z.string().min(1).max(100), revision: z.number().int().min(1) });

/**
 * Signs the client's draft plan (`POST /api/v1/clients/{clientId}/plan/sign {revision}`): the clinician's name and
 * credentials with the time, and the content hash; the version it revises becomes `superseded`. Refused with
 * `plan-incomplete` (409, the findings as `issues`) while a payer element is missing or a plan check fails, and
 * with `stale-revision` when the draft changed since the revision the clinician read. A signed version never changes.
 *
 * @example
 * const signed = await signPlan(deps, clinician, { clientId, revision: draft.revision });
 * signed.contentHash // 64 hex digits
 */
export async function signPlan(deps: Deps, actor: Actor, input: z.input<typeof signSchema>): Promise<TreatmentPlan> {
  requireRole(actor, ['clinician'], 'Only a clinician signs a treatment plan.');
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'plan.sign');
  const v = parseInput(signSchema, input);
  const signer = await signerOf(deps.store, actor);
  const now = deps.clock.now();
  const practice = await deps.store.findPractice();
  if (!practice) throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
  const today = todayInTimeZone(now, practice.timeZone);
  return deps.store.transaction(async (tx) => {
    const draftRef = (await tx.listPlanVersions(v.clientId)).find((p) => p.status === 'draft');
    const draft = draftRef ? await tx.findPlanById(draftRef.id) : null;
    if (!draft) throw new AppError(ErrorCode.notFound, 'The client has no draft plan to sign.');
    if (draft.revision !== v.revision) {
      throw new AppError(
        ErrorCode.staleRevision,
        `The draft is at revision ${draft.revision}, not ${v.revision}; read it again before signing.`,
      );
    }
    const findings = await blockingFindings(tx, draft, today, signer, practice.settings);
    if (findings.length > 0) {
      throw new AppError(
        ErrorCode.planIncomplete,
        `The plan cannot be signed yet: ${findings.length} thing${findings.length === 1 ? '' : 's'} to fix.`,
        { issues: findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, path: f.path })) },
      );
    }
    const signature: Signature = {
      userId: signer.id,
      name: signer.name,
      credentials: signer.credentials,
      signedAt: now.toISOString(),
    };
    const hash = planContentHash(deps, draft);
    if (!(await tx.signDraftPlan(draft.id, draft.revision, signature, hash, now.toISOString()))) {
      throw new AppError(ErrorCode.staleRevision, 'The draft changed while signing; read it again.');
    }
    if (draft.previousVersionId) await tx.supersedePlan(draft.previousVersionId, now.toISOString());
    await tx.appendAudit([clientAuditEvent(actor, 'plan.sign', v.clientId, `plan:${draft.id}`)], now.toISOString());
    const signed = await tx.findPlanById(draft.id);
    if (!signed) throw new AppError(ErrorCode.conflict, 'The signed plan could not be read back.');
    return signed;
  });
}

const cosignSchema = z.object({
  clientId: z.string().min(1).max(100),
  planId: z.string().min(1).max(100),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the plan version’s content hash (64 hex digits)'),
});

/**
 * A supervisor co-signs a signed plan version (`POST /api/v1/clients/{clientId}/plans/{planId}/cosign {contentHash}`):
 * only a supervisor of the clinician who signed it, never that clinician, and only for the content they read (the
 * content hash they send must be the version's). A version is co-signed once; the content hash does not change.
 *
 * @example
 * await cosignPlan(deps, supervisor, { clientId, planId: signed.id, contentHash: signed.contentHash });
 */
export async function cosignPlan(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof cosignSchema>,
): Promise<TreatmentPlan> {
  requireRole(actor, ['supervisor'], 'Only a supervisor co-signs a treatment plan.');
  await assertClientAccess(deps, actor, clientIdOf(input), 'write', 'plan.cosign');
  const v = parseInput(cosignSchema, input);
  const signer = await signerOf(deps.store, actor);
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const plan = await tx.findPlanById(v.planId);
    if (!plan || plan.clientId !== v.clientId) throw new AppError(ErrorCode.notFound, 'No such plan version.');
    if (plan.status === 'draft' || !plan.clinicianSignature || !plan.contentHash) {
      throw new AppError(ErrorCode.conflict, 'Only a signed plan can be co-signed.');
    }
    if (plan.clinicianSignature.userId === signer.id) {
      throw new AppError(ErrorCode.forbidden, 'A clinician cannot co-sign their own plan.');
    }
    const supervision = await tx.listSupervision(actor.kind === 'user' ? actor.practiceId : '');
    const supervises = supervision.some(
      (s) => s.supervisorId === signer.id && s.clinicianId === plan.clinicianSignature?.userId,
    );
    if (!supervises)
      throw new AppError(ErrorCode.forbidden, 'You do not supervise the clinician who signed this plan.');
    if (plan.supervisorSignature) throw new AppError(ErrorCode.conflict, 'This plan version is already co-signed.');
    if (plan.contentHash !== v.contentHash) {
      throw new AppError(ErrorCode.conflict, 'The plan version is not the one you read (its content hash differs).');
    }
    if (signer.credentials === '') {
      throw new AppError(
        ErrorCode.planIncomplete,
        'Your account has no credentials to sign with; an administrator adds them.',
      );
    }
    const signature: Signature = {
      userId: signer.id,
      name: signer.name,
      credentials: signer.credentials,
      signedAt: now,
    };
    if (!(await tx.cosignPlan(plan.id, v.contentHash, signature, now))) {
      throw new AppError(ErrorCode.conflict, 'This plan version was co-signed meanwhile.');
    }
    await tx.appendAudit([clientAuditEvent(actor, 'plan.cosign', v.clientId, `plan:${plan.id}`)], now);
    const cosigned = await tx.findPlanById(plan.id);
    if (!cosigned) throw new AppError(ErrorCode.conflict, 'The plan could not be read back.');
    return cosigned;
  });
}
