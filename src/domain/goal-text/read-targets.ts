/**
 * The second pass of the grammar: groups the elements of `readElements` into clauses (one target each) and reads
 * each clause's target, its subject, and whether it is specific and measurable.
 *
 * - Means and purpose clauses ("by increasing …", "using a thought record", "(tracked via …)", "so that …") are
 *   masked: they are how or why, not what. An instrument named there still counts ("as tracked by the PHQ-9").
 * - A new clause starts at ";", at a sentence end, and at "and" or a comma followed by a goal verb ("… and resume
 *   driving") or an instrument ("PHQ-9 … and GAD-7 …"), unless nothing but verbs came before ("identify and
 *   restructure …").
 * - In a clause, "from N" is the baseline and "to N" the target; otherwise the target is the value with a counted
 *   frequency, then one with a comparator, then one with a period, then any other. "Of N" after a noun describes it
 *   ("a hierarchy of 10 items"). A bare "to N" is `<=` when the direction is decrease and `>=` when increase; "zero",
 *   "no …", "eliminate", "stop" are 0 with `<=`. A named band is its upper bound with `<=`.
 * - The subject (head) is the content words before the first qualifier ("anxiety at work" → anxiety). A head made
 *   only of global states and traits is vague unless an instrument, a rating or a count of occasions or time defines it.
 *
 * @example
 * const reading = readTargets(text, tokens, elements, instruments);
 * reading.clauses[0]?.target.target; // { kind: 'absolute', value: 9, comparator: '<=', per: null }
 */
import type { Span } from '../shared/issue.js';
import type { Comparator, Direction, Period } from '../treatment-plans/target.js';
import type { GoalTextGoal, GoalTextInstrument, GoalTextTarget, GoalTextValue, ValueUnit } from './goal-analysis.js';
import {
  ARTIFACT_NOUNS,
  CLAUSE_VERBS,
  COMPLETION_VERBS,
  DIRECTION_VERBS,
  GLOBAL_STATE_WORDS,
  MEANS_WORDS,
  PURPOSE_STARTS,
  QUALIFIER_WORDS,
  RATING_WORDS,
  STOP_WORDS,
  VAGUE_FREQUENCY_WORDS,
  VAGUE_MODIFIERS,
  VAGUE_VERBS,
} from './goal-vocabulary.js';
import { numberWordValue } from './number-words.js';
import type { DeadlineReading } from './read-deadline.js';
import { type GoalElement, labelVariants, type ValueElement } from './read-elements.js';
import { periodOf } from './read-frequency.js';
import type { Token } from './tokenize.js';

/** Something about a clause that the findings report. */
export type ClauseNote =
  | { readonly kind: 'unknown-band'; readonly label: string; readonly span: Span }
  | { readonly kind: 'direction-conflict'; readonly span: Span };

/** One clause of the statement with its target and verdicts. */
export interface ClauseReading {
  readonly target: GoalTextTarget;
  /** The clause names a defined behaviour, event, task or instrument (or a state a count or scale defines). */
  readonly specific: boolean;
  /** The clause's target can be checked: a value on a defined measure, or a task that is done or not. */
  readonly measurable: boolean;
  /** A value, change, band or zero was read. */
  readonly hasGoal: boolean;
  /** A defined task that is done or not ("complete an exposure hierarchy", "resume driving"). */
  readonly task: boolean;
  /** The subject's words (lower case); the global-state ones are listed in `globalWords`. */
  readonly headWords: readonly string[];
  readonly globalWords: readonly string[];
  /** A frequency word without a count ("regularly"), if any. */
  readonly vagueFrequency: string | null;
  /** The instrument of the target, when one is named. */
  readonly instrument: GoalTextInstrument | null;
  readonly span: Span;
  readonly notes: readonly ClauseNote[];
}

/** A deadline or milestone with the words it rests on. */
export interface DeadlineMention {
  readonly reading: DeadlineReading;
  readonly span: Span;
}

/** Everything the second pass reads from a statement. */
export interface TargetsReading {
  readonly clauses: readonly ClauseReading[];
  readonly deadlines: readonly DeadlineMention[];
  readonly unknownScales: readonly { readonly name: string; readonly span: Span }[];
}

const LABEL_WORDS = new Set([
  'goal',
  'goals',
  'objective',
  'objectives',
  'obj',
  'stg',
  'ltg',
  'short',
  'long',
  'term',
  'target',
  'aim',
  'step',
  'problem',
  'outcome',
  'measurable',
  'smart',
  'g',
  'o',
]);
const NOT_MEANS_ING = new Set([
  'during',
  'morning',
  'evening',
  'thing',
  'something',
  'nothing',
  'anything',
  'everything',
  'spring',
  'bring',
  'king',
  'ring',
  'sing',
  'swing',
  'sibling',
  'ceiling',
  'string',
  'wedding',
  'meeting',
  'building',
  'ending',
  'beginning',
  'evening',
  'setting',
]);
const USE_BEFORE_USING = new Set([
  'spent',
  'spend',
  'spending',
  'time',
  'stop',
  'quit',
  'avoid',
  'without',
  'from',
  'reduce',
  'minutes',
  'hours',
  'cut',
  'limit',
  'start',
  'begin',
  'resume',
  'continue',
  'of',
  'no',
  'cease',
  'abstain',
  'refrain',
  'days',
  'drug',
  'substance',
  'cannabis',
  'alcohol',
]);
const ADMIN_VERBS = new Set(['complete', 'completes', 'fill', 'administer', 'take', 'submit', 'return']);
const ADMIN_SKIPS = new Set(['the', 'a', 'an', 'out', 'in', 'weekly', 'daily', 'monthly']);
const LIGHT_VERBS = new Set(['have', 'make', 'take', 'give', 'hold', 'host', 'do']);

/** A noun after "each"/"every" that is an occasion, not a period or a number ("each panic attack", "every session"). */
function isEventNoun(word: string): boolean {
  return (
    word !== '' &&
    periodOf(word) === undefined &&
    numberWordValue(word) === undefined &&
    !STOP_WORDS.has(word) &&
    word !== 'other'
  );
}

