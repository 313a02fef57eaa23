import { describe, expect, it } from 'vitest';
import type { Behavior } from '../../api/clients-api.js';
import {
  addGoal,
  addObjective,
  draftFrom,
  newPlanDraft,
  planActions,
  removeGoal,
  shortHash,
  targetFromText,
} from './plan-draft.js';

const context = {
  startDate: '2026-11-27',
  dueDate: null,
  durationWeeks: 16,
  latestScores: { phq9: 18 },
  behaviors: [
    { id: 'b1', clientId: 'c1', name: 'panic attacks', period: 'week', direction: 'decrease', unit: null },
  ] satisfies Behavior[],
};

describe('targetFromText', () => {
  it('makes an instrument target, taking the baseline from the latest score when the text gives none', () => {
    const made = targetFromText(
      {
        kind: 'instrument',
        measure: 'phq9',
        behavior: null,
        direction: 'decrease',
        baseline: null,
        target: { kind: 'absolute', value: 9, comparator: '<=', per: null },
      },
      { kind: 'relative', amount: 12, unit: 'week', dueDate: '2027-02-19' },
      context,
    );
    expect(made).toMatchObject({
      kind: 'target',
      target: {
        measure: { kind: 'instrument', instrumentId: 'phq9' },
        baseline: 18,
        goal: { kind: 'absolute', value: 9, comparator: '<=' },
        dueDate: '2027-02-19',
      },
    });
  });

  it('binds a behaviour target to the behaviour the client counts, due at the end of the plan without a deadline', () => {
    const made = targetFromText(
      {
        kind: 'behavior',
        measure: null,
        behavior: 'panic attacks',
        direction: 'decrease',
        baseline: { value: 4, per: 'week' },
        target: { kind: 'absolute', value: 1, comparator: '<=', per: 'week' },
      },
      null,
      context,
    );
    expect(made).toMatchObject({
      kind: 'target',
      target: { measure: { kind: 'behavior', behaviorId: 'b1' }, baseline: 4, per: 'week', dueDate: '2027-03-19' },
    });
  });

  it('refuses a behaviour the client does not count yet, and a target without a value', () => {
    const base = { kind: 'behavior' as const, measure: null, direction: 'decrease' as const, baseline: null };
    expect(
      targetFromText(
        { ...base, behavior: 'nightmares', target: { kind: 'change-percent', changePercent: -50 } },
        null,
        context,
      ).kind,
    ).toBe('refused');
    expect(targetFromText({ ...base, behavior: 'panic attacks', target: null }, null, context).kind).toBe('refused');
  });
});

describe('draftFrom', () => {
  it('turns a signed plan into a draft of its next version without signatures', () => {
    const signed = {
      ...newPlanDraft('c1', '2026-09-01'),
      status: 'signed' as const,
      version: 1,
      clinicianSignature: { userId: 'u', name: 'R', credentials: 'PhD', signedAt: '2026-09-01T10:00:00Z' },
    };
    const draft = draftFrom(signed);
    expect(draft).toMatchObject({
      status: 'draft',
      version: 2,
      previousVersionId: signed.id,
      clinicianSignature: null,
    });
  });
});

describe('addGoal', () => {
  it('adds active goals with objectives, and renumbers after a removal', () => {
    let plan = addGoal(addGoal(newPlanDraft('c1', '2026-11-27'), '2026-11-27'), '2026-11-27');
    const first = plan.goals[0]!;
    plan = { ...plan, goals: plan.goals.map((g) => (g.id === first.id ? addObjective(g) : g)) };
    expect(plan.goals[0]?.objectives).toHaveLength(1);
    expect(removeGoal(plan, first.id).goals.map((g) => g.position)).toEqual([1]);
  });
});

describe('shortHash', () => {
  it('keeps the first 8 hex digits of a content hash and gives nothing for no hash', () => {
    expect(shortHash('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe('9f86d081');
    expect(shortHash(null)).toBe('');
  });
});

describe('planActions', () => {
  const saved = { status: 'draft', revision: 3 } as const;
  const fromSigned = { status: 'draft', revision: 0 } as const;

  it('lets a clinician sign a saved draft with nothing unsaved', () => {
    expect(planActions({ draft: saved, dirty: false, isClinician: true })).toEqual({
      canSave: false,
      canDiscard: true,
      canSign: true,
      signBlocked: null,
    });
  });

  it('asks to save first when there are unsaved changes', () => {
    const actions = planActions({ draft: saved, dirty: true, isClinician: true });
    expect(actions).toMatchObject({ canSave: true, canSign: false, signBlocked: 'Save your changes before signing.' });
  });

  it('has nothing to sign or discard before a draft is saved and nothing changed', () => {
    const actions = planActions({ draft: fromSigned, dirty: false, isClinician: true });
    expect(actions).toMatchObject({ canSave: false, canDiscard: false, canSign: false });
    expect(actions.signBlocked).toMatch(/save a draft first/);
  });

  it('never lets a non-clinician sign', () => {
    expect(planActions({ draft: saved, dirty: false, isClinician: false })).toMatchObject({
      canSign: false,
      signBlocked: 'Only a clinician signs a plan.',
    });
  });
});
