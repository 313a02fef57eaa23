import { describe, expect, it } from 'vitest';
import { listMeasures } from '../../measures/registry.js';
import { INSTRUMENT_LABELS, instrumentLabel } from './instrument-label.js';

describe('instrumentLabel', () => {
  it('knows every instrument of the registry by its short name, and nothing else', () => {
    expect(INSTRUMENT_LABELS).toEqual(Object.fromEntries(listMeasures().map((m) => [m.id, m.shortName])));
  });

  it('shows an unknown id upper-cased', () => {
    expect(instrumentLabel('bdi2')).toBe('BDI2');
  });
});
