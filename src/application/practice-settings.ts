import { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { ErrorCode } from '../domain/shared/error-codes.js';
import type { Actor } from './actor.js';
import { parseInput } from './parse-input.js';
import type { Deps, Practice } from './ports.js';
import { requireRole } from './require-role.js';
import { staffAuditEvent } from './staff-audit-event.js';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const changesSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/New_York').optional(),
  settings: z
    .object({
      reviewIntervalDays: z.number().int().min(7, 'must be at least 7').max(365, 'must be at most 365').optional(),
      mfaRequired: z.boolean().optional(),
      noMeasureAlertWeeks: z.number().int().min(1).max(52).optional(),
      supervisorCosignRequired: z.boolean().optional(),
      clientSignatureRequired: z.boolean().optional(),
      noteFormat: z.enum(['dap', 'soap']).optional(),
      crisisText: z.string().trim().min(1).max(2000).optional(),
    })
    .optional(),
});

export type PracticeSettingsChanges = z.input<typeof changesSchema>;

/**
 * The practice and its settings (`GET /api/v1/settings`): time zone, review interval, MFA policy, crisis text …
 * Every signed-in user reads them (the web app needs the time zone and the MFA notice).
 *
 * @example
 * (await getPracticeSettings(deps, actor)).settings.mfaRequired // true
 */
export async function getPracticeSettings(deps: Deps, actor: Actor): Promise<Practice> {
  const practice = await deps.store.findPractice();
  if (!practice || (actor.kind === 'user' && practice.id !== actor.practiceId)) {
    throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
  }
  await deps.store.appendAudit(
    [staffAuditEvent(actor, 'settings.read', `practice:${practice.id}`)],
    deps.clock.now().toISOString(),
  );
  return practice;
}

/**
 * Changes the practice's name, time zone or settings (`PATCH /api/v1/settings`, administrators). Relaxing
 * `mfaRequired` lets non-admin roles sign in without a second factor; administrators always need one (DESIGN 2.8).
 *
 * @example
 * await updatePracticeSettings(deps, admin, { settings: { reviewIntervalDays: 60 } });
 */
export async function updatePracticeSettings(
  deps: Deps,
  actor: Actor,
  input: PracticeSettingsChanges,
): Promise<Practice> {
  requireRole(actor, ['admin'], 'Only an administrator can change the practice settings.');
  const v = parseInput(changesSchema, input);
  return deps.store.transaction(async (tx) => {
    const practice = await tx.findPractice();
    if (!practice || (actor.kind === 'user' && practice.id !== actor.practiceId)) {
      throw new AppError(ErrorCode.notFound, 'No practice is set up yet.');
    }
    const settings = Object.fromEntries(Object.entries(v.settings ?? {}).filter(([, value]) => value !== undefined));
    const updated: Practice = {
      ...practice,
      name: v.name ?? practice.name,
      timeZone: v.timeZone ?? practice.timeZone,
      settings: { ...practice.settings, ...settings },
    };
    const now = deps.clock.now().toISOString();
    await tx.updatePractice(updated);
    const relaxed = practice.settings.mfaRequired && !updated.settings.mfaRequired;
    await tx.appendAudit(
      [staffAuditEvent(actor, relaxed ? 'settings.update.mfa-relaxed' : 'settings.update', `practice:${practice.id}`)],
      now,
    );
    return updated;
  });
}
