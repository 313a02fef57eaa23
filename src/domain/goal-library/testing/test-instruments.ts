/**
 * Instrument definitions for the tests of the goal library, goal assistant and plan checks. Domain tests may not
 * import `src/measures`, so these restate the few fields the rules read, each from reference/measures.md (the
 * section and source ids are in `citations`). Not used by production code.
 *
 * @example
 * proposeInstrumentTargets(TEST_GAD7, 15)[0]?.value; // 7
 */
import type { TargetRuleInstrument } from '../propose-instrument-targets.js';

/**
 * An instrument as the tests pass it: the target-rule fields plus the names the goal-text analysis matches.
 *
 * @example
 * const gad7: TestInstrument = TEST_GAD7;
 */
export interface TestInstrument extends TargetRuleInstrument {
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * PHQ-9 (reference/measures.md §1).
 *
 * @example
 * proposeInstrumentTargets(TEST_PHQ9, 18, { prefer: ['remission'] })[0]?.value; // 4
 */
export const TEST_PHQ9: TestInstrument = {
  id: 'phq9',
  shortName: 'PHQ-9',
  name: 'Patient Health Questionnaire-9',
  aliases: ['PHQ-9', 'PHQ9', 'PHQ 9'],
  direction: 'lower-is-better',
  range: { min: 0, max: 27 },
  bands: [
    { min: 0, max: 4, label: 'minimal' },
    { min: 5, max: 9, label: 'mild' },
    { min: 10, max: 14, label: 'moderate' },
    { min: 15, max: 19, label: 'moderately severe' },
    { min: 20, max: 27, label: 'severe' },
  ],
  casenessCutoff: 10,
  reliableChangeThreshold: 6,
  remission: { below: 5, baselineAbove: 9, source: 'reference/measures.md §1 Remission (CMS159) [S9]' },
  recovery: { kind: 'nhs-talking-therapies', source: 'reference/measures.md Methods B [S12][S83]' },
  typicalChangePerWeek: null,
  source: 'reference/measures.md §1',
  citations: {
    bands: 'reference/measures.md §1 Severity bands [S1][S6][S7]',
    casenessCutoff: 'reference/measures.md §1 Cut-offs, NHS Talking Therapies caseness [S6]',
    reliableChangeThreshold: 'reference/measures.md §1 Change thresholds [S11][S12]',
  },
};

/**
 * GAD-7 (reference/measures.md §2). No sourced remission rule.
 *
 * @example
 * proposeInstrumentTargets(TEST_GAD7, 15)[0]?.value; // 7
 */
export const TEST_GAD7: TestInstrument = {
  id: 'gad7',
  shortName: 'GAD-7',
  name: 'Generalized Anxiety Disorder 7-item',
  aliases: ['GAD-7', 'GAD7', 'GAD 7'],
  direction: 'lower-is-better',
  range: { min: 0, max: 21 },
  bands: [
    { min: 0, max: 4, label: 'minimal' },
    { min: 5, max: 9, label: 'mild' },
    { min: 10, max: 14, label: 'moderate' },
    { min: 15, max: 21, label: 'severe' },
  ],
  casenessCutoff: 8,
  reliableChangeThreshold: 4,
  remission: null,
  recovery: { kind: 'nhs-talking-therapies', source: 'reference/measures.md Methods B [S12][S83]' },
  typicalChangePerWeek: null,
  source: 'reference/measures.md §2',
  citations: {
    bands: 'reference/measures.md §2 Severity bands [S1][S19]',
    casenessCutoff: 'reference/measures.md §2 Cut-offs, NHS Talking Therapies caseness [S18]',
    reliableChangeThreshold: 'reference/measures.md §2 Change thresholds [S11][S12]',
  },
};

/**
 * PCL-5 (reference/measures.md §3): no bands; provisional-diagnosis cut-point 33; reliable change 15 (Marx 2022).
 *
 * @example
 * proposeInstrumentTargets(TEST_PCL5, 50, { prefer: ['reliable-improvement'] })[0]?.value; // 35
 */
export const TEST_PCL5: TestInstrument = {
  id: 'pcl5',
  shortName: 'PCL-5',
  name: 'PTSD Checklist for DSM-5',
  aliases: ['PCL-5', 'PCL5', 'PCL'],
  direction: 'lower-is-better',
  range: { min: 0, max: 80 },
  bands: null,
  casenessCutoff: 33,
  reliableChangeThreshold: 15,
  remission: null,
  recovery: null,
  typicalChangePerWeek: null,
  source: 'reference/measures.md §3',
  citations: {
    casenessCutoff: 'reference/measures.md §3 Provisional diagnosis, cut-point 31–33 [S24][S1]',
    reliableChangeThreshold: 'reference/measures.md §3 Change thresholds, Marx 2022 [S29]',
  },
};

/**
 * All test instruments.
 *
 * @example
 * suggestGoalRewrites({ text: 'Reduce anxiety', today, plan, instruments: TEST_INSTRUMENTS, client });
 */
export const TEST_INSTRUMENTS: readonly TestInstrument[] = [TEST_PHQ9, TEST_GAD7, TEST_PCL5];
