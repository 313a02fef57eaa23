/**
 * The tokenizer of the goal-text grammar: a single pass over the characters, no regular expressions on the hot path.
 *
 * Words and numbers are split where letters meet digits ("PHQ9" → `phq` `9`, "3x" → `3` `x`, "8th" → `8` `th`),
 * hyphens and slashes are their own tokens ("3/week", "PHQ-9", "thirty-three"), and `spaceBefore` records whether
 * white space preceded a token, so the grammar can tell "PHQ-9" from "PHQ - 9" when it matters.
 * Typographic variants are normalised in `norm`: `≤` → `<=`, `≥` → `>=`, en and em dashes → `-`, `→` → `->`,
 * curly quotes → `'`, and words are lower case.
 *
 * @example
 * tokenize('PHQ-9 ≤9').map((t) => t.norm); // ['phq', '-', '9', '<=', '9']
 */

/** The kinds of token. */
export const TokenKind = { word: 'word', number: 'number', symbol: 'symbol' } as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/** One token with its place in the text (half-open range [start, end)). */
export interface Token {
  readonly kind: TokenKind;
  /** The characters as written. */
  readonly text: string;
  /** Normalised form: lower case for words, a canonical symbol (`<=`, `-`, `->`) for symbols, digits for numbers. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** True when white space (or the start of the text) precedes the token. */
  readonly spaceBefore: boolean;
  /** The numeric value of a number token; NaN for other tokens. */
  readonly value: number;
}

const SYMBOL_NORMS: Readonly<Record<string, string>> = {
  '≤': '<=',
  '⩽': '<=',
  '≦': '<=',
  '≥': '>=',
  '⩾': '>=',
  '≧': '>=',
  '–': '-',
  '—': '-',
  '‑': '-',
  '‐': '-',
  '−': '-',
  '→': '->',
  '⟶': '->',
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '≈': '~',
  '∼': '~',
  '＜': '<',
  '＞': '>',
};

const TWO_CHAR_SYMBOLS: Readonly<Record<string, string>> = {
  '<=': '<=',
  '=<': '<=',
  '>=': '>=',
  '=>': '>=',
  '->': '->',
};

const VULGAR_FRACTIONS: Readonly<Record<string, number>> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };

const LETTER = /[\p{L}\p{M}]/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  if (code < 128 || Number.isNaN(code)) return false;
  return LETTER.test(text.charAt(index));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 8239 || code === 8201;
}

function isApostrophe(char: string): boolean {
  return char === "'" || char === '’';
}

/**
 * Splits a goal text into tokens. Never throws; every character except white space belongs to exactly one token.
 *
 * @example
 * tokenize('3/week').map((t) => [t.kind, t.norm]); // [['number','3'], ['symbol','/'], ['word','week']]
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  let spaceBefore = true;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      spaceBefore = true;
      i++;
      continue;
    }
    const start = i;
    if (isDigit(code)) {
      i = scanNumber(text, i);
      const raw = text.slice(start, i);
      const digits = raw.replaceAll(',', '');
      tokens.push({ kind: 'number', text: raw, norm: digits, start, end: i, spaceBefore, value: Number(digits) });
    } else if (isLetterAt(text, i)) {
      i++;
      while (i < length) {
        if (isLetterAt(text, i)) i++;
        else if (isApostrophe(text.charAt(i)) && isLetterAt(text, i + 1)) i += 2;
        else break;
      }
      const raw = text.slice(start, i);
      tokens.push({
        kind: 'word',
        text: raw,
        norm: raw.toLowerCase().replaceAll('’', "'"),
        start,
        end: i,
        spaceBefore,
        value: Number.NaN,
      });
    } else {
      const char = text.charAt(i);
      const fraction = VULGAR_FRACTIONS[char];
      const pair = TWO_CHAR_SYMBOLS[text.slice(i, i + 2)];
      if (fraction !== undefined) {
        i++;
        tokens.push({
          kind: 'number',
          text: char,
          norm: String(fraction),
          start,
          end: i,
          spaceBefore,
          value: fraction,
        });
      } else if (pair !== undefined) {
        i += 2;
        tokens.push({
          kind: 'symbol',
          text: text.slice(start, i),
          norm: pair,
          start,
          end: i,
          spaceBefore,
          value: Number.NaN,
        });
      } else {
        // Keep surrogate pairs (emoji) together so spans never split a character.
        i += code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1;
        const raw = text.slice(start, i);
        tokens.push({
          kind: 'symbol',
          text: raw,
          norm: SYMBOL_NORMS[raw] ?? raw,
          start,
          end: i,
          spaceBefore,
          value: Number.NaN,
        });
      }
    }
    spaceBefore = false;
  }
  return tokens;
}

/** Digits, an optional decimal part ("1.5") and thousands groups ("10,000"); stops before a date's dots. */
function scanNumber(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  // Thousands groups: a comma followed by exactly three digits.
  while (
    text.charAt(i) === ',' &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    isDigit(text.charCodeAt(i + 3)) &&
    !isDigit(text.charCodeAt(i + 4))
  ) {
    i += 4;
  }
  // A decimal part, unless it looks like a dotted date ("31.03.2027").
  const afterDottedPart = from > 1 && text.charAt(from - 1) === '.' && isDigit(text.charCodeAt(from - 2));
  if (!afterDottedPart && text.charAt(i) === '.' && isDigit(text.charCodeAt(i + 1))) {
    let j = i + 1;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    if (text.charAt(j) !== '.' || !isDigit(text.charCodeAt(j + 1))) i = j;
  }
  return i;
}
