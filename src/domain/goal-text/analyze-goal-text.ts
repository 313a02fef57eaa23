/**
 * The SMART analysis of one goal or objective statement (DESIGN 2.5, 3.2): the structured targets and deadline, a
 * verdict per SMART criterion with its reason and the words it rests on, and findings with stable codes. Pure and
 * synchronous; never throws on any input; runs in the browser.
 *
 * @example
 * const analysis = analyzeGoalText('Reduce PHQ-9 from 18 to ≤9 within 16 weeks.', { today: '2026-09-01', instruments });
 * analysis.smart.timeBound.met; // true
 * analysis.targets[0]; // { kind: 'instrument', measure: 'phq9', direction: 'decrease', baseline: { value: 18, per: null }, target: { kind: 'absolute', value: 9, comparator: '<=', per: null }, … }
 * analysis.deadline; // { kind: 'relative', amount: 16, unit: 'week', dueDate: '2026-12-22', … }
 */
import type { AnalyzeGoalTextOptions, GoalAnalysis, GoalTextFinding, SmartVerdicts } from './goal-analysis.js';
import { makeFinding } from './make-finding.js';
import { readElements } from './read-elements.js';
import { readTargets } from './read-targets.js';
import { checkTargetValues } from './rules/check-target-values.js';
import { judgeAchievable } from './rules/judge-achievable.js';
import { judgeMeasurable } from './rules/judge-measurable.js';
import { judgeRelevant } from './rules/judge-relevant.js';
import { judgeSpecific } from './rules/judge-specific.js';
import { judgeTimeBound } from './rules/judge-time-bound.js';
import { tokenize } from './tokenize.js';

/** The longest text analysed; longer text gets `goal-text-too-long` and no analysis. */
export const MAX_GOAL_TEXT_LENGTH = 2000;

function unanalysed(
  reason: string,
  finding: GoalTextFinding,
  context: AnalyzeGoalTextOptions['context'],
): GoalAnalysis {
  const judged = context === undefined ? null : false;
  const smart: SmartVerdicts = {
    specific: { met: false, reason },
    measurable: { met: false, reason },
    achievable: {
      met: judged,
      reason: context === undefined ? "Needs the client's baseline and the time to the deadline." : reason,
    },
    relevant: {
      met: judged,
      reason: context === undefined ? "Needs the goal's formulation links and the client's endorsement." : reason,
    },
    timeBound: { met: false, reason },
  };
  return { smart, targets: [], deadline: null, findings: [finding] };
}

function isMostlyCapitals(text: string): boolean {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      letters++;
      upper++;
    } else if (code >= 97 && code <= 122) {
      letters++;
    }
  }
  return letters >= 12 && upper / letters > 0.6;
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/**
 * Analyses a goal or objective statement.
 *
 * @example
 * analyzeGoalText('Reduce anxiety.', { today: '2026-09-01', instruments }).smart.specific.met; // false
 */
export function analyzeGoalText(text: string, options: AnalyzeGoalTextOptions): GoalAnalysis {
  const source = typeof text === 'string' ? text : '';
  if (source.trim() === '') {
    return unanalysed('The text is empty.', makeFinding('goal-text-empty', 'error', {}), options.context);
  }
  if (source.length > MAX_GOAL_TEXT_LENGTH) {
    return unanalysed(
      `The text is longer than ${MAX_GOAL_TEXT_LENGTH} characters and was not analysed.`,
      makeFinding('goal-text-too-long', 'error', { length: source.length, limit: MAX_GOAL_TEXT_LENGTH }),
      options.context,
    );
  }
  const tokens = tokenize(source);
  const elements = readElements(tokens, {
    today: options.today,
    instruments: options.instruments,
    allCaps: isMostlyCapitals(source),
  });
  const reading = readTargets(source, tokens, elements, options.instruments);

  const specific = judgeSpecific(reading, source);
  const measurable = judgeMeasurable(reading, source);
  const timeBound = judgeTimeBound(
    reading,
    source,
    options.context === undefined ? { today: options.today } : { today: options.today, context: options.context },
  );
  const achievable = judgeAchievable(
    reading,
    timeBound.deadline,
    options.context === undefined ? { today: options.today } : { today: options.today, context: options.context },
  );
  const relevant = judgeRelevant(options.context);
  const values = checkTargetValues(reading, source, options.context);

  const findings = [
    ...specific.findings,
    ...measurable.findings,
    ...timeBound.findings,
    ...values,
    ...achievable.findings,
    ...relevant.findings,
  ];
  findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  return {
    smart: {
      specific: specific.verdict,
      measurable: measurable.verdict,
      achievable: achievable.verdict,
      relevant: relevant.verdict,
      timeBound: timeBound.verdict,
    },
    targets: reading.clauses.map((c) => c.target),
    deadline: timeBound.deadline,
    findings,
  };
}
