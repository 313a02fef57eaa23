import { describe, expect, it } from 'vitest';
import { readForTest } from '../testing/read-for-test.js';
import { judgeSpecific } from './judge-specific.js';

const judge = (text: string) => judgeSpecific(readForTest(text), text);

describe('judgeSpecific', () => {
  it.each([
    'Reduce anxiety.',
    'Function better.',
    'Improve self-esteem.',
    'Feel safe at home.',
    'Reduce fear of flying.',
    'Reduce anxiety from 8 to 4.',
  ])('finds "%s" vague', (text) => {
    const { verdict, findings } = judge(text);
    expect(verdict.met).toBe(false);
    expect(findings.map((f) => f.code)).toContain('goal-vague');
  });

  it.each([
    'Reduce panic attacks.',
    'Attend work five days a week.',
    'Lower GAD-7 from 15 to 7.',
    'Complete an exposure hierarchy.',
    'Reduce SUDS during exposure to 40.',
    'Decrease BDI-II from 30 to 13.',
  ])('finds "%s" specific', (text) => {
    expect(judge(text).verdict.met).toBe(true);
  });

  it('says what the verdict rests on, with spans in the text', () => {
    const text = 'Reduce panic attacks to 1 per month.';
    const { verdict } = judge(text);
    expect(verdict.reason).toContain('panic attacks');
    expect(verdict.spans?.[0]).toEqual({ start: 0, end: text.length - 1 });
  });

  it('flags the vague part of a goal that is otherwise specific', () => {
    const { verdict, findings } = judge('Improve mood and attend the gym twice a week.');
    expect(verdict.met).toBe(true);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'goal-vague', severity: 'warning' });
  });
});
