import { z } from 'zod';
import { Id } from './common.js';

/**
 * The practice and its settings (DESIGN 2.10).
 *
 * @example
 * const patch: z.infer<typeof UpdateSettingsRequest> = { settings: { mfaRequired: false } };
 */
export const PracticeSettingsView = z.object({
  reviewIntervalDays: z.number().int(),
  mfaRequired: z.boolean(),
  noMeasureAlertWeeks: z.number().int(),
  supervisorCosignRequired: z.boolean(),
  clientSignatureRequired: z.boolean(),
  noteFormat: z.enum(['dap', 'soap']),
  crisisText: z.string(),
});

export const PracticeView = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  settings: PracticeSettingsView,
  createdAt: z.string(),
});

export const UpdateSettingsRequest = z.strictObject({
  name: z.string().max(200).optional(),
  timeZone: z.string().max(100).optional(),
  settings: z
    .strictObject({
      reviewIntervalDays: z.number().int().optional(),
      mfaRequired: z.boolean().optional(),
      noMeasureAlertWeeks: z.number().int().optional(),
      supervisorCosignRequired: z.boolean().optional(),
      clientSignatureRequired: z.boolean().optional(),
      noteFormat: z.enum(['dap', 'soap']).optional(),
      crisisText: z.string().max(2000).optional(),
    })
    .optional(),
});
