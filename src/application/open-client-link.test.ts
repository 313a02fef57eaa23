import { describe, expect, it } from 'vitest';
import { getMeasure } from '../measures/registry.js';
import { clientLinkMessage } from './create-client-link.js';
import { clientLinkState } from './manage-client-links.js';
import { checkLinkAnswers, isCriticalAnswered, linkInstrument, logPeriodStart } from './open-client-link.js';
import type { ClientLink } from './ports.js';

const phq9 = getMeasure('phq9');
if (!phq9) throw new Error('no phq9');

describe('logPeriodStart', () => {
  it.each([
    ['day', '2026-11-26', '2026-11-26'],
    ['week', '2026-11-26', '2026-11-23'], // a Thursday → its Monday
    ['week', '2026-11-23', '2026-11-23'], // a Monday
    ['week', '2026-11-29', '2026-11-23'], // a Sunday ends the week
    ['month', '2026-11-26', '2026-11-01'],
  ] as const)('gives the first day of the %s holding %s: %s', (period, today, start) => {
    expect(logPeriodStart(period, today)).toBe(start);
  });
});

describe('isCriticalAnswered', () => {
  it('is true only when PHQ-9 item 9 is answered above 0', () => {
    expect(isCriticalAnswered(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe(true);
    expect(isCriticalAnswered(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 0])).toBe(false);
    expect(isCriticalAnswered(phq9, [3, 3])).toBe(false);
  });
});

describe('checkLinkAnswers', () => {
  it('accepts partial answers among each item’s options and refuses anything else', () => {
    expect(checkLinkAnswers(phq9, [0, 1, null, 3])).toBe(true);
    expect(checkLinkAnswers(phq9, [4])).toBe(false);
    expect(checkLinkAnswers(phq9, Array(10).fill(0))).toBe(false);
  });
});

describe('linkInstrument', () => {
  it('carries the instrument’s own wording, options and copyright line', () => {
    const view = linkInstrument(phq9);
    expect(view.items).toHaveLength(9);
    expect(view.items[0]?.text).toBe('Little interest or pleasure in doing things');
    expect(view.items[0]?.options.map((o) => o.label)).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);
    expect(view.copyright).toMatch(/Pfizer/);
  });
});

describe('clientLinkMessage', () => {
  it('names the practice and holds the link, nothing else', () => {
    const m = clientLinkMessage('Riverside CBT', 'https://c.example.org/l#t=abc', '2026-12-10T12:00:00.000Z');
    expect(m.subject).toBe('A secure link from Riverside CBT');
    expect(m.text).toContain('https://c.example.org/l#t=abc');
    expect(m.text).toContain('2026-12-10');
  });
});

describe('clientLinkState', () => {
  const link: ClientLink = {
    id: 'l1',
    clientId: 'c1',
    purpose: 'measures',
    instruments: ['phq9'],
    planId: null,
    tokenHash: 'h',
    createdBy: 'user:u',
    createdAt: '2026-11-26T12:00:00.000Z',
    expiresAt: '2026-12-03T12:00:00.000Z',
    emailedAt: null,
    openedAt: null,
    usedAt: null,
    revokedAt: null,
  };
  it('says open, expired, used or revoked (revoked and used win over expired)', () => {
    const before = new Date('2026-11-27T00:00:00Z');
    const after = new Date('2026-12-04T00:00:00Z');
    expect(clientLinkState(link, before)).toBe('open');
    expect(clientLinkState(link, after)).toBe('expired');
    expect(clientLinkState({ ...link, usedAt: '2026-11-27T00:00:00Z' }, after)).toBe('used');
    expect(clientLinkState({ ...link, revokedAt: '2026-11-27T00:00:00Z' }, after)).toBe('revoked');
  });
});
