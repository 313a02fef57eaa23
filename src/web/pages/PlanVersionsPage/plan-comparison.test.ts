import { describe, expect, it } from 'vitest';
import { defaultComparePair, fieldLabel, formatComparedValue, versionLabel } from './plan-comparison.js';

describe('fieldLabel', () => {
  it.each([
    ['sessionMinutes', 'Session minutes'],
    ['clientWords', "Client's own words"],
    ['someNewField', 'Some new field'],
  ])('names %s as %s', (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });
});

describe('formatComparedValue', () => {
  it.each([
    [null, '—'],
    ['', '(empty)'],
    ['Weekly', 'Weekly'],
    [45, '45'],
    [true, 'yes'],
    [[], '(none)'],
    [['phq9 decrease to ≤ 9', 'gad7 decrease to ≤ 7'], 'phq9 decrease to ≤ 9; gad7 decrease to ≤ 7'],
  ] as const)('shows %j as %s', (value, text) => {
    expect(formatComparedValue(value)).toBe(text);
  });
});

describe('versionLabel', () => {
  it('names a signed version by number and status, and the open draft with its revision', () => {
    expect(versionLabel({ version: 2, status: 'signed', revision: 4 })).toBe('Version 2 · signed');
    expect(versionLabel({ version: 3, status: 'draft', revision: 2 })).toBe('Version 3 · draft, revision 2');
  });
});

describe('defaultComparePair', () => {
  it('compares the latest two versions, older to newer', () => {
    expect(defaultComparePair([{ id: 'v3' }, { id: 'v2' }, { id: 'v1' }])).toEqual({ from: 'v2', to: 'v3' });
  });

  it('has nothing to compare with fewer than two versions', () => {
    expect(defaultComparePair([{ id: 'v1' }])).toBeNull();
    expect(defaultComparePair([])).toBeNull();
  });
});
