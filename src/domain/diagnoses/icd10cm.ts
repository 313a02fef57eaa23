/**
 * The offline list of ICD-10-CM behavioural-health codes (reference/icd10cm-behavioral.tsv, copied as
 * icd10cm-behavioral.json: `[code, description, billable]` rows), and a search over it for the diagnosis picker. Payers
 * want the code with its dot and, for billing, a billable (most specific) code (reference/payer-requirements.md).
 *
 * @example
 * searchIcd10cm('F32.1')[0]?.description // 'Major depressive disorder, single episode, moderate'
 * searchIcd10cm('panic')[0]?.code // 'F41.0'
 */
import rows from './icd10cm-behavioral.json' with { type: 'json' };

export interface Icd10cmCode {
  readonly code: string;
  readonly description: string;
  /** A billable (leaf) code; a header code such as F32 is not billable. */
  readonly billable: boolean;
}

const CODES: readonly Icd10cmCode[] = (rows as [string, string, boolean][]).map(([code, description, billable]) => ({
  code,
  description,
  billable,
}));
const BY_CODE = new Map(CODES.map((c) => [c.code, c]));

/**
 * Every code on the list, in the reference's order.
 *
 * @example
 * listIcd10cm().length // 1064
 */
export function listIcd10cm(): readonly Icd10cmCode[] {
  return CODES;
}

const compact = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The code as listed (with its dot), or undefined when it is not on the list.
 *
 * @example
 * findIcd10cm('f321')?.code // 'F32.1'
 */
export function findIcd10cm(code: string): Icd10cmCode | undefined {
  const wanted = compact(code);
  if (wanted.length < 3) return undefined;
  const dotted = wanted.length > 3 ? `${wanted.slice(0, 3)}.${wanted.slice(3)}` : wanted;
  return BY_CODE.get(dotted);
}

/**
 * Up to `limit` codes for what is typed: codes starting with it (dot optional), else descriptions holding every word
 * typed; billable codes first, then in code order.
 *
 * @example
 * searchIcd10cm('generalized anxiety').map((c) => c.code) // ['F41.1']
 */
export function searchIcd10cm(query: string, limit = 20): Icd10cmCode[] {
  const text = query.trim().toLowerCase();
  if (text === '') return [];
  const prefix = compact(text);
  const byCode = /^[a-z]\d/.test(text) ? CODES.filter((c) => compact(c.code).startsWith(prefix)) : [];
  const words = text.split(/\s+/);
  const found =
    byCode.length > 0 ? byCode : CODES.filter((c) => words.every((w) => c.description.toLowerCase().includes(w)));
  return [...found]
    .sort((a, b) => Number(b.billable) - Number(a.billable) || a.code.localeCompare(b.code))
    .slice(0, limit);
}
