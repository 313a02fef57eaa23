/**
 * Instrument names in their usual spellings. Every name of an instrument (short name, full name, aliases, id) is
 * compiled once into token sequences; matching then tolerates case, hyphens and spaces ("PHQ-9", "PHQ9", "phq 9",
 * "GAD 7", "PCL5", "DASS-21", "Generalised/Generalized Anxiety Disorder"), and prefers the longest name ("AUDIT-C"
 * over "AUDIT"). All-letter names without spaces ("AUDIT", "WSAS", "SPIN") match only in capitals, so the English
 * words "audit" and "spin" are not instruments. A single-letter part ("K10") must touch its number.
 *
 * Also finds names of scales that are not in the list ("BDI-II", "ISI score") so the analysis can say so.
 *
 * @example
 * const matcher = compileMeasureNames(instruments);
 * matchMeasureName(tokenize('PHQ9 from 18'), 0, matcher); // { instrumentId: 'phq9', subscale: null, start: 0, end: 2 }
 */
import type { GoalTextInstrument } from './goal-analysis.js';
import { type Token, tokenize } from './tokenize.js';

/** A matched instrument name covering tokens [start, end). */
export interface MeasureMatch {
  readonly instrumentId: string;
  readonly subscale: string | null;
  readonly start: number;
  readonly end: number;
}

interface CompiledName {
  readonly instrumentId: string;
  readonly keys: readonly string[];
  readonly caseSensitive: boolean;
}

interface CompiledSubscale {
  readonly id: string;
  readonly keys: readonly string[];
}

/** Instrument names compiled for matching. Build once with `compileMeasureNames` and reuse. */
export interface MeasureNameMatcher {
  readonly byFirstKey: ReadonlyMap<string, readonly CompiledName[]>;
  readonly subscales: ReadonlyMap<string, readonly CompiledSubscale[]>;
}

const SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['generalised', 'generalized'],
  ['behaviour', 'behavior'],
  ['behaviours', 'behaviors'],
  ['organisation', 'organization'],
  ['questionaire', 'questionnaire'],
]);

function canon(word: string): string {
  return SPELLINGS.get(word) ?? word;
}

function keyTokens(name: string): { keys: string[]; caseSensitive: boolean } {
  const tokens = tokenize(name).filter((t) => t.kind !== 'symbol');
  const keys = tokens.map((t) => canon(t.norm));
  const allLetters = tokens.length === 1 && tokens[0]?.kind === 'word';
  const noSpaces = !/\s/.test(name.trim());
  const capitals = name === name.toUpperCase();
  // "AUDIT", "WSAS", "AUDIT-C": acronyms that are (or contain) English words match in capitals only.
  const acronymOnly = noSpaces && capitals && tokens.every((t) => t.kind === 'word');
  return { keys, caseSensitive: allLetters ? capitals : acronymOnly };
}

const cache = new WeakMap<readonly GoalTextInstrument[], MeasureNameMatcher>();

/**
 * Compiles the names of the instruments for matching. Cached per instruments array, so calling it for every
 * statement costs nothing after the first call.
 *
 * @example
 * const matcher = compileMeasureNames([{ id: 'gad7', shortName: 'GAD-7', names: ['Generalized Anxiety Disorder 7'], … }]);
 */
