/**
 * Reads a statement the way `analyzeGoalText` does, for the tests of the rules. Not used by production code.
 *
 * @example
 * const reading = readForTest('Reduce anxiety.');
 */
import { readElements } from '../read-elements.js';
import { readTargets, type TargetsReading } from '../read-targets.js';
import { tokenize } from '../tokenize.js';
import { TEST_GOAL_TEXT_INSTRUMENTS } from './test-goal-text-instruments.js';

/**
 * The clauses, deadlines and unknown scales of a statement, with the test instruments and today 2026-09-01.
 *
 * @example
 * readForTest('Reduce panic attacks.').clauses[0]?.specific; // true
 */
export function readForTest(text: string): TargetsReading {
  const tokens = tokenize(text);
  const elements = readElements(tokens, {
    today: '2026-09-01',
    instruments: TEST_GOAL_TEXT_INSTRUMENTS,
    allCaps: false,
  });
  return readTargets(text, tokens, elements, TEST_GOAL_TEXT_INSTRUMENTS);
}
