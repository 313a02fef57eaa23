import { describe, expect, it } from 'vitest';
import { proposeInstrumentTargets } from './propose-instrument-targets.js';
import { TEST_GAD7, TEST_PCL5, TEST_PHQ9 } from './testing/test-instruments.js';

describe('proposeInstrumentTargets', () => {
  it('proposes below caseness, reliable improvement and the next band down for GAD-7 15', () => {
    const proposals = proposeInstrumentTargets(TEST_GAD7, 15);
    expect(proposals.map((p) => [p.rule, p.value, p.comparator])).toEqual([
      ['below-caseness', 7, '<='],
      ['reliable-improvement', 11, '<='],
      ['next-band-down', 14, '<='],
    ]);
  });

  it('leaves out remission when the instrument has no sourced remission rule', () => {
    expect(proposeInstrumentTargets(TEST_GAD7, 15).some((p) => p.rule === 'remission')).toBe(false);
  });

  it('proposes PHQ-9 remission as 4 or below, citing the remission source', () => {
    const remission = proposeInstrumentTargets(TEST_PHQ9, 18, { prefer: ['remission'] })[0];
    expect(remission?.value).toBe(4);
    expect(remission?.source).toContain('CMS159');
    expect(remission?.bandLabel).toBe('minimal');
  });

  it('does not propose remission when the baseline is not above the rule’s baseline condition', () => {
    expect(proposeInstrumentTargets(TEST_PHQ9, 8, { prefer: ['remission'] })).toEqual([]);
  });

  it('marks a next-band-down target smaller than the reliable-change threshold as not reliable', () => {
    const next = proposeInstrumentTargets(TEST_PHQ9, 18, { prefer: ['next-band-down'] })[0];
    expect(next).toMatchObject({ value: 14, change: -4, reliable: false, bandLabel: 'moderate' });
  });

  it('marks changes of at least the threshold as reliable', () => {
    const below = proposeInstrumentTargets(TEST_PHQ9, 18, { prefer: ['below-caseness'] })[0];
    expect(below).toMatchObject({ value: 9, change: -9, reliable: true });
  });

  it('cites reference/measures.md for every proposal', () => {
    for (const proposal of proposeInstrumentTargets(TEST_PHQ9, 22)) {
      expect(proposal.source).toMatch(/^reference\/measures\.md/);
    }
  });

  it('proposes nothing below caseness when the client is already below it', () => {
    expect(proposeInstrumentTargets(TEST_GAD7, 6, { prefer: ['below-caseness'] })).toEqual([]);
  });

  it('leaves out a reliable improvement that would go past the floor of the scale', () => {
    expect(proposeInstrumentTargets(TEST_PHQ9, 4, { prefer: ['reliable-improvement'] })).toEqual([]);
  });

  it('gives no next band down for an instrument without bands', () => {
    expect(proposeInstrumentTargets(TEST_PCL5, 50, { prefer: ['next-band-down'] })).toEqual([]);
  });

  it('speaks of NHS Talking Therapies recovery only for instruments with that rule', () => {
    const [pcl5] = proposeInstrumentTargets(TEST_PCL5, 50, { prefer: ['below-caseness'] });
    const [gad7] = proposeInstrumentTargets(TEST_GAD7, 15, { prefer: ['below-caseness'] });
    expect(pcl5).toMatchObject({ value: 32, bandLabel: null });
    expect(pcl5?.explanation).not.toContain('NHS Talking Therapies');
    expect(gad7?.explanation).toContain('NHS Talking Therapies');
  });

  it('proposes nothing for a higher-is-better instrument', () => {
    expect(proposeInstrumentTargets({ ...TEST_GAD7, direction: 'higher-is-better' }, 15)).toEqual([]);
  });
});