const ONE_OFF_WORDS = new Set(['alone', 'unaccompanied', 'unassisted', 'unaided', 'solo']);
const WITHOUT_ONE_OFF = new Set([
  'help',
  'support',
  'assistance',
  'leaving',
  'escaping',
  'escape',
  'reassurance',
  'washing',
]);
const SELF_WORDS = new Set(['herself', 'himself', 'myself', 'themselves', 'themself', 'yourself']);
const MOTION_VERBS = new Set(['walk', 'drive', 'ride', 'cycle', 'travel', 'go', 'run', 'fly', 'swim', 'take']);
const THROUGH_VERBS = new Set([
  'sit',
  'sat',
  'get',
  'go',
  'sleep',
  'slept',
  'push',
  'work',
  'live',
  'come',
  'stay',
  'last',
  'see',
  'read',
  'follow',
  'walk',
  'drive',
  'ride',
]);
const THROUGH_TIME = new Set(['night', 'day', 'week', 'weekend', 'morning', 'evening', 'workday', 'session']);
const CLAUSE_JOINERS = new Set(['and', '&', ',', 'plus', 'then', 'but', 'while', 'whilst', 'also']);
const JOINER_SKIPS = new Set([
  'and',
  'also',
  'then',
  'to',
  'will',
  'should',
  'must',
  'can',
  'shall',
  'would',
  'client',
  'i',
  'she',
  'he',
  'they',
  'be',
  'able',
]);
const PARTICLES = new Set(['on', 'with', 'of', 'through', 'over', 'from', 'about', 'up', 'down', 'out']);
const BASELINE_MARKERS = new Set(['from', 'baseline', 'currently', 'intake', 'presently', 'initially', 'starting']);
const TARGET_MARKERS = new Set(['to', '->', 'into', 'reach', 'achieve', 'attain', 'below', 'under']);
const ROLE_SKIPS = new Set([
  'a',
  'an',
  'the',
  'of',
  'approximately',
  'about',
  'around',
  '~',
  'current',
  'score',
  'scores',
  'rating',
  'total',
  ':',
  'level',
  'average',
  'mean',
  'at',
  'is',
  'was',
  'be',
  'her',
  'his',
  'their',
  'my',
]);
const SCORE_WORDS = new Set([
  'off',
  'cutoff',
  'threshold',
  'score',
  'scores',
  'total',
  'rating',
  'ratings',
  'level',
  'value',
  'average',
  'mean',
  'baseline',
  'reading',
  'count',
  'frequency',
  'minimum',
  'maximum',
  'max',
  'min',
  'reduction',
  'decrease',
  'increase',
  'drop',
  'improvement',
  'rate',
  'suds',
]);
const DESCRIPTOR_BEFORE = new Set([
  'item',
  'items',
  'step',
  'steps',
  'no',
  '#',
  'number',
  'session',
  'level',
  'stage',
  'phase',
  'module',
  'chapter',
  'page',
  'top',
  'grade',
  'age',
  'aged',
  'room',
  'floor',
  'exit',
  'route',
  'bus',
  'line',
]);
const COMPARATIVES = new Set(['more', 'less', 'fewer', 'better', 'worse', 'greater', 'longer', 'shorter']);
const ABBREVIATIONS = new Set([
  'e',
  'i',
  'g',
  'approx',
  'vs',
  'dr',
  'mr',
  'ms',
  'mrs',
  'etc',
  'wk',
  'wks',
  'no',
  'min',
  'mins',
  'hr',
  'hrs',
  'st',
  'pt',
  'eg',
  'ie',
]);

interface Mask {
  readonly covered: Int32Array;
  readonly depth: Int8Array;
  readonly masked: Uint8Array;
}

function wordOf(token: Token | undefined): string {
  return token !== undefined && token.kind === 'word' ? token.norm : '';
}

/**
 * Reads the clauses, targets and deadlines of a statement from its tokens and elements.
 *
 * @example
 * readTargets(text, tokens, readElements(tokens, ctx), instruments).clauses.length; // 2 for "… and resume driving …"
 */
export function readTargets(
  text: string,
  tokens: readonly Token[],
  elements: readonly GoalElement[],
  instruments: readonly GoalTextInstrument[],
): TargetsReading {
  const start = labelEnd(tokens);
  const live = elements.filter((e) => e.start >= start);
  const mask = buildMask(tokens, live, start);
  const deadlines: DeadlineMention[] = [];
  const unknownScales: { name: string; span: Span }[] = [];
  for (const element of live) {
    if (element.kind === 'deadline')
      deadlines.push({ reading: element.reading, span: spanOf(tokens, element.start, element.end) });
    if (element.kind === 'scale')
      unknownScales.push({ name: element.name, span: spanOf(tokens, element.start, element.end) });
  }
  const ranges = splitClauses(tokens, live, mask, start);
  const byId = instrumentsById(instruments);
  const clauses: ClauseReading[] = [];
  let previousDirection: Direction | null = null;
  const drafts: ClauseDraft[] = [];
  for (const [from, to] of ranges) {
    const draft = readClause(text, tokens, live, mask, from, to, byId, previousDirection);
    if (draft === null) continue;
    previousDirection = draft.target.direction ?? previousDirection;
    drafts.push(draft);
  }
  // "Reduce PHQ-9 and GAD-7 to below 10": a clause with only an instrument shares the next clause's goal.
  for (let k = drafts.length - 2; k >= 0; k--) {
    const draft = drafts[k];
    const next = drafts[k + 1];
    if (draft === undefined || next === undefined) continue;
    if (
      draft.target.measure !== null &&
      !draft.hasGoal &&
      draft.headWords.length === 0 &&
      next.hasGoal &&
      next.target.measure !== null
    ) {
      drafts[k] = {
        ...draft,
        hasGoal: true,
        measurable: true,
        target: {
          ...draft.target,
          target: next.target.target,
          direction: draft.target.direction ?? next.target.direction,
        },
      };
    }
  }
  for (const draft of drafts) clauses.push(draft);
  return { clauses, deadlines, unknownScales };
}

type ClauseDraft = ClauseReading;

const byIdCache = new WeakMap<readonly GoalTextInstrument[], ReadonlyMap<string, GoalTextInstrument>>();

function instrumentsById(instruments: readonly GoalTextInstrument[]): ReadonlyMap<string, GoalTextInstrument> {
  let byId = byIdCache.get(instruments);
  if (byId === undefined) {
    byId = new Map(instruments.map((i) => [i.id, i]));
    byIdCache.set(instruments, byId);
  }
  return byId;
}

