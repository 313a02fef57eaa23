import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/app-error.js';
import type { Alert } from './alert.js';
import { type AlertAcknowledgement, checkAcknowledgement, closeAlert, isClosedBy } from './close-alert.js';

const riskAlert: Alert = {
  key: 'critical-item-answered:adm-7:9',
  code: 'critical-item-answered',
  severity: 'critical',
  closing: 'recorded-action',
  raisedOn: '2026-10-13',
  subject: { kind: 'administration', administrationId: 'adm-7', instrumentId: 'phq9', item: 9 },
  data: { item: 9 },
};
const ack: AlertAcknowledgement = {
  alertKey: riskAlert.key,
  action: 'risk-assessed',
  note: 'C-SSRS screen: passive ideation, no plan or intent. Safety plan reviewed.',
  by: 'user-1',
  at: '2026-10-13T15:04:00Z',
};
const offTrack: Alert = {
  key: 'target-off-track:t1',
  code: 'target-off-track',
  severity: 'warning',
  closing: 'automatic',
  raisedOn: '2026-10-13',
  subject: { kind: 'target', targetId: 't1', goalId: 'g1', objectiveId: null },
  data: { decision: { rule: 'no-baseline-or-values', data: {} } },
};

function refusal(run: () => unknown): { code: string; issues: string[] } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, issues: (error.issues ?? []).map((i) => i.code) };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('closeAlert', () => {
  it('closes a critical-item alert with a recorded action', () => {
    expect(closeAlert(riskAlert, ack)).toEqual({
      alert: riskAlert,
      acknowledgement: ack,
      closedAt: '2026-10-13T15:04:00Z',
    });
  });

  it('refuses to close without an acknowledgement', () => {
    expect(refusal(() => closeAlert(riskAlert, null))).toEqual({
      code: 'invalid-input',
      issues: ['alert-acknowledgement-missing'],
    });
    expect(refusal(() => closeAlert(riskAlert, undefined)).issues).toEqual(['alert-acknowledgement-missing']);
  });

  it('refuses an acknowledgement without a note of what was done', () => {
    expect(refusal(() => closeAlert(riskAlert, { ...ack, note: '   ' })).issues).toEqual([
      'alert-acknowledgement-note-empty',
    ]);
  });

  it('refuses an alert that closes by itself', () => {
    expect(refusal(() => closeAlert(offTrack, { ...ack, alertKey: offTrack.key })).code).toBe('conflict');
  });

  it('never closes unless the acknowledgement passes every check', () => {
    const acknowledgement = fc.record({
      alertKey: fc.constantFrom(riskAlert.key, 'critical-item-answered:adm-8:9'),
      action: fc.constantFrom('risk-assessed', 'other', 'nothing') as fc.Arbitrary<AlertAcknowledgement['action']>,
      note: fc.constantFrom('', ' ', 'Assessed; low risk.'),
      by: fc.constantFrom('', 'user-1'),
      at: fc.constantFrom('2026-10-13T15:04:00Z', '2026-10-13', 'yesterday', '2026-02-30T10:00:00+01:00'),
    });
    fc.assert(
      fc.property(acknowledgement, (candidate) => {
        const issues = checkAcknowledgement(riskAlert, candidate);
        if (issues.length === 0) {
          expect(closeAlert(riskAlert, candidate).acknowledgement).toBe(candidate);
        } else {
          expect(() => closeAlert(riskAlert, candidate)).toThrow();
          expect(isClosedBy(riskAlert, candidate)).toBe(false);
        }
      }),
    );
  });
});

describe('checkAcknowledgement', () => {
  it('accepts a complete record', () => {
    expect(checkAcknowledgement(riskAlert, ack)).toEqual([]);
  });

  it('reports each missing or invalid field', () => {
    const codes = checkAcknowledgement(riskAlert, {
      alertKey: 'other',
      action: 'waved-it-away' as AlertAcknowledgement['action'],
      note: '',
      by: '',
      at: '13/10/2026',
    }).map((i) => i.code);
    expect(codes).toEqual([
      'alert-acknowledgement-wrong-alert',
      'alert-acknowledgement-action-invalid',
      'alert-acknowledgement-note-empty',
      'alert-acknowledgement-by-missing',
      'alert-acknowledgement-at-invalid',
    ]);
  });

  it('accepts a timestamp with an offset and refuses an impossible date', () => {
    expect(checkAcknowledgement(riskAlert, { ...ack, at: '2026-10-13T17:04:00.120+02:00' })).toEqual([]);
    expect(checkAcknowledgement(riskAlert, { ...ack, at: '2026-02-30T10:00:00Z' }).map((i) => i.code)).toEqual([
      'alert-acknowledgement-at-invalid',
    ]);
  });
});

describe('isClosedBy', () => {
  it('is true only for a complete record on an alert that needs one', () => {
    expect(isClosedBy(riskAlert, ack)).toBe(true);
    expect(isClosedBy(riskAlert, { ...ack, by: '' })).toBe(false);
    expect(isClosedBy(offTrack, { ...ack, alertKey: offTrack.key })).toBe(false);
  });
});
