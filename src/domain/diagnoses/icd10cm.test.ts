import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIcd10cm, listIcd10cm, searchIcd10cm } from './icd10cm.js';

// The reference sits beside the project (../shared) on a workplace machine; a clone elsewhere checks the copy alone.
const TSV = path.join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference', 'icd10cm-behavioral.tsv');

describe('ICD-10-CM behavioural-health codes (reference/icd10cm-behavioral.tsv)', () => {
  it('holds the 1,064 codes of the reference, F01.50 to Z91.52, each once', () => {
    const codes = listIcd10cm().map((c) => c.code);
    expect(codes).toHaveLength(1064);
    expect(new Set(codes).size).toBe(1064);
    expect([codes[0], codes.at(-1)]).toEqual(['F01.50', 'Z91.52']);
    expect(searchIcd10cm('')).toEqual([]);
  });

  it.skipIf(!fs.existsSync(TSV))('holds every row of the reference file as it is', () => {
    const tsv = TSV;
    const lines = fs.readFileSync(tsv, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const [code, description, billable] = line.split('\t');
      expect(findIcd10cm(code ?? '')).toEqual({ code, description, billable: billable === '1' });
    }
  });

  it('finds a code typed with or without its dot, in any case', () => {
    expect(findIcd10cm('F32.1')?.description).toMatch(/^Major depressive disorder, single episode, moderate/);
    expect(findIcd10cm('f321')?.code).toBe('F32.1');
    expect(findIcd10cm('F99.99')).toBeUndefined();
    expect(findIcd10cm('F3')).toBeUndefined();
  });

  it('searches codes by prefix and descriptions by every word', () => {
    expect(searchIcd10cm('F41').map((c) => c.code)).toEqual(['F41.0', 'F41.1', 'F41.3', 'F41.8', 'F41.9']);
    expect(searchIcd10cm('f41.1').map((c) => c.code)).toEqual(['F41.1']);
    expect(searchIcd10cm('generalized anxiety').map((c) => c.code)).toContain('F41.1');
    expect(searchIcd10cm('panic disorder').map((c) => c.code)).toContain('F41.0');
    expect(searchIcd10cm('   ')).toEqual([]);
    expect(searchIcd10cm('zzqx')).toEqual([]);
    expect(searchIcd10cm('disorder', 5)).toHaveLength(5);
  });
});