/** "Goal 1:", "Objective 2a:", "1.", "a)", "-": a label or bullet before the statement. Returns the first token after it. */
function labelEnd(tokens: readonly Token[]): number {
  for (let i = 0; i < Math.min(tokens.length, 6); i++) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.norm === ':') {
      const before = tokens.slice(0, i);
      if (before.length > 0 && before.every((t) => t.kind !== 'word' || LABEL_WORDS.has(t.norm) || t.norm.length === 1))
        return i + 1;
      break;
    }
  }
  const first = tokens[0];
  const second = tokens[1];
  if (first !== undefined && second !== undefined) {
    const bulletNumber =
      (first.kind === 'number' || (first.kind === 'word' && first.norm.length === 1)) &&
      (second.norm === '.' || second.norm === ')');
    if (bulletNumber && tokens[2]?.kind === 'word') return 2;
  }
  if (first !== undefined && (first.norm === '-' || first.norm === '•' || first.norm === '*')) return 1;
  return 0;
}

function buildMask(tokens: readonly Token[], elements: readonly GoalElement[], start: number): Mask {
  const n = tokens.length;
  const covered = new Int32Array(n).fill(-1);
  elements.forEach((element, index) => {
    for (let t = element.start; t < element.end && t < n; t++) covered[t] = index;
  });
  const depth = new Int8Array(n);
  let level = 0;
  for (let i = 0; i < n; i++) {
    const norm = tokens[i]?.norm;
    if (norm === ')' || norm === ']') level = Math.max(0, level - 1);
    depth[i] = Math.min(level, 100);
    if (norm === '(' || norm === '[') level++;
  }
  const masked = new Uint8Array(n);
  let masking = false;
  let maskDepth = 0;
  for (let i = start; i < n; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    if (masking) {
      const closes = (token.norm === ')' || token.norm === ']') && (depth[i] ?? 0) < maskDepth;
      if (token.norm === ';' || isSentenceEnd(tokens, i) || closes || isClauseStart(tokens, i, elements, covered)) {
        masking = false;
      } else {
        masked[i] = 1;
        continue;
      }
    }
    if (covered[i] === -1 && isMeansStart(tokens, i, covered)) {
      masking = true;
      maskDepth = depth[i] ?? 0;
      masked[i] = 1;
    }
  }
  return { covered, depth, masked };
}

