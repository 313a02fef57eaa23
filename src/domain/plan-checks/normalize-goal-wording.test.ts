import { describe, expect, it } from 'vitest';
import { normalizeGoalWording } from './normalize-goal-wording.js';

describe('normalizeGoalWording', () => {
  it('ignores case, punctuation, symbols and spacing', () => {
    expect(normalizeGoalWording('  Reduce PHQ-9 from 18 to ≤9,  within 16 weeks. ')).toBe(
      'reduce phq 9 from 18 to 9 within 16 weeks',
    );
  });

  it('keeps numbers so goals from different baselines differ', () => {
    expect(normalizeGoalWording('Reduce GAD-7 from 15 to 7')).not.toBe(
      normalizeGoalWording('Reduce GAD-7 from 14 to 7'),
    );
  });

  it('treats full-width and accented forms consistently', () => {
    expect(normalizeGoalWording('Ｒｅｄｕｃｅ worry')).toBe('reduce worry');
    expect(normalizeGoalWording('Café visits')).toBe(normalizeGoalWording('cafe\u0301 VISITS'));
  });

  it('gives an empty string for text with no letters or digits', () => {
    expect(normalizeGoalWording(' — … ')).toBe('');
  });
});
