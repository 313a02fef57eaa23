import { describe, expect, it } from 'vitest';
import { AlertCode, alertKey } from './alert.js';

describe('alertKey', () => {
  it.each([
    [
      AlertCode.criticalItemAnswered,
      { kind: 'administration', administrationId: 'adm-7', instrumentId: 'phq9', item: 9 } as const,
      'critical-item-answered:adm-7:9',
    ],
    [
      AlertCode.reliableDeterioration,
      {
        kind: 'instrument',
        instrumentId: 'gad7',
        fromAdministrationId: 'a1',
        toAdministrationId: 'a4',
        goalIds: ['g1'],
      } as const,
      'reliable-deterioration:gad7:a1:a4',
    ],
    [
      AlertCode.targetOffTrack,
      { kind: 'target', targetId: 't1', goalId: 'g1', objectiveId: null } as const,
      'target-off-track:t1',
    ],
    [AlertCode.noRecentMeasure, { kind: 'client' } as const, 'no-recent-measure'],
  ])('keys %s alerts by what they concern', (code, subject, key) => {
    expect(alertKey(code, subject)).toBe(key);
  });
});

describe('AlertCode', () => {
  it('uses stable kebab-case codes', () => {
    for (const code of Object.values(AlertCode)) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
