import { z } from 'zod';
import { Id } from './common.js';

/**
 * Supervision links: a supervisor reaches the clients of the clinicians they supervise.
 *
 * @example
 * const link: z.infer<typeof SupervisionView> = { supervisorId: '…', clinicianId: '…', createdAt: '2026-11-26T12:00:00.000Z' };
 */
export const SupervisionView = z.object({ supervisorId: Id, clinicianId: Id, createdAt: z.string() });

export const SupervisionRequest = z.strictObject({ supervisorId: Id, clinicianId: Id });
