/**
 * Numbers as clinicians write them: digits ("18", "1.5", "10,000"), words ("six", "thirty-three", "one hundred and
 * twenty", "one and a half"), ordinals ("8th", "twelfth", "twenty-first"), "half", "a couple of", "a dozen", and
 * the counts "once", "twice", "thrice" (flagged as `times`).
 *
 * @example
 * readNumber(tokenize('thirty-three points'), 0); // { value: 33, end: 3, ordinal: false, times: false }
 */
import type { Token } from './tokenize.js';

/** A number read from the tokens; `end` is the index after its last token. */
export interface NumberReading {
  readonly value: number;
  readonly end: number;
  /** Written as an ordinal ("8th", "eighth"). */
  readonly ordinal: boolean;
  /** A count of occasions ("once", "twice", "thrice"). */
  readonly times: boolean;
}

const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['nil', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);

const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fourty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

const UNIT_ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
]);

const TENS_ORDINALS: ReadonlyMap<string, number> = new Map([
  ['twentieth', 20],
  ['thirtieth', 30],
  ['fortieth', 40],
  ['fiftieth', 50],
  ['sixtieth', 60],
  ['seventieth', 70],
  ['eightieth', 80],
  ['ninetieth', 90],
]);

const TIMES: ReadonlyMap<string, number> = new Map([
  ['once', 1],
  ['twice', 2],
  ['thrice', 3],
]);

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

/**
 * The value of a single number word (cardinal, ordinal or "once"/"twice"), or undefined.
 *
 * @example
 * numberWordValue('twelfth'); // 12
 */
export function numberWordValue(word: string): number | undefined {
  return UNITS.get(word) ?? TENS.get(word) ?? UNIT_ORDINALS.get(word) ?? TENS_ORDINALS.get(word) ?? TIMES.get(word);
}

function wordAt(tokens: readonly Token[], index: number): string {
  const token = tokens[index];
  return token !== undefined && token.kind === 'word' ? token.norm : '';
}

function isHyphenAt(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  return token !== undefined && token.norm === '-' && !token.spaceBefore;
}

/**
 * Reads a number starting at `index`, or returns null when none starts there.
 *
 * @example
 * readNumber(tokenize('by the 8th week'), 2)?.value; // 8
 */
export function readNumber(tokens: readonly Token[], index: number): NumberReading | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (token.kind === 'number') return readDigits(tokens, index, token);
  if (token.kind !== 'word') return null;
  const word = token.norm;

  const times = TIMES.get(word);
  if (times !== undefined) return { value: times, end: index + 1, ordinal: false, times: true };

  if (word === 'half') return { value: 0.5, end: index + 1, ordinal: false, times: false };
  if (word === 'a' || word === 'an') {
    const next = wordAt(tokens, index + 1);
    if (next === 'couple' && wordAt(tokens, index + 2) === 'of') return plain(2, index + 3);
    if (next === 'dozen') return plain(12, index + 2);
    if (next === 'half') return plain(0.5, index + 2);
    if (next === 'hundred') return readHundreds(tokens, index + 1, 1);
    return null;
  }
  if (word === 'dozen') return plain(12, index + 1);

  const ordinalUnit = UNIT_ORDINALS.get(word) ?? TENS_ORDINALS.get(word);
  if (ordinalUnit !== undefined) return { value: ordinalUnit, end: index + 1, ordinal: true, times: false };

  const unit = UNITS.get(word);
  if (unit !== undefined) {
    if (wordAt(tokens, index + 1) === 'hundred') return readHundreds(tokens, index + 1, unit);
    return withHalf(tokens, { value: unit, end: index + 1, ordinal: false, times: false });
  }
  const tens = TENS.get(word);
  if (tens !== undefined) {
    const reading = readTensTail(tokens, index + 1, tens);
    return withHalf(tokens, reading);
  }
  return null;
}

function plain(value: number, end: number): NumberReading {
  return { value, end, ordinal: false, times: false };
}

function readDigits(tokens: readonly Token[], index: number, token: Token): NumberReading {
  const next = tokens[index + 1];
  if (next !== undefined && next.kind === 'word' && !next.spaceBefore && ORDINAL_SUFFIXES.has(next.norm)) {
    return { value: token.value, end: index + 2, ordinal: true, times: false };
  }
  return withHalf(tokens, plain(token.value, index + 1));
}

/** "twenty" followed by "-three", "three" or "third". */
function readTensTail(tokens: readonly Token[], index: number, tens: number): NumberReading {
  const afterHyphen = isHyphenAt(tokens, index) ? index + 1 : index;
  const word = wordAt(tokens, afterHyphen);
  const unit = UNITS.get(word);
  if (unit !== undefined && unit > 0 && unit < 10) return plain(tens + unit, afterHyphen + 1);
  const ordinal = UNIT_ORDINALS.get(word);
  if (ordinal !== undefined && ordinal < 10) {
    return { value: tens + ordinal, end: afterHyphen + 1, ordinal: true, times: false };
  }
  return plain(tens, index);
}

/** "one hundred", "a hundred and twenty", "two hundred fifty". `index` points at "hundred". */
function readHundreds(tokens: readonly Token[], index: number, multiplier: number): NumberReading {
  const base = multiplier * 100;
  let next = index + 1;
  if (wordAt(tokens, next) === 'and') next++;
  const word = wordAt(tokens, next);
  const unit = UNITS.get(word);
  if (unit !== undefined && unit > 0) return plain(base + unit, next + 1);
  const tens = TENS.get(word);
  if (tens !== undefined) {
    const tail = readTensTail(tokens, next + 1, tens);
    return plain(base + tail.value, tail.end);
  }
  return plain(base, index + 1);
}

/** "one and a half", "2 and a half". */
function withHalf(tokens: readonly Token[], reading: NumberReading): NumberReading {
  const i = reading.end;
  if (wordAt(tokens, i) === 'and' && wordAt(tokens, i + 1) === 'a' && wordAt(tokens, i + 2) === 'half') {
    return { ...reading, value: reading.value + 0.5, end: i + 3 };
  }
  return reading;
}
