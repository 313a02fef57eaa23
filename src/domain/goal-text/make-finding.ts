/**
 * Builds a goal-text finding from its code, with the wording of `GOAL_TEXT_MESSAGES`.
 *
 * @example
 * makeFinding('goal-missing-deadline', 'warning', {}); // { code: 'goal-missing-deadline', severity: 'warning', message: 'The goal has no deadline.', suggestion: '…' }
 */
import type { Severity, Span } from '../shared/issue.js';
import type { GoalTextFinding } from './goal-analysis.js';
import type { GoalTextFindingCode } from './goal-text-finding-code.js';
import { GOAL_TEXT_MESSAGES, type MessageData } from './goal-text-messages.js';

/**
 * A finding with its message and suggestion; `span` points at the words concerned, `data` keeps the numbers.
 *
 * @example
 * makeFinding('goal-vague', 'warning', { words: 'anxiety' }, { start: 7, end: 14 }).message;
 */
export function makeFinding(
  code: GoalTextFindingCode,
  severity: Severity,
  data: MessageData,
  span?: Span,
): GoalTextFinding {
  const { message, suggestion } = GOAL_TEXT_MESSAGES[code](data);
  const hasData = Object.keys(data).length > 0;
  return {
    code,
    severity,
    message,
    suggestion,
    ...(span !== undefined ? { span } : {}),
    ...(hasData ? { data: { ...data } } : {}),
  };
}
