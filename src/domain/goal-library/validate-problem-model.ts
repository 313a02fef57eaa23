/**
 * Checks a goal-library model file (parsed JSON) against the `ProblemModel` shape and the library's own rules: ids and
 * keys prefixed by their parent, interventions that exist in the catalogue, statement templates whose slots fit their
 * measure, addressed factors that exist. Returns issues; an empty list means the file is valid.
 *
 * @example
 * validateProblemModel(JSON.parse(text), listCbtInterventions().map((i) => i.id)); // []
 */
import { FormulationElementKind, ProblemArea } from '../formulation/formulation.js';
import { type Issue, issue } from '../shared/issue.js';
import { Comparator, Direction, Period } from '../treatment-plans/target.js';
import { InstrumentTargetRule } from './instrument-target-rule.js';
import type { TemplateSlot } from './problem-model.js';

/**
 * Codes of the problems `validateProblemModel` reports.
 *
 * @example
 * validateProblemModel({}, []).some((i) => i.code === LibraryIssueCode.invalidField); // true
 */
export const LibraryIssueCode = {
  /** A field is missing or has the wrong type or value. */
  invalidField: 'library-invalid-field',
  /** An id or key is used twice. */
  duplicateId: 'library-duplicate-id',
  /** An id or key does not start with its parent's id. */
  badPrefix: 'library-bad-prefix',
  /** An intervention id is not in the CBT intervention catalogue. */
  unknownIntervention: 'library-unknown-intervention',
  /** A statement template uses a slot that does not exist or does not fit its measure. */
  unknownSlot: 'library-unknown-slot',
  /** A statement template lacks a slot its measure needs. */
  missingSlot: 'library-missing-slot',
  /** The target rule does not fit the measure (an instrument rule on a behaviour, a rule on a task). */
  ruleMismatch: 'library-rule-mismatch',
  /** A goal addresses a maintaining-factor key the model does not define. */
  unknownFactor: 'library-unknown-factor',
} as const;
export type LibraryIssueCode = (typeof LibraryIssueCode)[keyof typeof LibraryIssueCode];

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

const SLOTS_BY_MEASURE: Readonly<Record<string, readonly TemplateSlot[]>> = {
  instrument: ['instrument', 'baseline', 'target', 'weeks'],
  behavior: ['behavior', 'baseline', 'target', 'weeks'],
  task: ['weeks'],
};

/**
 * The issues of one model file; `interventionIds` are the ids of the CBT intervention catalogue.
 *
 * @example
 * validateProblemModel({ id: 'depression' }, []).map((i) => i.code); // ['library-invalid-field', …]
 */
