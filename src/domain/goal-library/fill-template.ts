/**
 * Fills the `{slot}` placeholders of a library statement template. A slot with no value stays visible as
 * `[slot]` and is listed in `missing`, so the clinician sees what is left to fill in.
 *
 * @example
 * fillTemplate('Reduce {behavior} from {baseline} to {target} or fewer per week', { behavior: 'panic attacks', baseline: 4 });
 * // { text: 'Reduce panic attacks from 4 to [target] or fewer per week', missing: ['target'] }
 */
import type { TemplateSlot } from './problem-model.js';

/**
 * Values for the slots of a template; absent or null means unknown.
 *
 * @example
 * const values: TemplateValues = { instrument: 'GAD-7', baseline: 15, target: 7, weeks: 16 };
 */
export type TemplateValues = Partial<Record<TemplateSlot, string | number | null>>;

/**
 * A filled template and the slots that had no value.
 *
 * @example
 * const filled: FilledTemplate = fillTemplate('from {baseline}', {}); // { text: 'from [baseline]', missing: ['baseline'] }
 */
export interface FilledTemplate {
  readonly text: string;
  readonly missing: readonly TemplateSlot[];
}

/**
 * Replaces every `{slot}` with its value.
 *
 * @example
 * fillTemplate('within {weeks} weeks', { weeks: 12 }).text; // 'within 12 weeks'
 */
export function fillTemplate(template: string, values: TemplateValues): FilledTemplate {
  const missing: TemplateSlot[] = [];
  const text = template.replace(/\{([a-z]+)\}/g, (_whole, slot: string) => {
    const value = values[slot as TemplateSlot];
    if (value === undefined || value === null || value === '') {
      if (!missing.includes(slot as TemplateSlot)) missing.push(slot as TemplateSlot);
      return `[${slot}]`;
    }
    return String(value);
  });
  return { text, missing };
}
