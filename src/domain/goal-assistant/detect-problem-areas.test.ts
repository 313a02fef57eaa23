import { describe, expect, it } from 'vitest';
import { detectProblemAreas } from './detect-problem-areas.js';

describe('detectProblemAreas', () => {
  it.each([
    ['Reduce anxiety', ['gad']],
    ['feel less depressed', ['depression']],
    ['sleep better', ['insomnia']],
    ['fewer panic attacks', ['panic']],
    ['stop the flashbacks', ['ptsd']],
    ['less checking and washing', ['ocd']],
    ['not so embarrassed with people', ['social-anxiety']],
  ] as const)('finds the area of "%s"', (text, areas) => {
    expect(detectProblemAreas(text)).toEqual(areas);
  });

  it('matches keywords at the start of words only', () => {
    expect(detectProblemAreas('a clean bill of health')).toEqual([]);
  });

  it('puts the area with most keyword hits first', () => {
    expect(detectProblemAreas('less worry and anxiety, and sleep better')).toEqual(['gad', 'insomnia']);
  });

  it('finds nothing in a goal that names no problem', () => {
    expect(detectProblemAreas('feel better')).toEqual([]);
  });
});
