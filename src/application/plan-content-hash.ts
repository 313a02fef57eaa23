import { planContent } from '../domain/treatment-plans/plan-content.js';
import type { TreatmentPlan } from '../domain/treatment-plans/treatment-plan.js';
import type { Deps } from './ports.js';

/**
 * The content hash of a plan version: SHA-256 of its canonical content (see `planContent` for what it covers). A
 * signature records it; a co-signature and a client's endorsement name the content they agree to by it.
 *
 * @example
 * planContentHash(deps, plan) // 'a3f1…' (64 hex digits)
 */
export function planContentHash(deps: Pick<Deps, 'digest'>, plan: TreatmentPlan): string {
  return deps.digest.sha256(planContent(plan));
}
