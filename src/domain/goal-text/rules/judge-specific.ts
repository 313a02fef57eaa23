/**
 * Specific: the goal names a defined behaviour, event or task (panic attacks, days at work, completing an exposure
 * hierarchy), or an instrument, or a global state that a rating or a count of occasions defines ("anxiety 3/10",
 * "feel anxious no more than 2 days a week"). A goal made only of global states and traits ("feel better",
 * "reduce anxiety", "self-esteem", "coping") is not specific. With several targets, one specific target is enough;
 * each vague part still gets a `goal-vague` finding.
 *
 * @example
 * judgeSpecific(readTargets(…'Reduce anxiety.'…), text).verdict.met; // false
 */
import type { CriterionVerdict, GoalTextFinding } from '../goal-analysis.js';
import { makeFinding } from '../make-finding.js';
import type { ClauseReading, TargetsReading } from '../read-targets.js';

/** A verdict with the findings behind it. */
export interface Judgement {
  readonly verdict: CriterionVerdict;
  readonly findings: readonly GoalTextFinding[];
}

function describe(clause: ClauseReading, text: string): string {
  const target = clause.target;
  if (target.measure !== null) return `names the instrument ${clause.instrument?.shortName ?? target.measure}`;
  if (target.scaleName !== undefined) return `names the scale ${target.scaleName}`;
  const words = target.behavior ?? text.slice(clause.span.start, clause.span.end);
  if (clause.task) return `names a defined task: "${words}"`;
  if (clause.globalWords.length > 0 && clause.headWords.every((w) => clause.globalWords.includes(w))) {
    return `defines "${words}" by a count or rating`;
  }
  return `names a defined behaviour or event: "${words}"`;
}

/**
 * Judges Specific from the clauses of the statement.
 *
 * @example
 * judgeSpecific(reading, 'Reduce panic attacks to 1 per month.').verdict.reason; // 'names a defined behaviour or event: "panic attacks"'
 */
export function judgeSpecific(reading: TargetsReading, text: string): Judgement {
  const specific = reading.clauses.filter((c) => c.specific);
  const vague = reading.clauses.filter((c) => !c.specific);
  const findings = vague.map((clause) =>
    makeFinding('goal-vague', 'warning', { words: vagueWords(clause, text) }, clause.span),
  );
  if (specific.length > 0) {
    const reason = specific.map((c) => describe(c, text)).join('; ');
    return { verdict: { met: true, reason: capitalise(reason), spans: specific.map((c) => c.span) }, findings };
  }
  if (vague.length === 0) {
    return {
      verdict: { met: false, reason: 'No behaviour, event, task or instrument is named.' },
      findings: [makeFinding('goal-vague', 'warning', { words: text.trim() })],
    };
  }
  const words = vague.map((c) => vagueWords(c, text)).join('", "');
  return {
    verdict: {
      met: false,
      reason: `Names only a global state or trait ("${words}"), not a behaviour, event, task or instrument.`,
      spans: vague.map((c) => c.span),
    },
    findings,
  };
}

function vagueWords(clause: ClauseReading, text: string): string {
  if (clause.target.behavior !== null) return clause.target.behavior;
  if (clause.headWords.length > 0) return clause.headWords.join(' ');
  return text.slice(clause.span.start, clause.span.end);
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
