/**
 * The English wording of every goal-text finding: a message and a concrete suggestion per code. Wording lives here,
 * apart from the rules, so another language is another table with the same keys.
 *
 * @example
 * GOAL_TEXT_MESSAGES['goal-missing-deadline']({}).suggestion; // 'Add when it is due, e.g. "within 12 weeks" …'
 */
import type { GoalTextFindingCode } from './goal-text-finding-code.js';

/** What a message may mention. */
export interface MessageData {
  readonly words?: string;
  readonly measure?: string;
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly label?: string;
  readonly date?: string;
  readonly change?: number;
  readonly threshold?: number;
  readonly cutoff?: number;
  readonly weeks?: number;
  readonly perWeek?: number;
  readonly typical?: number;
  readonly length?: number;
  readonly limit?: number;
}

/** A message and its suggestion. */
export interface MessageText {
  readonly message: string;
  readonly suggestion: string;
}

type MessageTable = { readonly [code in GoalTextFindingCode]: (data: MessageData) => MessageText };

const quoted = (words: string | undefined): string => (words === undefined || words === '' ? 'the goal' : `"${words}"`);

/** English wording for each finding code. */
export const GOAL_TEXT_MESSAGES: MessageTable = {
  'goal-text-empty': () => ({
    message: 'The goal text is empty.',
    suggestion:
      'Write what will change, how much and by when, e.g. "Reduce PHQ-9 from 18 to 9 or below within 16 weeks."',
  }),
  'goal-text-too-long': (d) => ({
    message: `The goal text has ${d.length ?? 0} characters; at most ${d.limit ?? 2000} are analysed.`,
    suggestion: 'Keep one goal per statement and move background and interventions to their own fields.',
  }),
  'goal-vague': (d) => ({
    message: `${quoted(d.words)} names a global state or trait, not a behaviour, event or task you can observe.`,
    suggestion:
      'Name what will be seen or counted (e.g. "panic attacks per week", "days at work", "completing the exposure hierarchy"), or an instrument (e.g. "PHQ-9 from 18 to 9 or below").',
  }),
  'goal-no-measure': (d) => ({
    message: `Nothing in ${quoted(d.words)} can be measured: there is no instrument, count or task that is done or not.`,
    suggestion:
      'Add how much: a count per week ("at least 3 times a week"), a score ("GAD-7 7 or below"), or a task with an observable end.',
  }),
  'goal-no-target-value': (d) => ({
    message: `${quoted(d.words)} says what should change but not the value to reach.`,
    suggestion:
      d.measure === undefined
        ? 'Add the value to reach, e.g. "to 1 or fewer per week" or "by 50%".'
        : `Add the ${d.measure} score to reach${d.cutoff === undefined ? '' : `, e.g. "below ${d.cutoff}"`}, or a change${d.threshold === undefined ? '' : `, e.g. "by at least ${d.threshold} points"`}.`,
  }),
  'goal-missing-deadline': () => ({
    message: 'The goal has no deadline.',
    suggestion: 'Add when it is due, e.g. "within 12 weeks", "by week 8", "by session 10" or "by 31 March 2027".',
  }),
  'goal-missing-baseline': (d) => ({
    message: `The target ${quoted(d.words)} has no starting value.`,
    suggestion: 'Add the baseline ("from 18", "from 3 per week") so progress and achievability can be judged.',
  }),
  'goal-value-out-of-range': (d) => ({
    message: `${d.value ?? ''} is outside the ${d.measure ?? 'instrument'} range (${d.min ?? ''}–${d.max ?? ''}).`,
    suggestion: `Use a ${d.measure ?? 'score'} value between ${d.min ?? ''} and ${d.max ?? ''}.`,
  }),
  'goal-direction-conflict': (d) => ({
    message: `In ${quoted(d.words)} the target goes the other way from the verb.`,
    suggestion: 'Check the numbers and the verb ("reduce from 18 to 9", "increase from 1 to 5").',
  }),
  'goal-target-already-met': (d) => ({
    message: `The baseline (${d.value ?? ''}) already meets the target of ${quoted(d.words)}.`,
    suggestion: 'Set a target beyond the current value, or make it a maintenance goal ("maintain … for 8 weeks").',
  }),
  'goal-unknown-band': (d) => ({
    message: `${d.measure ?? 'The instrument'} has no "${d.label ?? ''}" defined, so the target cannot be read as a score.`,
    suggestion: `Give the ${d.measure ?? 'score'} value to reach${d.cutoff === undefined ? '' : `, e.g. "below ${d.cutoff}"`}.`,
  }),
  'goal-unknown-instrument': (d) => ({
    message: `${d.words ?? 'This scale'} is not one of the instruments Cairn scores, so it cannot be charted or checked.`,
    suggestion: 'Use an instrument Cairn knows (PHQ-9, GAD-7, PCL-5, …) or track it as a counted behaviour.',
  }),
  'goal-deadline-passed': (d) => ({
    message: `The deadline ${d.date ?? ''} is not after today.`,
    suggestion: 'Set a deadline in the future.',
  }),
  'goal-invalid-date': (d) => ({
    message: `${quoted(d.words)} is not a calendar date.`,
    suggestion: 'Write the date as "31 March 2027" or "2027-03-31".',
  }),
  'goal-deadline-not-dated': (d) => ({
    message: `The goal is due ${quoted(d.words)}, which has no date of its own.`,
    suggestion:
      'Give a week or a date as well, e.g. "within 16 weeks" or "by 31 March 2027", so progress can be tracked.',
  }),
  'goal-target-past-floor': (d) => ({
    message: `From a baseline of ${d.value ?? ''}, a change of ${d.change ?? ''} goes past the ${d.measure ?? 'scale'}'s range (${d.min ?? ''}–${d.max ?? ''}).`,
    suggestion: 'Choose a change that stays within the scale, or a target score instead.',
  }),
  'goal-change-too-fast': (d) => ({
    message: `The target needs about ${d.perWeek ?? ''} points a week on ${d.measure ?? 'the instrument'}, more than its usual ${d.typical ?? ''} a week.`,
    suggestion: 'Allow more time or set an intermediate objective.',
  }),
  'goal-change-below-reliable-change': (d) => ({
    message: `A change of ${d.change ?? ''} on ${d.measure ?? 'the instrument'} is smaller than its reliable-change threshold of ${d.threshold ?? ''} points.`,
    suggestion: `Aim for a change of at least ${d.threshold ?? ''} points so improvement can be told from measurement error.`,
  }),
  'goal-not-linked-to-formulation': () => ({
    message: 'The goal is not linked to any element of the formulation.',
    suggestion: 'Link it to the maintaining factor or problem it addresses (e.g. "withdrawal and inactivity").',
  }),
  'goal-not-endorsed': () => ({
    message: 'The client has not endorsed this goal.',
    suggestion: 'Review the goal with the client and record their endorsement, in their own words if they wish.',
  }),
};
