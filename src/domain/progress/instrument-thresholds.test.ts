import { describe, expect, it } from 'vitest';
import { usableReliableChangeThreshold } from './instrument-thresholds.js';

describe('usableReliableChangeThreshold', () => {
  it.each([
    [{ reliableChangeThreshold: 6 }, 6],
    [{ reliableChangeThreshold: 4 }, 4],
    [{ reliableChangeThreshold: null }, null],
    [{ reliableChangeThreshold: 0 }, null],
    [{ reliableChangeThreshold: -6 }, null],
    [{ reliableChangeThreshold: Number.NaN }, null],
    [undefined, null],
    [null, null],
  ])('reads %o as %s', (instrument, expected) => {
    expect(usableReliableChangeThreshold(instrument)).toBe(expected);
  });
});