export function validateProblemModel(value: unknown, interventionIds: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(interventionIds);
  const seen = new Set<string>();
  const fail = (code: LibraryIssueCode, message: string, path: Path) =>
    issues.push(issue(code, 'error', message, { path }));

  if (!isObject(value)) {
    fail(LibraryIssueCode.invalidField, 'The model must be a JSON object.', []);
    return issues;
  }
  const id = value.id;
  checkEnum(value, 'problemArea', Object.values(ProblemArea), [], fail);
  if (typeof id !== 'string' || id !== value.problemArea) {
    fail(LibraryIssueCode.invalidField, 'The model id must equal its problem area.', ['id']);
  }
  checkText(value, 'name', [], fail);
  checkText(value, 'note', [], fail);
  if (!Number.isInteger(value.version) || (value.version as number) < 1) {
    fail(LibraryIssueCode.invalidField, 'version must be a positive integer.', ['version']);
  }
  if (!isStringArray(value.keywords) || value.keywords.length === 0) {
    fail(LibraryIssueCode.invalidField, 'keywords must be a non-empty list of strings.', ['keywords']);
  } else if (value.keywords.some((keyword) => keyword !== keyword.toLowerCase() || keyword.trim() === '')) {
    fail(LibraryIssueCode.invalidField, 'keywords must be lower case and not blank.', ['keywords']);
  }
  const prefix = typeof id === 'string' ? id : '';

  const factorKeys = new Set<string>();
  const factors = Array.isArray(value.maintainingFactors) ? value.maintainingFactors : [];
  if (!Array.isArray(value.maintainingFactors) || factors.length === 0) {
    fail(LibraryIssueCode.invalidField, 'maintainingFactors must be a non-empty list.', ['maintainingFactors']);
  }
  factors.forEach((factor: unknown, f) => {
    const path: Path = ['maintainingFactors', f];
    if (!isObject(factor)) {
      fail(LibraryIssueCode.invalidField, 'A maintaining factor must be an object.', path);
      return;
    }
    const key = checkId(factor, 'key', `${prefix}.`, path, seen, fail);
    if (key) factorKeys.add(key);
    checkText(factor, 'name', path, fail);
    checkText(factor, 'description', path, fail);
    const kinds = factor.elementKinds;
    const allowed: readonly string[] = Object.values(FormulationElementKind);
    if (!isStringArray(kinds) || kinds.length === 0 || kinds.some((kind) => !allowed.includes(kind))) {
      fail(LibraryIssueCode.invalidField, 'elementKinds must list formulation element kinds.', [
        ...path,
        'elementKinds',
      ]);
    }
    const objectives = Array.isArray(factor.objectives) ? factor.objectives : [];
    if (!Array.isArray(factor.objectives) || objectives.length === 0) {
      fail(LibraryIssueCode.invalidField, 'A maintaining factor needs at least one objective.', [
        ...path,
        'objectives',
      ]);
    }
    objectives.forEach((objective: unknown, o) => {
      const objectivePath: Path = [...path, 'objectives', o];
      if (!isObject(objective)) {
        fail(LibraryIssueCode.invalidField, 'An objective must be an object.', objectivePath);
        return;
      }
      checkId(objective, 'id', `${key ?? prefix}.`, objectivePath, seen, fail);
      checkMeasured(objective, objectivePath, fail);
      const due = objective.dueFraction;
      if (typeof due !== 'number' || !(due > 0 && due <= 1)) {
        fail(LibraryIssueCode.invalidField, 'dueFraction must be a number above 0 and at most 1.', [
          ...objectivePath,
          'dueFraction',
        ]);
      }
      const uses = Array.isArray(objective.interventions) ? objective.interventions : [];
      if (!Array.isArray(objective.interventions) || uses.length === 0) {
        fail(LibraryIssueCode.invalidField, 'An objective needs at least one intervention.', [
          ...objectivePath,
          'interventions',
        ]);
      }
      uses.forEach((use: unknown, u) => {
        const usePath: Path = [...objectivePath, 'interventions', u];
        if (!isObject(use)) {
          fail(LibraryIssueCode.invalidField, 'An intervention must be an object.', usePath);
          return;
        }
        checkText(use, 'deliveredBy', usePath, fail);
        checkText(use, 'frequency', usePath, fail);
        if (typeof use.interventionId !== 'string' || !known.has(use.interventionId)) {
          fail(LibraryIssueCode.unknownIntervention, `Unknown intervention id "${String(use.interventionId)}".`, [
            ...usePath,
            'interventionId',
          ]);
        }
      });
    });
  });

  const goals = Array.isArray(value.goals) ? value.goals : [];
  if (!Array.isArray(value.goals) || goals.length === 0) {
    fail(LibraryIssueCode.invalidField, 'goals must be a non-empty list.', ['goals']);
  }
  goals.forEach((goal: unknown, g) => {
    const path: Path = ['goals', g];
    if (!isObject(goal)) {
      fail(LibraryIssueCode.invalidField, 'A goal must be an object.', path);
      return;
    }
    checkId(goal, 'id', `${prefix}.goal.`, path, seen, fail);
    checkText(goal, 'clientWordsPrompt', path, fail);
    checkMeasured(goal, path, fail);
    if (!isStringArray(goal.addresses) || goal.addresses.length === 0) {
      fail(LibraryIssueCode.invalidField, 'addresses must list maintaining-factor keys.', [...path, 'addresses']);
    } else {
      goal.addresses.forEach((key, a) => {
        if (!factorKeys.has(key)) {
          fail(LibraryIssueCode.unknownFactor, `The model has no maintaining factor "${key}".`, [
            ...path,
            'addresses',
            a,
          ]);
        }
      });
    }
  });
  return issues;
}

type Fail = (code: LibraryIssueCode, message: string, path: Path) => void;

function checkMeasured(item: Json, path: Path, fail: Fail): void {
  const measure = item.measure;
  let kind: string | null = null;
  if (!isObject(measure) || typeof measure.kind !== 'string' || !(measure.kind in SLOTS_BY_MEASURE)) {
    fail(LibraryIssueCode.invalidField, 'measure.kind must be instrument, behavior or task.', [...path, 'measure']);
  } else {
    kind = measure.kind;
    const measurePath = [...path, 'measure'];
    if (kind === 'instrument') {
      const ids = measure.instrumentIds;
      if (!isStringArray(ids) || ids.length === 0 || ids.some((id) => !/^[a-z0-9]+$/.test(id))) {
        fail(LibraryIssueCode.invalidField, 'instrumentIds must list instrument ids (lower-case letters and digits).', [
          ...measurePath,
          'instrumentIds',
        ]);
      }
    } else if (kind === 'behavior') {
      if (typeof measure.behaviorId !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(measure.behaviorId)) {
        fail(LibraryIssueCode.invalidField, 'behaviorId must be kebab-case.', [...measurePath, 'behaviorId']);
      }
      checkText(measure, 'label', measurePath, fail);
      checkEnum(measure, 'per', Object.values(Period), measurePath, fail);
      checkEnum(measure, 'direction', [Direction.increase, Direction.decrease], measurePath, fail);
      if (measure.max !== undefined && !(Number.isInteger(measure.max) && (measure.max as number) > 0)) {
        fail(LibraryIssueCode.invalidField, 'max must be a positive integer.', [...measurePath, 'max']);
      }
    }
  }
  checkTemplate(item, kind, path, fail);
  checkTargetRule(item.targetRule, kind, [...path, 'targetRule'], fail);
}

