/**
 * How the formulation editor names and groups the element kinds of the domain (`FormulationElementKind`, DESIGN 2.1):
 * a singular and plural label per kind, a prompt, and the sections of the editor in reading order.
 *
 * @example
 * KIND_LABELS['safety-behaviour'].one; // 'Safety behaviour'
 */
import type { FormulationElementKind } from '../../../domain/formulation/formulation.js';

/**
 * Labels and a short prompt for one element kind.
 *
 * @example
 * const label: KindLabel = { one: 'Value', many: 'Values', prompt: 'What matters to them?' };
 */
export interface KindLabel {
  readonly one: string;
  readonly many: string;
  readonly prompt: string;
}

/**
 * Labels of every element kind.
 *
 * @example
 * KIND_LABELS.thought.many; // 'Thoughts'
 */
export const KIND_LABELS: Readonly<Record<FormulationElementKind, KindLabel>> = {
  'presenting-problem': {
    one: 'Presenting problem',
    many: 'Presenting problems',
    prompt: 'What brings the client, in plain words.',
  },
  predisposing: { one: 'Predisposing factor', many: 'Predisposing factors', prompt: 'Earlier experiences, history.' },
  precipitating: { one: 'Precipitating factor', many: 'Precipitating factors', prompt: 'What set it off now.' },
  perpetuating: {
    one: 'Perpetuating factor',
    many: 'Perpetuating (maintaining) factors',
    prompt: 'What keeps it going.',
  },
  protective: { one: 'Protective factor', many: 'Protective factors', prompt: 'What helps or buffers.' },
  situation: { one: 'Situation', many: 'Situations (triggers)', prompt: 'Where and when it happens.' },
  thought: { one: 'Thought', many: 'Thoughts', prompt: 'What goes through their mind, in their words.' },
  emotion: { one: 'Emotion', many: 'Emotions', prompt: 'What they feel.' },
  bodily: { one: 'Bodily sensation', many: 'Bodily sensations', prompt: 'What they notice in their body.' },
  behaviour: { one: 'Behaviour', many: 'Behaviours', prompt: 'What they then do.' },
  'core-belief': { one: 'Core belief', many: 'Core beliefs', prompt: 'About self, others, the world.' },
  'rule-assumption': {
    one: 'Rule or assumption',
    many: 'Rules and assumptions',
    prompt: '"If … then …", "I must …".',
  },
  'safety-behaviour': {
    one: 'Safety behaviour',
    many: 'Safety behaviours',
    prompt: 'What they do to feel safer or prevent the feared outcome.',
  },
  avoidance: { one: 'Avoidance', many: 'Avoidance', prompt: 'Situations, people, sensations they avoid.' },
  strength: { one: 'Strength', many: 'Strengths', prompt: 'Skills and qualities to build on.' },
  value: { one: 'Value', many: 'Values', prompt: 'What matters to them.' },
};

/**
 * A section of the editor: a heading and the kinds it holds.
 *
 * @example
 * const section: KindSection = { title: 'Beliefs', kinds: ['core-belief', 'rule-assumption'] };
 */
export interface KindSection {
  readonly title: string;
  readonly kinds: readonly FormulationElementKind[];
}

/**
 * The editor's sections in reading order; together they hold every kind once.
 *
 * @example
 * KIND_SECTIONS.map((s) => s.title)[0]; // 'Presenting problems'
 */
export const KIND_SECTIONS: readonly KindSection[] = [
  { title: 'Presenting problems', kinds: ['presenting-problem'] },
  { title: 'Background', kinds: ['predisposing', 'precipitating'] },
  {
    title: 'Maintenance cycle (situation → thoughts → emotions → body → behaviour)',
    kinds: ['situation', 'thought', 'emotion', 'bodily', 'behaviour'],
  },
  { title: 'What keeps it going', kinds: ['perpetuating', 'safety-behaviour', 'avoidance'] },
  { title: 'Beliefs', kinds: ['core-belief', 'rule-assumption'] },
  { title: 'Protective factors, strengths and values', kinds: ['protective', 'strength', 'value'] },
];