function isMeansStart(tokens: readonly Token[], i: number, covered: Int32Array): boolean {
  const word = wordOf(tokens[i]);
  if (word === '') return false;
  if (word === 'by') {
    let next = tokens[i + 1];
    if (next !== undefined && next.kind === 'word' && next.norm.endsWith('ly')) next = tokens[i + 2];
    return (
      next !== undefined &&
      next.kind === 'word' &&
      next.norm.length >= 5 &&
      next.norm.endsWith('ing') &&
      !NOT_MEANS_ING.has(next.norm)
    );
  }
  if (MEANS_WORDS.has(word)) {
    if (word === 'using' && USE_BEFORE_USING.has(wordOf(tokens[i - 1]))) return false;
    // "sleep through the night", "sit through a meeting": time or a phrasal verb, not means.
    if (word === 'through' && wordOf(tokens[i + 1]) === 'the' && THROUGH_TIME.has(wordOf(tokens[i + 2]))) return false;
    if (word === 'through' && THROUGH_VERBS.has(wordOf(tokens[i - 1]))) return false;
    return true;
  }
  for (const phrase of PURPOSE_STARTS) {
    if (phrase[0] !== word) continue;
    let ok = true;
    for (let k = 1; k < phrase.length; k++) {
      if (wordOf(tokens[i + k]) !== phrase[k] || (covered[i + k] ?? -1) !== -1) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

function isSentenceEnd(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined || (token.norm !== '.' && token.norm !== '!' && token.norm !== '?')) return false;
  if (token.norm !== '.') return true;
  const previous = tokens[i - 1];
  if (
    previous !== undefined &&
    previous.kind === 'word' &&
    (previous.norm.length === 1 || ABBREVIATIONS.has(previous.norm))
  )
    return false;
  const next = tokens[i + 1];
  if (next === undefined) return true;
  if (!next.spaceBefore) return false;
  const first = next.text.charAt(0);
  return next.kind === 'word' && first === first.toUpperCase() && first !== first.toLowerCase();
}

/** "and"/","/"plus" followed by a goal verb or an instrument name: a new target starts after the joiner. */
function isClauseStart(
  tokens: readonly Token[],
  i: number,
  elements: readonly GoalElement[],
  covered: Int32Array,
): boolean {
  return clauseStartKind(tokens, i, elements, covered) !== null;
}

/** What follows a joiner: a goal verb, an instrument name, or neither (null). */
function clauseStartKind(
  tokens: readonly Token[],
  i: number,
  elements: readonly GoalElement[],
  covered: Int32Array,
): 'verb' | 'measure' | null {
  const token = tokens[i];
  if (token === undefined || (covered[i] ?? -1) !== -1) return null;
  if (!CLAUSE_JOINERS.has(token.norm)) return null;
  if (token.norm === 'also' || token.norm === 'then') return null;
  let j = i + 1;
  while (j < tokens.length && j < i + 6 && JOINER_SKIPS.has(wordOf(tokens[j])) && (covered[j] ?? -1) === -1) j++;
  const next = tokens[j];
  if (next === undefined) return null;
  const element = (covered[j] ?? -1) >= 0 ? elements[covered[j] ?? -1] : undefined;
  if (element !== undefined) {
    return element.start === j && (element.kind === 'measure' || element.kind === 'scale') ? 'measure' : null;
  }
  // "sleep through the night" is not a new target after "and".
  return next.kind === 'word' && CLAUSE_VERBS.has(next.norm) ? 'verb' : null;
}

/** A word that makes the left side of "and" a target of its own. */
function isContentWord(word: string): boolean {
  return (
    word !== '' &&
    !STOP_WORDS.has(word) &&
    !CLAUSE_VERBS.has(word) &&
    !DIRECTION_VERBS.has(word) &&
    !VAGUE_VERBS.has(word) &&
    !VAGUE_MODIFIERS.has(word) &&
    !QUALIFIER_WORDS.has(word)
  );
}

function splitClauses(
  tokens: readonly Token[],
  elements: readonly GoalElement[],
  mask: Mask,
  start: number,
): [number, number][] {
  const ranges: [number, number][] = [];
  let from = start;
  let content = false;
  // A value or an instrument on the left: "PHQ-9 to 9 and GAD-7 to 7", "PHQ-9 and GAD-7 below 10". Without one,
  // ", AUDIT from 22 to 7" names the instrument of the same target ("reduce alcohol use, AUDIT from 22 to 7").
  let measured = false;
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    const coveredBy = mask.covered[i] ?? -1;
    if (coveredBy >= 0) {
      const element = elements[coveredBy];
      if (
        element !== undefined &&
        element.kind !== 'deadline' &&
        element.kind !== 'duration' &&
        (mask.masked[i] ?? 0) === 0
      ) {
        content = true;
        measured = true;
      }
      continue;
    }
    const topLevel = (mask.depth[i] ?? 0) === 0;
    if (topLevel && (token.norm === ';' || isSentenceEnd(tokens, i))) {
      if (i > from) ranges.push([from, i]);
      from = i + 1;
      content = false;
      measured = false;
      continue;
    }
    const startKind = topLevel && content ? clauseStartKind(tokens, i, elements, mask.covered) : null;
    if (startKind === 'verb' || (startKind === 'measure' && measured)) {
      ranges.push([from, i]);
      from = i + 1;
      content = false;
      measured = false;
      continue;
    }
    if ((mask.masked[i] ?? 0) === 0 && token.kind === 'word' && isContentWord(token.norm) && !isSubjectName(tokens, i))
      content = true;
  }
  if (from < tokens.length) ranges.push([from, tokens.length]);
  return ranges;
}

/** "Sarah will …", "John's goal …": a name before "will" is the client, not the subject. */
function isSubjectName(tokens: readonly Token[], i: number): boolean {
  const next = wordOf(tokens[i + 1]);
  return (
    next === 'will' || next === 'shall' || next === 'wants' || next === 'would' || next === 'should' || next === "'ll"
  );
}

function spanOf(tokens: readonly Token[], from: number, to: number): Span {
  const first = tokens[from];
  const last = tokens[Math.max(from, to - 1)];
  return { start: first?.start ?? 0, end: last?.end ?? first?.end ?? 0 };
}

interface Head {
  /** The first head word is a verb followed by "to", "into", "across", "around" ("walk to the end of the road"). */
  readonly trip: boolean;
  readonly words: string[];
  readonly first: number;
  readonly last: number;
  readonly verbOnly: boolean;
}

/** The subject: content words before the first qualifier, with hyphenated compounds joined ("self-esteem"). */
function readHead(
  tokens: readonly Token[],
  elements: readonly GoalElement[],
  mask: Mask,
  from: number,
  to: number,
): Head {
  const words: string[] = [];
  let first = -1;
  let last = -1;
  let started = false;
  let verbsOnly = true;
  let i = from;
  while (i < to) {
    const token = tokens[i];
    if (token === undefined) break;
    const skip = (mask.covered[i] ?? -1) >= 0 || (mask.masked[i] ?? 0) === 1 || (mask.depth[i] ?? 0) > 0;
    if (skip) {
      // An adjective time ("an 8-week course") does not end the subject; any other element does.
      const element = elements[mask.covered[i] ?? -1];
      if (started && element !== undefined && element.kind !== 'duration') break;
      i++;
      continue;
    }
    if (
      token.kind === 'number' &&
      tokens[i + 1]?.norm === '-' &&
      tokens[i + 2]?.kind === 'word' &&
      !tokens[i + 2]?.spaceBefore
    ) {
      // "a 5-minute presentation", "a 10-item hierarchy"
      i += 3;
      continue;
    }
    if (token.kind !== 'word') {
      // "Improve self-care: shower daily": what follows a colon still names the subject.
      if (started && token.norm !== '-' && token.norm !== '/' && token.norm !== "'" && token.norm !== ':') break;
      i++;
      continue;
    }
    // Join a hyphenated compound: self-esteem, trauma-focused, well-being.
    let word = token.norm;
    let end = i + 1;
    while (
      tokens[end]?.norm === '-' &&
      !tokens[end]?.spaceBefore &&
      tokens[end + 1]?.kind === 'word' &&
      !tokens[end + 1]?.spaceBefore
    ) {
      word = `${word}-${tokens[end + 1]?.norm ?? ''}`;
      end += 2;
    }
    if (!started) {
      if (
        isSubjectName(tokens, i) ||
        STOP_WORDS.has(word) ||
        VAGUE_MODIFIERS.has(word) ||
        DIRECTION_VERBS.has(word) ||
        (VAGUE_VERBS.has(word) && !COMPLETION_VERBS.has(word))
      ) {
        i = end;
        if ((VAGUE_VERBS.has(word) || DIRECTION_VERBS.has(word)) && PARTICLES.has(wordOf(tokens[i]))) i++;
        continue;
      }
      if (VAGUE_VERBS.has(word) && COMPLETION_VERBS.has(word)) {
        // "achieve", "develop", "start": content only when a task object follows; keep as a verb.
        words.push(word);
        first = i;
        last = end - 1;
        started = true;
        i = end;
        continue;
      }
      if (QUALIFIER_WORDS.has(word)) {
        i = end;
        continue;
      }
      started = true;
      first = i;
    } else {
      if (QUALIFIER_WORDS.has(word)) {
        // "go to the store", "return to work", "drive on highways": a verb's object follows its preposition.
        if (verbsOnly && words.length > 0) {
          i = end;
          continue;
        }
        break;
      }
      if (STOP_WORDS.has(word) || VAGUE_MODIFIERS.has(word)) {
        i = end;
        continue;
      }
    }
    const isVerb =
      CLAUSE_VERBS.has(word) || COMPLETION_VERBS.has(word) || VAGUE_VERBS.has(word) || DIRECTION_VERBS.has(word);
    if (!isVerb) verbsOnly = false;
    if (DIRECTION_VERBS.has(word) && started && words.length > 0) {
      i = end;
      continue;
    }
    words.push(word);
    last = end - 1;
    i = end;
  }
  const firstToken = first >= 0 ? tokens[first] : undefined;
  const after = first >= 0 ? wordOf(tokens[first + 1]) : '';
  const trip =
    firstToken !== undefined &&
    (after === 'to' || after === 'into' || after === 'across' || after === 'around' || after === 'alone');
  return { words, first, last, verbOnly: verbsOnly, trip };
}

/** Nouns that a modifier defines: "safety behaviours" is specific, "problem behaviours" is not. */
const GENERIC_NOUNS = new Set([
  'days',
  'nights',
  'times',
  'occasions',
  'behaviours',
  'behaviors',
  'behaviour',
  'behavior',
  'skills',
  'skill',
  'strategies',
  'techniques',
  'habits',
  'levels',
  'level',
  'issues',
  'problems',
]);
/** Verbs of a felt state: what follows them is a state ("feel safe at home"), never a defined behaviour. */
const FEELING_VERBS = new Set(['feel', 'feels', 'feeling', 'seem', 'seems', 'appear', 'appears']);
/** Zero words that name the behaviour themselves ("maintain sobriety" is about drinking). */
const ZERO_NOUNS = new Set(['abstinence', 'abstinent', 'sobriety', 'sober']);

/**
 * Whether a subject phrase names something defined. The leading verbs ("challenge", "attend") are set aside; the
 * last noun decides ("negative automatic thoughts" → thoughts: a global state), except a generic noun, which its
 * modifiers define ("safety behaviours"). A phrase of verbs alone is defined by a concrete verb ("exercise").
 */
function isSpecificPhrase(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  let firstNoun = 0;
  while (firstNoun < words.length && isVerbWord(words[firstNoun] ?? '')) firstNoun++;
  const nouns = words.slice(firstNoun);
  if (nouns.length === 0) {
    return words.some((w) => !isGlobal(w) && !VAGUE_VERBS.has(w) && !DIRECTION_VERBS.has(w));
  }
  const last = nouns[nouns.length - 1] ?? '';
  if (GENERIC_NOUNS.has(last)) return nouns.slice(0, -1).some((w) => !isGlobal(w));
  return !isGlobal(last);
}

function isGlobal(word: string): boolean {
  if (GLOBAL_STATE_WORDS.has(word)) return true;
  if (!word.includes('-')) return false;
  return word.split('-').every((part) => GLOBAL_STATE_WORDS.has(part) || VAGUE_MODIFIERS.has(part));
}

function isVerbWord(word: string): boolean {
  return CLAUSE_VERBS.has(word) || COMPLETION_VERBS.has(word) || VAGUE_VERBS.has(word) || DIRECTION_VERBS.has(word);
}

type Role = 'baseline' | 'target' | 'descriptor' | 'none';

function roleOf(tokens: readonly Token[], value: ValueElement, elements: readonly GoalElement[], mask: Mask): Role {
  // Look back over filler words for "from"/"baseline" or "to".
  let j = value.start - 1;
  for (let steps = 0; j >= 0 && steps < 5; steps++, j--) {
    const coveredBy = mask.covered[j] ?? -1;
    if (coveredBy >= 0) {
      const element = elements[coveredBy];
      if (element?.kind === 'measure' || element?.kind === 'scale') {
        j = element.start;
        continue;
      }
      break;
    }
    const norm = tokens[j]?.norm ?? '';
    if (BASELINE_MARKERS.has(norm)) return 'baseline';
    if (TARGET_MARKERS.has(norm)) return 'target';
    if (norm === '(' && wordOf(tokens[j + 1]) === 'baseline') return 'baseline';
    if (norm === 'of' && steps === 0) {
      const before = tokens[j - 1];
      const beforeCovered = (mask.covered[j - 1] ?? -1) >= 0;
      if (
        before !== undefined &&
        before.kind === 'word' &&
        !beforeCovered &&
        !SCORE_WORDS.has(before.norm) &&
        !BASELINE_MARKERS.has(before.norm)
      ) {
        return 'descriptor';
      }
    }
    if (steps === 0 && DESCRIPTOR_BEFORE.has(norm) && value.comparator === null) return 'descriptor';
    if (!ROLE_SKIPS.has(norm)) break;
  }
  // "18 to 9", "18 → 9": a value followed by "to" and another value is the baseline.
  const after = tokens[value.end]?.norm;
  if ((after === 'to' || after === '->') && (mask.covered[value.end + 1] ?? -1) >= 0) {
    const next = elements[mask.covered[value.end + 1] ?? -1];
    if (next?.kind === 'value') return 'baseline';
  }
  return 'none';
}

function pickTarget(values: readonly { value: ValueElement; role: Role }[]): ValueElement | null {
  const candidates = values.filter((v) => v.role === 'none' && v.value.unit !== 'point');
  const targeted = values.find((v) => v.role === 'target');
  if (targeted !== undefined) return targeted.value;
  const ranked = [
    candidates.find((v) => v.value.occasions && v.value.per !== null),
    candidates.find((v) => v.value.comparator !== null),
    candidates.find((v) => v.value.per !== null),
    candidates.find((v) => v.value.unit !== null || v.value.outOf !== null),
    candidates[0],
  ];
  return ranked.find((v) => v !== undefined)?.value ?? null;
}

function resolveBand(
  instrument: GoalTextInstrument | null,
  subscale: string | null,
  label: string,
): { min: number; max: number } | null {
  if (instrument === null) return null;
  const sub = subscale === null ? undefined : instrument.subscales?.find((s) => s.id === subscale);
  const bands = sub?.bands ?? instrument.bands ?? null;
  if (bands === null) return null;
  for (const band of bands) if (labelVariants(band.label).includes(label)) return band;
  return null;
}

function signOf(
  sense: 'decrease' | 'increase' | 'improve' | null,
  direction: Direction | null,
  lowerIsBetter: boolean,
): -1 | 1 {
  const resolved = sense === 'improve' ? (lowerIsBetter ? 'decrease' : 'increase') : (sense ?? direction);
  if (resolved === 'increase') return 1;
  if (resolved === 'decrease') return -1;
  return lowerIsBetter ? -1 : 1;
}

function defaultComparator(direction: Direction | null, isInstrument: boolean, lowerIsBetter: boolean): Comparator {
  if (direction === 'decrease') return '<=';
  if (direction === 'increase') return '>=';
  if (isInstrument) return lowerIsBetter ? '<=' : '>=';
  return '>=';
}

function valueFor(value: ValueElement, comparator: Comparator): number {
  if (comparator === '<=' || comparator === '<') return value.high;
  if (comparator === '>=' || comparator === '>') return value.low;
  return value.low === value.high ? value.low : (value.low + value.high) / 2;
}

/** The index of the first element starting at or after `index` (elements are sorted by start). */
function firstAtOrAfter(elements: readonly GoalElement[], index: number): number {
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((elements[mid]?.start ?? 0) < index) low = mid + 1;
    else high = mid;
  }
  return low;
}

