import { describe, expect, it } from 'vitest';
import { fillTemplate } from './fill-template.js';

describe('fillTemplate', () => {
  it('replaces every slot with its value', () => {
    expect(
      fillTemplate('Reduce {instrument} from {baseline} to {target} within {weeks} weeks', {
        instrument: 'PHQ-9',
        baseline: 18,
        target: 9,
        weeks: 16,
      }),
    ).toEqual({ text: 'Reduce PHQ-9 from 18 to 9 within 16 weeks', missing: [] });
  });

  it('keeps unknown slots visible and lists each once', () => {
    expect(fillTemplate('{baseline} → {target}, again {target}', { baseline: null })).toEqual({
      text: '[baseline] → [target], again [target]',
      missing: ['baseline', 'target'],
    });
  });

  it('fills a zero value', () => {
    expect(fillTemplate('from {baseline}', { baseline: 0 }).text).toBe('from 0');
  });
});
