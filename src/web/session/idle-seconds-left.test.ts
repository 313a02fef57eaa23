import { describe, expect, it } from 'vitest';
import { idleSecondsLeft, idleWarningSeconds } from './session.js';

describe('idleSecondsLeft', () => {
  const minute = 60_000;
  it('keeps a minute in hand for the server’s once-a-minute activity refresh', () => {
    // 15-minute idle logout: the tab counts 14 minutes from its last answered request.
    expect(idleSecondsLeft(15, 0, 0)).toBe(14 * 60);
    expect(idleSecondsLeft(15, 0, 13 * minute)).toBe(60);
  });
  it('is at or below zero once the count has run out, so the tab signs out', () => {
    expect(idleSecondsLeft(15, 0, 14 * minute)).toBe(0);
    expect(idleSecondsLeft(15, 0, 20 * minute)).toBeLessThan(0);
  });
  it('keeps a quarter of a short timeout in hand, and warns at half of it', () => {
    expect(idleSecondsLeft(1, 0, 0)).toBe(45);
    expect(idleWarningSeconds(1)).toBe(30);
    expect(idleWarningSeconds(15)).toBe(60);
  });
  it('starts again from each answered request', () => {
    expect(idleSecondsLeft(15, 10 * minute, 13 * minute)).toBe(11 * 60);
  });
});