function readClause(
  text: string,
  tokens: readonly Token[],
  elements: readonly GoalElement[],
  mask: Mask,
  from: number,
  to: number,
  instruments: ReadonlyMap<string, GoalTextInstrument>,
  inheritedDirection: Direction | null,
): ClauseDraft | null {
  // Elements are in text order: find the clause's run by binary search instead of scanning them all.
  const inClause = elements.slice(firstAtOrAfter(elements, from), firstAtOrAfter(elements, to));
  const visible = inClause.filter((e) => (mask.masked[e.start] ?? 0) === 0);
  const measureElement =
    visible.find((e) => e.kind === 'measure') ??
    inClause.find((e) => e.kind === 'measure' && (mask.masked[e.start] ?? 0) === 1);
  const scaleElement = visible.find((e) => e.kind === 'scale');
  const instrument = measureElement?.kind === 'measure' ? (instruments.get(measureElement.instrumentId) ?? null) : null;
  const subscale = measureElement?.kind === 'measure' ? measureElement.subscale : null;
  const lowerIsBetter = instrument === null || instrument.direction !== 'higher-is-better';
  const isInstrument = measureElement !== undefined || scaleElement !== undefined;
  const notes: ClauseNote[] = [];

  // Words of the clause (outside elements, masks and parentheses).
  const words: { word: string; index: number }[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token === undefined || token.kind !== 'word') continue;
    if ((mask.covered[i] ?? -1) >= 0 || (mask.masked[i] ?? 0) === 1) continue;
    words.push({ word: token.norm, index: i });
  }
  const head = readHead(tokens, elements, mask, from, to);

  // Direction from the verb.
  let verbDirection: Direction | 'improve' | 'zero' | null = null;
  for (const { word } of words) {
    const direction = DIRECTION_VERBS.get(word);
    if (direction !== undefined) {
      verbDirection = direction;
      break;
    }
  }
  if (verbDirection === null) {
    if (words.some((w) => w.word === 'fewer' || w.word === 'less')) verbDirection = 'decrease';
    else if (words.some((w) => w.word === 'more')) verbDirection = 'increase';
  }

  // Values and their roles.
  const values = visible
    .filter((e): e is ValueElement => e.kind === 'value')
    .map((value) => ({ value, role: roleOf(tokens, value, elements, mask) }));
  const baselineValue = values.find((v) => v.role === 'baseline')?.value ?? null;
  let targetValue = pickTarget(values);
  const pointValue = values.find((v) => v.role === 'none' && v.value.unit === 'point')?.value ?? null;
  const change = visible.find((e) => e.kind === 'change');
  const band = visible.find((e) => e.kind === 'band' && !isBaselineBand(tokens, e.start));
  const caseness = visible.find((e) => e.kind === 'caseness');
  const remission = visible.find((e) => e.kind === 'remission');
  const reliable = visible.find((e) => e.kind === 'reliable');
  const zero = visible.find((e) => e.kind === 'zero');
  const frequency = visible.find((e) => e.kind === 'frequency');
  const response = words.find((w) => w.word === 'response' && isInstrument);

  // Direction.
  let direction: Direction | null = null;
  if (verbDirection === 'decrease' || verbDirection === 'increase' || verbDirection === 'maintain')
    direction = verbDirection;
  else if (verbDirection === 'zero') direction = 'decrease';
  else if (verbDirection === 'improve') {
    if (isInstrument) direction = lowerIsBetter ? 'decrease' : 'increase';
    else if (targetValue?.comparator === '<=' || targetValue?.comparator === '<') direction = 'decrease';
    else direction = 'increase';
  }
  if (baselineValue !== null && targetValue !== null && verbDirection !== 'maintain') {
    const numeric: Direction | null =
      targetValue.high < baselineValue.low ? 'decrease' : targetValue.low > baselineValue.high ? 'increase' : null;
    if (numeric !== null && direction !== null && numeric !== direction && verbDirection !== 'improve') {
      notes.push({ kind: 'direction-conflict', span: spanOf(tokens, from, to) });
    } else if (numeric !== null) direction = numeric;
  }
  if (
    direction === null &&
    verbDirection === null &&
    (measureElement !== undefined || baselineValue !== null) &&
    inheritedDirection !== null
  ) {
    if (head.words.length === 0) direction = inheritedDirection;
  }
  if (direction === null && isInstrument && targetValue?.comparator != null) {
    const c = targetValue.comparator;
    if (c === '<=' || c === '<') direction = 'decrease';
    if (c === '>=' || c === '>') direction = 'increase';
  }
  if (direction === null && zero !== undefined) direction = 'decrease';

  // The goal.
  let goal: GoalTextGoal | null = null;
  let unit: ValueUnit | undefined;
  if (targetValue !== null) {
    let comparator = targetValue.comparator ?? defaultComparator(direction, isInstrument, lowerIsBetter);
    const value = valueFor(targetValue, comparator);
    if (targetValue.comparator === null && value === 0) comparator = '<=';
    const per =
      targetValue.per ??
      (frequency?.kind === 'frequency' && (targetValue.unit === 'minute' || targetValue.unit === 'hour')
        ? frequency.per
        : null);
    goal = { kind: 'absolute', value, comparator, per };
    if (targetValue.unit !== null && targetValue.unit !== 'point') unit = targetValue.unit;
  } else if (change !== undefined && change.kind === 'change') {
    const sign = signOf(change.sense, direction, lowerIsBetter);
    goal = change.percent
      ? { kind: 'change-percent', changePercent: sign * change.amount }
      : { kind: 'change', change: sign * change.amount };
    if (direction === null) direction = sign < 0 ? 'decrease' : 'increase';
  } else if (pointValue !== null) {
    const sign = signOf(null, direction, lowerIsBetter);
    goal = { kind: 'change', change: sign * pointValue.value };
    if (direction === null) direction = sign < 0 ? 'decrease' : 'increase';
  } else if (band !== undefined && band.kind === 'band') {
    const resolved = resolveBand(instrument, subscale, band.label);
    if (resolved !== null) {
      goal = lowerIsBetter
        ? { kind: 'absolute', value: resolved.max, comparator: '<=', per: null }
        : { kind: 'absolute', value: resolved.min, comparator: '>=', per: null };
      direction = direction ?? (lowerIsBetter ? 'decrease' : 'increase');
    } else if (isInstrument) {
      notes.push({ kind: 'unknown-band', label: band.label, span: spanOf(tokens, band.start, band.end) });
    }
  } else if (caseness !== undefined) {
    const cutoff = instrument?.casenessCutoff ?? null;
    const subclinical =
      cutoff === null
        ? (resolveBand(instrument, subscale, 'subclinical') ?? resolveBand(instrument, subscale, 'normal'))
        : null;
    if (cutoff !== null) goal = { kind: 'absolute', value: cutoff, comparator: '<', per: null };
    else if (subclinical !== null) goal = { kind: 'absolute', value: subclinical.max, comparator: '<=', per: null };
    else if (isInstrument)
      notes.push({ kind: 'unknown-band', label: 'caseness', span: spanOf(tokens, caseness.start, caseness.end) });
    if (goal !== null) direction = direction ?? 'decrease';
  } else if (remission !== undefined) {
    const rule = instrument?.remission ?? null;
    if (rule !== null) {
      goal = { kind: 'absolute', value: rule.value, comparator: rule.comparator, per: null };
      direction = direction ?? 'decrease';
    } else if (isInstrument)
      notes.push({ kind: 'unknown-band', label: 'remission', span: spanOf(tokens, remission.start, remission.end) });
  } else if (reliable !== undefined) {
    const threshold = instrument?.reliableChangeThreshold ?? null;
    goal = { kind: 'reliable-improvement', change: threshold === null ? null : (lowerIsBetter ? -1 : 1) * threshold };
    direction = direction ?? (lowerIsBetter ? 'decrease' : 'increase');
  } else if (response !== undefined) {
    const percent = instrument?.responsePercent ?? null;
    if (percent !== null) {
      goal = { kind: 'change-percent', changePercent: -percent };
      direction = direction ?? 'decrease';
    }
  } else if (zero !== undefined || verbDirection === 'zero') {
    goal = { kind: 'absolute', value: 0, comparator: '<=', per: null };
    direction = 'decrease';
  } else if (frequency !== undefined && frequency.kind === 'frequency' && frequency.count !== null) {
    goal = {
      kind: 'absolute',
      value: frequency.count,
      comparator: defaultComparator(direction, isInstrument, lowerIsBetter),
      per: frequency.per,
    };
  }
  if (targetValue === null && goal === null && values.length > 0) targetValue = null;

  // "weekly pleasurable activities from 2 to 6": an adverb of frequency in the subject gives the period.
  if (
    goal?.kind === 'absolute' &&
    goal.per === null &&
    !isInstrument &&
    frequency?.kind === 'frequency' &&
    targetValue !== null &&
    targetValue.unit !== 'percent'
  ) {
    goal = { ...goal, per: frequency.per };
  }

  // Baseline.
  let baseline: GoalTextValue | null = null;
  if (baselineValue !== null) {
    const per = baselineValue.per ?? (goal?.kind === 'absolute' && !isInstrument ? goal.per : null);
    baseline = { value: (baselineValue.low + baselineValue.high) / 2, per };
    if (unit === undefined && baselineValue.unit !== null && baselineValue.unit !== 'point') unit = baselineValue.unit;
    if (goal?.kind === 'absolute' && goal.per === null && per !== null && !isInstrument) goal = { ...goal, per };
  }

  // Subject and verdicts.
  const countNouns: string[] = [];
  if (targetValue !== null) {
    for (let i = targetValue.nounStart; i < targetValue.nounEnd; i++) {
      const word = wordOf(tokens[i]);
      if (word !== '' && !STOP_WORDS.has(word)) countNouns.push(word);
    }
  }
  const headWords = [...head.words];
  const content = [...headWords, ...countNouns];
  const globalWords = content.filter((w) => isGlobal(w));
  // Light verbs kept in the head ("achieve", "develop", "make") do not make it specific on their own.
  const nonGlobal = content.filter((w) => !isGlobal(w) && !(VAGUE_VERBS.has(w) && COMPLETION_VERBS.has(w)));
  const feelingVerb = words.some((w) => FEELING_VERBS.has(w.word) && w.index < (head.first < 0 ? to : head.first + 1));
  const zeroNoun = zero !== undefined && ZERO_NOUNS.has(wordOf(tokens[zero.start]));
  const specificHead = !feelingVerb && (isSpecificPhrase(headWords) || isSpecificPhrase(countNouns) || zeroNoun);
  const ratingWord = words.some((w) => RATING_WORDS.has(w.word));
  const rating =
    (ratingWord && (targetValue !== null || baselineValue !== null || goal !== null)) || targetValue?.outOf != null;
  const countedThings =
    targetValue !== null &&
    targetValue.per === null &&
    targetValue.unit === null &&
    targetValue.outOf === null &&
    targetValue.nounEnd > targetValue.nounStart;
  const countOperationalised =
    countedThings ||
    (targetValue !== null &&
      // A count per period ("3 thoughts per week", "2 days a week"), a time ("30 minutes"), a rated percentage.
      ((targetValue.per !== null && targetValue.unit !== 'percent') ||
        targetValue.unit === 'minute' ||
        targetValue.unit === 'hour' ||
        (targetValue.unit === 'percent' && (targetValue.comparator !== null || baselineValue !== null))));
  const hasGoal = goal !== null;
  const operationalised = isInstrument || rating || countOperationalised;
  const vagueFrequency = words.find((w) => VAGUE_FREQUENCY_WORDS.has(w.word))?.word ?? null;
  const comparative = words.some((w) => COMPARATIVES.has(w.word));

  const verbs = head.words.filter((w) => COMPLETION_VERBS.has(w));
  const firstVerb = verbs[0];
  const hasArtifact = head.words.some((w) => ARTIFACT_NOUNS.has(w));
  const completion =
    firstVerb !== undefined &&
    (!VAGUE_VERBS.has(firstVerb) || hasArtifact) &&
    head.words.length >= 2 &&
    nonGlobal.filter((w) => w !== firstVerb).length > 0;
  // "be able to sit through a meeting", "walk to the end of the road": a capability shown, a trip made.
  const ability = words.some((w, k) => (w.word === 'able' && words[k + 1]?.word === 'to') || w.word === 'tolerate');
  const trip = head.words.some((w, k) => MOTION_VERBS.has(w) && k === 0) && head.trip;
  // "alone", "unaccompanied", "without help", "by herself": an exposure task done once, not a habit.
  // "have a conversation", "make a call": a light verb with "a" names one event. "During each panic attack",
  // "after every session": done on each occasion.
  const oneOff = words.some(
    (w, k) =>
      ONE_OFF_WORDS.has(w.word) ||
      (w.word === 'without' && WITHOUT_ONE_OFF.has(words[k + 1]?.word ?? '')) ||
      (w.word === 'by' && SELF_WORDS.has(words[k + 1]?.word ?? '')) ||
      (LIGHT_VERBS.has(w.word) &&
        (words[k + 1]?.word === 'a' || words[k + 1]?.word === 'an') &&
        w.index + 1 === words[k + 1]?.index) ||
      ((w.word === 'each' || w.word === 'every') && isEventNoun(words[k + 1]?.word ?? '')),
  );
  // "complete the PHQ-9 every two weeks": filling in the questionnaire is the task, not a score.
  let beforeMeasure = measureElement === undefined ? -1 : measureElement.start - 1;
  while (beforeMeasure >= from && ADMIN_SKIPS.has(wordOf(tokens[beforeMeasure]))) beforeMeasure--;
  const administered = beforeMeasure >= from && ADMIN_VERBS.has(wordOf(tokens[beforeMeasure])) && !hasGoal;
  const task =
    administered ||
    ((completion ||
      ((ability || oneOff) && nonGlobal.length > 0) ||
      (trip && nonGlobal.length > 0 && head.words.length >= 2)) &&
      !hasGoal &&
      !isInstrument &&
      (verbDirection === null || verbDirection === 'maintain') &&
      !comparative &&
      vagueFrequency === null);

  const specific = isInstrument || specificHead || (operationalised && hasGoal) || task;
  const measurable = (hasGoal && (specificHead || operationalised)) || task;

  // Drop clauses with nothing in them ("within 12 weeks" alone, a label).
  if (
    !isInstrument &&
    content.length === 0 &&
    !hasGoal &&
    words.every((w) => !isContentWord(w.word) && !isVerbWord(w.word) && !isGlobal(w.word))
  ) {
    return null;
  }
  if (!isInstrument && content.length === 0 && !hasGoal && verbDirection === null && words.length === 0) return null;

  const behaviorText = isInstrument ? null : subjectText(text, tokens, mask, head, targetValue, to);
  const kind: GoalTextTarget['kind'] = isInstrument ? 'instrument' : task ? 'task' : 'behavior';
  const span = spanOf(tokens, from, to);
  const trimmed = trimSpan(text, span);
  const target: GoalTextTarget = {
    kind,
    measure: measureElement?.kind === 'measure' ? measureElement.instrumentId : null,
    behavior: behaviorText,
    direction: kind === 'task' && direction === null ? null : direction,
    baseline,
    target: goal,
    ...(unit !== undefined ? { unit } : {}),
    ...(subscale !== null ? { subscale } : {}),
    ...(scaleElement?.kind === 'scale' && measureElement === undefined ? { scaleName: scaleElement.name } : {}),
    spans: [trimmed],
  };
  return {
    target,
    specific,
    measurable,
    hasGoal,
    task,
    headWords,
    globalWords,
    vagueFrequency,
    instrument,
    span: trimmed,
    notes,
  };
}

