/**
 * Relevant (only with a client context): the goal is linked to at least one formulation element and the client has
 * not declined it. Not linked (`goal-not-linked-to-formulation`) or not endorsed (`goal-not-endorsed`) → not met.
 * Without links and without an endorsement status → null.
 *
 * @example
 * judgeRelevant({ formulationElementIds: ['fe1'], endorsed: true }).verdict.met; // true
 */
import type { GoalContext, GoalTextFinding } from '../goal-analysis.js';
import { makeFinding } from '../make-finding.js';
import type { Judgement } from './judge-specific.js';

/**
 * Judges Relevant from the goal's formulation links and the client's endorsement.
 *
 * @example
 * judgeRelevant(undefined).verdict; // { met: null, reason: 'Needs the goal's formulation links and the client's endorsement.' }
 */
export function judgeRelevant(context: GoalContext | undefined): Judgement {
  const links = context?.formulationElementIds;
  const endorsed = context?.endorsed;
  if (links === undefined && endorsed === undefined) {
    return {
      verdict: { met: null, reason: "Needs the goal's formulation links and the client's endorsement." },
      findings: [],
    };
  }
  const findings: GoalTextFinding[] = [];
  const problems: string[] = [];
  const facts: string[] = [];
  if (links !== undefined) {
    if (links.length === 0) {
      findings.push(makeFinding('goal-not-linked-to-formulation', 'warning', {}));
      problems.push('it is not linked to the formulation');
    } else {
      facts.push(`linked to ${links.length} formulation element${links.length === 1 ? '' : 's'}`);
    }
  }
  if (endorsed === false) {
    findings.push(makeFinding('goal-not-endorsed', 'warning', {}));
    problems.push('the client has not endorsed it');
  } else if (endorsed === true) {
    facts.push('endorsed by the client');
  }
  if (problems.length > 0) {
    return { verdict: { met: false, reason: `Not shown to be relevant: ${problems.join(' and ')}.` }, findings };
  }
  const unknown =
    links === undefined ? '; formulation links not given' : endorsed === undefined ? '; endorsement not recorded' : '';
  return { verdict: { met: true, reason: `${capitalise(facts.join(' and '))}${unknown}.` }, findings };
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
