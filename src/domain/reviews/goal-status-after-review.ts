/**
 * The rule that turns a review's decision and outcome into the goal's lifecycle status (DESIGN 2.2: the review's
 * outcome and decision set the lifecycle status; the three vocabularies stay apart). Decided in this order:
 *
 * 1. `discontinue` → `discontinued` (whatever the outcome);
 * 2. `revise` → `revised` (the goal is rewritten in the next plan version, which links to this one);
 * 3. `continue` with outcome `met` → `met` (the goal is achieved; keeping it up is its own goal if wanted);
 * 4. `continue` otherwise → `active` (work on the goal goes on; `partially-met` and `not-met` stay in the review).
 *
 * @example
 * goalStatusAfterReview('met', 'continue') // 'met'
 * goalStatusAfterReview('met', 'discontinue') // 'discontinued'
 * goalStatusAfterReview('not-met', 'revise') // 'revised'
 * goalStatusAfterReview('partially-met', 'continue') // 'active'
 */
import type { GoalStatus } from '../treatment-plans/goal.js';
import type { ReviewDecision, ReviewOutcome } from './review.js';

export function goalStatusAfterReview(outcome: ReviewOutcome, decision: ReviewDecision): GoalStatus {
  switch (decision) {
    case 'discontinue':
      return 'discontinued';
    case 'revise':
      return 'revised';
    case 'continue':
      return outcome === 'met' ? 'met' : 'active';
  }
}