/** "from moderately severe": a band that is the starting point, not the target. */
function isBaselineBand(tokens: readonly Token[], start: number): boolean {
  const before = wordOf(tokens[start - 1]) === 'the' ? wordOf(tokens[start - 2]) : wordOf(tokens[start - 1]);
  return before === 'from';
}

/**
 * The words of the subject as written: from the first head word up to the first value, deadline, "from", "to N",
 * parenthesis or comma ("time in bed during the day", "return to work"), without trailing small words.
 */
function subjectText(
  text: string,
  tokens: readonly Token[],
  mask: Mask,
  head: Head,
  value: ValueElement | null,
  to: number,
): string | null {
  const parts: string[] = [];
  if (head.first >= 0 && head.last >= head.first) {
    let end = head.first;
    for (let i = head.first; i < to; i++) {
      const token = tokens[i];
      if (token === undefined || (mask.covered[i] ?? -1) >= 0 || (mask.masked[i] ?? 0) === 1) break;
      if (token.norm === '(' || token.norm === ',' || token.norm === ';' || token.norm === ':' || token.norm === '.')
        break;
      if (token.norm === 'from' || token.norm === 'by') break;
      if (token.norm === 'to' && (mask.covered[i + 1] ?? -1) >= 0) break;
      end = i;
    }
    while (end > head.last && (STOP_WORDS.has(tokens[end]?.norm ?? '') || QUALIFIER_WORDS.has(tokens[end]?.norm ?? '')))
      end--;
    const first = tokens[head.first];
    const last = tokens[Math.max(end, head.last)];
    if (first !== undefined && last !== undefined) parts.push(text.slice(first.start, last.end));
  }
  if (value !== null && value.nounEnd > value.nounStart && (head.verbOnly || parts.length === 0)) {
    const first = tokens[value.nounStart];
    const last = tokens[value.nounEnd - 1];
    if (first !== undefined && last !== undefined) parts.push(text.slice(first.start, last.end));
  }
  const joined = parts.join(' ').replace(/\s+/g, ' ').trim();
  return joined === '' ? null : joined;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;.]/.test(text.charAt(start))) start++;
  while (end > start && /[\s,;.]/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** For tests: the period words of a frequency. */
export type { Period };