function checkTemplate(item: Json, kind: string | null, path: Path, fail: Fail): void {
  const statement = item.statement;
  if (typeof statement !== 'string' || statement.trim() === '') {
    fail(LibraryIssueCode.invalidField, 'statement must be a non-empty template.', [...path, 'statement']);
    return;
  }
  if (kind === null) return;
  const allowed = SLOTS_BY_MEASURE[kind] ?? [];
  const used = [...statement.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
  for (const slot of used) {
    if (!(allowed as readonly string[]).includes(slot)) {
      fail(LibraryIssueCode.unknownSlot, `The slot {${slot}} does not fit a ${kind} measure.`, [...path, 'statement']);
    }
  }
  for (const slot of allowed) {
    if (!used.includes(slot)) {
      fail(LibraryIssueCode.missingSlot, `A ${kind} statement needs the slot {${slot}}.`, [...path, 'statement']);
    }
  }
}

function checkTargetRule(rule: unknown, kind: string | null, path: Path, fail: Fail): void {
  if (kind === 'task') {
    if (rule !== null) fail(LibraryIssueCode.ruleMismatch, 'A task has no target rule (use null).', path);
    return;
  }
  if (!isObject(rule) || typeof rule.kind !== 'string') {
    fail(LibraryIssueCode.invalidField, 'targetRule must be an object with a kind.', path);
    return;
  }
  if ((rule.kind === 'instrument-rules') !== (kind === 'instrument')) {
    fail(LibraryIssueCode.ruleMismatch, 'Instrument measures, and only they, use instrument-rules.', path);
  }
  switch (rule.kind) {
    case 'instrument-rules': {
      const rules: readonly string[] = Object.values(InstrumentTargetRule);
      if (!isStringArray(rule.prefer) || rule.prefer.length === 0 || rule.prefer.some((r) => !rules.includes(r))) {
        fail(LibraryIssueCode.invalidField, 'prefer must list instrument target rules.', [...path, 'prefer']);
      }
      return;
    }
    case 'change':
    case 'change-percent': {
      const field = rule.kind === 'change' ? 'change' : 'changePercent';
      const amount = rule[field];
      if (typeof amount !== 'number' || amount === 0 || !Number.isFinite(amount)) {
        fail(LibraryIssueCode.invalidField, `${field} must be a non-zero number.`, [...path, field]);
      }
      checkText(rule, 'rationale', path, fail);
      return;
    }
    case 'absolute':
      if (typeof rule.value !== 'number' || rule.value < 0) {
        fail(LibraryIssueCode.invalidField, 'value must be a number of at least 0.', [...path, 'value']);
      }
      checkEnum(rule, 'comparator', Object.values(Comparator), path, fail);
      checkText(rule, 'rationale', path, fail);
      return;
    default:
      fail(LibraryIssueCode.invalidField, `Unknown target rule kind "${rule.kind}".`, [...path, 'kind']);
  }
}

function checkId(item: Json, field: string, prefix: string, path: Path, seen: Set<string>, fail: Fail): string | null {
  const id = item[field];
  if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/.test(id)) {
    fail(LibraryIssueCode.invalidField, `${field} must be dotted kebab-case.`, [...path, field]);
    return null;
  }
  if (!id.startsWith(prefix))
    fail(LibraryIssueCode.badPrefix, `${field} "${id}" must start with "${prefix}".`, [...path, field]);
  if (seen.has(id)) fail(LibraryIssueCode.duplicateId, `"${id}" is used twice.`, [...path, field]);
  seen.add(id);
  return id;
}

function checkText(item: Json, field: string, path: Path, fail: Fail): void {
  const text = item[field];
  if (typeof text !== 'string' || text.trim() === '') {
    fail(LibraryIssueCode.invalidField, `${field} must be non-empty text.`, [...path, field]);
  }
}

function checkEnum(item: Json, field: string, allowed: readonly string[], path: Path, fail: Fail): void {
  const text = item[field];
  if (typeof text !== 'string' || !allowed.includes(text)) {
    fail(LibraryIssueCode.invalidField, `${field} must be one of ${allowed.join(', ')}.`, [...path, field]);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}
