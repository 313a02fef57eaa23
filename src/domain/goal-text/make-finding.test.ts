import { describe, expect, it } from 'vitest';
import { makeFinding } from './make-finding.js';

describe('makeFinding', () => {
  it('builds an issue with the message, the suggestion, the span and the data', () => {
    expect(makeFinding('goal-vague', 'warning', { words: 'anxiety' }, { start: 7, end: 14 })).toEqual({
      code: 'goal-vague',
      severity: 'warning',
      message: '"anxiety" names a global state or trait, not a behaviour, event or task you can observe.',
      suggestion: expect.stringContaining('panic attacks per week'),
      span: { start: 7, end: 14 },
      data: { words: 'anxiety' },
    });
  });

  it('leaves out span and data when there are none', () => {
    expect(Object.keys(makeFinding('goal-missing-deadline', 'warning', {}))).toEqual([
      'code',
      'severity',
      'message',
      'suggestion',
    ]);
  });
});
