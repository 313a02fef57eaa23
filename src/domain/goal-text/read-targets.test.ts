import { describe, expect, it } from 'vitest';
import { readElements } from './read-elements.js';
import { readTargets } from './read-targets.js';
import { TEST_GOAL_TEXT_INSTRUMENTS } from './testing/test-goal-text-instruments.js';
import { tokenize } from './tokenize.js';

const read = (text: string) => {
  const tokens = tokenize(text);
  const elements = readElements(tokens, {
    today: '2026-09-01',
    instruments: TEST_GOAL_TEXT_INSTRUMENTS,
    allCaps: false,
  });
  return readTargets(text, tokens, elements, TEST_GOAL_TEXT_INSTRUMENTS);
};
const targets = (text: string) => read(text).clauses.map((c) => c.target);

describe('readTargets', () => {
  it('reads baseline and target from "from … to …"', () => {
    expect(targets('Lower GAD-7 from 15 to ≤7 within 12 weeks.')[0]).toMatchObject({
      kind: 'instrument',
      measure: 'gad7',
      direction: 'decrease',
      baseline: { value: 15, per: null },
      target: { kind: 'absolute', value: 7, comparator: '<=', per: null },
    });
  });

  it('gives a bare "to N" the comparator of the direction', () => {
    expect(targets('Reduce PHQ-9 to 9.')[0]?.target).toMatchObject({ value: 9, comparator: '<=' });
    expect(targets('Increase pleasurable activities to 5 per week.')[0]?.target).toMatchObject({
      value: 5,
      comparator: '>=',
      per: 'week',
    });
  });

  it('reads "zero" and "eliminate" as 0 with <=', () => {
    expect(targets('Reduce panic attacks from 4 per week to zero.')[0]?.target).toMatchObject({
      value: 0,
      comparator: '<=',
    });
    expect(targets('Eliminate safety behaviours.')[0]?.target).toMatchObject({ value: 0, comparator: '<=' });
  });

  it('lists two targets in text order', () => {
    const found = targets(
      'Reduce panic attacks from 3/week to ≤1/month and resume independent grocery shopping within 12 weeks.',
    );
    expect(found.map((t) => [t.kind, t.behavior])).toEqual([
      ['behavior', 'panic attacks'],
      ['task', 'resume independent grocery shopping'],
    ]);
    expect(found[0]?.baseline).toEqual({ value: 3, per: 'week' });
  });

  it('shares a goal between two instruments named together', () => {
    const found = targets('Reduce PHQ-9 and GAD-7 to below 10 within 12 weeks.');
    expect(found.map((t) => [t.measure, t.target])).toEqual([
      ['phq9', { kind: 'absolute', value: 10, comparator: '<', per: null }],
      ['gad7', { kind: 'absolute', value: 10, comparator: '<', per: null }],
    ]);
  });

  it('keeps an instrument that names the same target after a comma', () => {
    const found = targets('Reduce alcohol use, AUDIT from 22 to 7 or less, within 6 months.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ measure: 'audit', baseline: { value: 22 } });
  });

  it('does not split "identify and restructure"', () => {
    expect(targets('Identify and restructure at least 3 depressive automatic thoughts per week.')).toHaveLength(1);
  });

  it('ignores means clauses', () => {
    const found = targets('Reduce PHQ-9 from 18 to 9 by increasing weekly pleasurable activities to 3 per week.');
    expect(found).toHaveLength(1);
    expect(found[0]?.target).toMatchObject({ value: 9, per: null });
  });

  it('reads a relative change with the sign of the direction', () => {
    expect(targets('Reduce PHQ-9 by 8 points.')[0]?.target).toEqual({ kind: 'change', change: -8 });
    expect(targets('Achieve a 50% reduction in PHQ-9 score.')[0]?.target).toEqual({
      kind: 'change-percent',
      changePercent: -50,
    });
    expect(targets('Halve the number of panic attacks.')[0]?.target).toEqual({
      kind: 'change-percent',
      changePercent: -50,
    });
  });

  it('turns a named band into its upper bound', () => {
    expect(targets('Bring PHQ-9 down to mild.')[0]?.target).toMatchObject({ value: 9, comparator: '<=' });
  });

  it('notes a band the instrument does not have', () => {
    const clause = read('Reduce PCL-5 to the mild range.').clauses[0];
    expect(clause?.target.target).toBeNull();
    expect(clause?.notes[0]).toMatchObject({ kind: 'unknown-band', label: 'mild' });
  });

  it('reads caseness and remission from the instrument', () => {
    expect(targets('GAD-7 below the clinical cut-off.')[0]?.target).toMatchObject({ value: 8, comparator: '<' });
    expect(targets('Achieve remission on the PHQ-9.')[0]?.target).toMatchObject({ value: 5, comparator: '<' });
  });

  it('judges a global state vague and a defined event specific', () => {
    expect(read('Reduce anxiety at work.').clauses[0]?.specific).toBe(false);
    expect(read('Reduce panic attacks.').clauses[0]).toMatchObject({ specific: true, measurable: false });
  });

  it('treats a count per period as defining a state', () => {
    expect(read('Feel anxious on no more than 2 days a week.').clauses[0]).toMatchObject({
      specific: true,
      measurable: true,
    });
  });

  it('reads tasks that are done or not', () => {
    expect(read('Complete an exposure hierarchy of 10 items.').clauses[0]).toMatchObject({
      task: true,
      measurable: true,
    });
    expect(read('Exercise more often.').clauses[0]).toMatchObject({ task: false, measurable: false });
  });

  it('collects deadlines, milestones and unknown scales', () => {
    const reading = read('Decrease BDI-II from 30 to 13 by discharge.');
    expect(reading.deadlines[0]?.reading.kind).toBe('milestone');
    expect(reading.unknownScales[0]?.name).toBe('BDI-II');
  });

  it('skips a label before the statement', () => {
    expect(targets('Goal 2: Lower PHQ-9 from 22 to 9.')[0]?.baseline?.value).toBe(22);
  });

  it.each([
    'Go to the supermarket alone by week 9.',
    'Order food at a restaurant without help.',
    'Have a conversation with the neighbour.',
    'Practise the breathing technique during each panic attack.',
    'Client will be able to sit through a full meeting without leaving.',
    'Walk to the end of the road.',
    'Client will complete the PHQ-9 every two weeks.',
  ])('reads "%s" as a task that is done or not', (text) => {
    expect(read(text).clauses[0]).toMatchObject({ task: true, measurable: true });
  });

  it.each(['Use coping skills when anxious.', 'Make eye contact during conversations.', 'Exercise regularly.'])(
    'does not read the habit "%s" as a task',
    (text) => {
      expect(read(text).clauses[0]?.task).toBe(false);
    },
  );

  it('reads the number of a named cut-off as the target', () => {
    expect(targets('Reduce PCL-5 total below the probable PTSD cut-off of 33.')[0]?.target).toMatchObject({
      value: 33,
      comparator: '<',
    });
  });

  it('takes the period of a count from the subject ("weekly pleasurable activities")', () => {
    expect(targets('Increase weekly pleasurable activities from 2 to 6.')[0]?.target).toMatchObject({
      value: 6,
      per: 'week',
    });
    expect(targets('Reduce the average number of drinks per week to 14 or less.')[0]?.target).toMatchObject({
      per: 'week',
    });
  });

  it('judges a head by its last noun ("safety behaviours" specific, "negative automatic thoughts" vague)', () => {
    expect(read('Reduce safety behaviours during exposure.').clauses[0]?.specific).toBe(true);
    expect(read('Challenge negative automatic thoughts.').clauses[0]?.specific).toBe(false);
    expect(read('Have fewer bad days.').clauses[0]?.specific).toBe(false);
  });

  it('writes the subject as in the text', () => {
    expect(targets('Reduce time in bed during the day from ~4 hours to ≤1 hour.')[0]?.behavior).toBe(
      'time in bed during the day',
    );
  });
});