export function compileMeasureNames(instruments: readonly GoalTextInstrument[]): MeasureNameMatcher {
  const cached = cache.get(instruments);
  if (cached !== undefined) return cached;
  const byFirstKey = new Map<string, CompiledName[]>();
  const subscales = new Map<string, CompiledSubscale[]>();
  for (const instrument of instruments) {
    const names = new Set([instrument.shortName, instrument.id, ...instrument.names]);
    for (const name of names) {
      if (name.trim() === '') continue;
      const { keys, caseSensitive } = keyTokens(name);
      const first = keys[0];
      if (first === undefined) continue;
      const list = byFirstKey.get(first) ?? [];
      if (!list.some((c) => c.instrumentId === instrument.id && c.keys.join(' ') === keys.join(' '))) {
        list.push({ instrumentId: instrument.id, keys, caseSensitive });
      }
      byFirstKey.set(first, list);
    }
    const compiledSubscales: CompiledSubscale[] = [];
    for (const subscale of instrument.subscales ?? []) {
      for (const name of new Set([subscale.id, ...subscale.names])) {
        const keys = tokenize(name)
          .filter((t) => t.kind !== 'symbol')
          .map((t) => canon(t.norm));
        if (keys.length > 0) compiledSubscales.push({ id: subscale.id, keys });
      }
    }
    compiledSubscales.sort((a, b) => b.keys.length - a.keys.length);
    subscales.set(instrument.id, compiledSubscales);
  }
  for (const list of byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  const matcher: MeasureNameMatcher = { byFirstKey, subscales };
  cache.set(instruments, matcher);
  return matcher;
}

function isSingleLetter(text: string | undefined): boolean {
  return text !== undefined && text.length === 1 && (text < '0' || text > '9');
}

/** Matches key words from `index`, skipping hyphens; returns the end index or -1. */
function matchKeys(tokens: readonly Token[], index: number, keys: readonly string[], caseSensitive: boolean): number {
  let i = index;
  for (let k = 0; k < keys.length; k++) {
    if (k > 0 && tokens[i]?.norm === '-' && tokens[i]?.kind === 'symbol') i++;
    const token = tokens[i];
    const key = keys[k];
    if (token === undefined || key === undefined || token.kind === 'symbol') return -1;
    if (canon(token.norm) !== key) return -1;
    if (caseSensitive && token.kind === 'word' && token.text !== token.text.toUpperCase()) return -1;
    // A single letter must touch what follows ("K10", "K-10"), and what precedes must touch a single letter.
    if (
      k > 0 &&
      token.spaceBefore &&
      (isSingleLetter(keys[k - 1]) || isSingleLetter(key)) &&
      tokens[i - 1]?.kind === 'word'
    ) {
      return -1;
    }
    i++;
  }
  // Do not match the start of a longer word or number ("PHQ-90", "GAD-7s" is fine: a plural).
  const next = tokens[i];
  if (next !== undefined && !next.spaceBefore && next.kind === tokens[i - 1]?.kind && next.kind === 'number') return -1;
  return i;
}

/**
 * Matches an instrument name starting at `index`, or returns null. Looks for a named subscale right after it
 * ("DASS-21 depression", "PCL-5 cluster B").
 *
 * @example
 * matchMeasureName(tokenize('the GAD 7'), 1, matcher)?.instrumentId; // 'gad7'
 */
export function matchMeasureName(
  tokens: readonly Token[],
  index: number,
  matcher: MeasureNameMatcher,
): MeasureMatch | null {
  const token = tokens[index];
  if (token === undefined || token.kind === 'symbol') return null;
  // A name never starts inside a word ("xPHQ-9") or right after a digit.
  const previous = tokens[index - 1];
  if (previous !== undefined && !token.spaceBefore && previous.kind !== 'symbol') return null;
  const candidates = matcher.byFirstKey.get(canon(token.norm));
  if (candidates === undefined) return null;
  for (const candidate of candidates) {
    const end = matchKeys(tokens, index, candidate.keys, candidate.caseSensitive);
    if (end < 0) continue;
    const subscale = matchSubscale(tokens, end, matcher.subscales.get(candidate.instrumentId) ?? []);
    return {
      instrumentId: candidate.instrumentId,
      subscale: subscale?.id ?? null,
      start: index,
      end: subscale?.end ?? end,
    };
  }
  return null;
}

function matchSubscale(
  tokens: readonly Token[],
  index: number,
  subscales: readonly CompiledSubscale[],
): { id: string; end: number } | null {
  if (subscales.length === 0) return null;
  let i = index;
  if (tokens[i]?.norm === '(' || tokens[i]?.norm === '-' || tokens[i]?.norm === ':') i++;
  if (tokens[i]?.norm === 'cluster' || tokens[i]?.norm === 'subscale') i++;
  for (const subscale of subscales) {
    const end = matchKeys(tokens, i, subscale.keys, false);
    if (end < 0) continue;
    let j = end;
    const after = tokens[j]?.norm;
    if (after === 'subscale' || after === 'scale' || after === 'score') j++;
    if (tokens[index]?.norm === '(' && tokens[j]?.norm === ')') j++;
    return { id: subscale.id, end: j };
  }
  return null;
}

/** Acronyms that are not scales: diagnoses, therapies, organisations, times of day. */
const NOT_SCALES = new Set([
  'CBT',
  'PTSD',
  'OCD',
  'GAD',
  'MDD',
  'ADHD',
  'DSM',
  'ICD',
  'ERP',
  'CPT',
  'PE',
  'EMDR',
  'ACT',
  'DBT',
  'IPT',
  'BA',
  'IAPT',
  'NHS',
  'SUDS',
  'SUD',
  'SMART',
  'ED',
  'ER',
  'GP',
  'PCP',
  'AA',
  'NA',
  'IOP',
  'PHP',
  'ASAP',
  'TV',
  'US',
  'UK',
  'AM',
  'PM',
  'CPAP',
  'BMI',
  'IBS',
  'ASD',
  'SAD',
  'BPD',
  'MH',
  'HR',
  'ID',
  'OK',
  'I',
  'A',
  'DV',
  'IPV',
  'SI',
  'HI',
  'NSSI',
  'ETOH',
  'EAP',
  'FMLA',
  'ADL',
  'ADLS',
  'IADL',
  'IADLS',
  'TBI',
  'MI',
  'SST',
  'PMR',
  'CR',
  'TF',
  'TFCBT',
  'PD',
  'SP',
]);

const SCALE_FOLLOWERS = new Set(['score', 'scores', 'total', 'scale', 'rating', 'ratings']);

/**
 * Finds the name of a scale that is not in the instrument list ("BDI-II", "Y-BOCS", "ISI score"), or returns null.
 * An acronym counts as a scale when it carries a version ("-II", "-R", a number) or is followed by "score",
 * "scale" or "total", or by a number.
 *
 * @example
 * matchUnknownScale(tokenize('BDI-II from 30'), 0); // { name: 'BDI-II', start: 0, end: 3 }
 */
export function matchUnknownScale(
  tokens: readonly Token[],
  index: number,
): { name: string; start: number; end: number } | null {
  const token = tokens[index];
  if (token === undefined || token.kind !== 'word') return null;
  const text = token.text;
  // "Y-BOCS": a single capital joined to an acronym.
  const joined =
    tokens[index + 1]?.norm === '-' &&
    !tokens[index + 1]?.spaceBefore &&
    /^[A-Z]{2,}$/.test(tokens[index + 2]?.text ?? '');
  if ((text.length < 2 && !joined) || text.length > 6 || text !== text.toUpperCase() || NOT_SCALES.has(text))
    return null;
  const previous = tokens[index - 1];
  if (previous !== undefined && !token.spaceBefore && previous.norm !== '(' && previous.norm !== '"') return null;
  let end = index + 1;
  let versioned = false;
  // Y-BOCS, BDI-II, OCI-R, PHQ-A, CORE-10, ORS10
  for (let guard = 0; guard < 3; guard++) {
    const next = tokens[end];
    if (next === undefined || next.spaceBefore) break;
    if (next.kind === 'number') {
      end++;
      versioned = true;
      continue;
    }
    const part = tokens[end + 1];
    const isVersion =
      next.norm === '-' &&
      part !== undefined &&
      !part.spaceBefore &&
      (part.kind === 'number' ||
        (part.kind === 'word' && part.text.length <= 5 && part.text === part.text.toUpperCase()));
    if (!isVersion) break;
    end += 2;
    versioned = true;
  }
  const following = tokens[end];
  const followedByScaleWord =
    following !== undefined && following.kind === 'word' && SCALE_FOLLOWERS.has(following.norm);
  const followedByNumber =
    following !== undefined &&
    (following.kind === 'number' || following.norm === 'from' || following.norm === '<=' || following.norm === '<');
  const fullWord = text.length >= 3 && !versioned;
  // "as measured by the DAS", "on the ISI", "using the BAI"
  const before = tokens[index - 1]?.norm === 'the' ? tokens[index - 2]?.norm : tokens[index - 1]?.norm;
  const introduced = before === 'by' || before === 'on' || before === 'using' || before === 'via' || before === 'per';
  if (!versioned && !followedByScaleWord && !(followedByNumber && fullWord) && !introduced) return null;
  return {
    name: tokens
      .slice(index, end)
      .map((t) => t.text)
      .join(''),
    start: index,
    end,
  };
}
