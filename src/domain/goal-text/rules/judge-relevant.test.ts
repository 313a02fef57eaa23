import { describe, expect, it } from 'vitest';
import { judgeRelevant } from './judge-relevant.js';

describe('judgeRelevant', () => {
  it('is not judged without a context', () => {
    expect(judgeRelevant(undefined).verdict.met).toBeNull();
  });

  it('is met when the goal is linked and endorsed', () => {
    expect(judgeRelevant({ formulationElementIds: ['fe1', 'fe2'], endorsed: true }).verdict).toMatchObject({
      met: true,
      reason: 'Linked to 2 formulation elements and endorsed by the client.',
    });
  });

  it('is not met when the goal is linked to nothing', () => {
    const { verdict, findings } = judgeRelevant({ formulationElementIds: [] });
    expect(verdict.met).toBe(false);
    expect(findings.map((f) => f.code)).toEqual(['goal-not-linked-to-formulation']);
  });

  it('is not met when the client has not endorsed the goal', () => {
    const { verdict, findings } = judgeRelevant({ formulationElementIds: ['fe1'], endorsed: false });
    expect(verdict.met).toBe(false);
    expect(findings.map((f) => f.code)).toEqual(['goal-not-endorsed']);
  });

  it('says when endorsement is not recorded', () => {
    expect(judgeRelevant({ formulationElementIds: ['fe1'] }).verdict.reason).toContain('endorsement not recorded');
  });
});
