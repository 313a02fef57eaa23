import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCbtInterventions } from './cbt-intervention.js';
import { LibraryIssueCode, validateProblemModel } from './validate-problem-model.js';

const MODELS_DIR = join(import.meta.dirname, 'models');
const FILES = readdirSync(MODELS_DIR).filter((name) => name.endsWith('.json'));
const INTERVENTION_IDS = listCbtInterventions().map((entry) => entry.id);

describe('validateProblemModel', () => {
  it.each(FILES)('finds no problem in the library file %s', (file) => {
    const json: unknown = JSON.parse(readFileSync(join(MODELS_DIR, file), 'utf8'));
    expect(validateProblemModel(json, INTERVENTION_IDS)).toEqual([]);
  });

  it('reports an unknown intervention, a missing slot and an unknown factor with their paths', () => {
    const json = structuredClone(JSON.parse(readFileSync(join(MODELS_DIR, 'depression.json'), 'utf8')));
    json.maintainingFactors[0].objectives[0].interventions[0].interventionId = 'hypnosis';
    json.goals[0].statement = 'Reduce PHQ-9 to {target} within {weeks} weeks';
    json.goals[1].addresses = ['depression.nothing'];
    const codes = validateProblemModel(json, INTERVENTION_IDS).map((found) => [found.code, found.path]);
    expect(codes).toContainEqual([
      'library-unknown-intervention',
      ['maintainingFactors', 0, 'objectives', 0, 'interventions', 0, 'interventionId'],
    ]);
    expect(codes).toContainEqual(['library-missing-slot', ['goals', 0, 'statement']]);
    expect(codes).toContainEqual(['library-unknown-factor', ['goals', 1, 'addresses', 0]]);
  });

  it('reports a key that does not start with the model id and an id used twice', () => {
    const json = structuredClone(JSON.parse(readFileSync(join(MODELS_DIR, 'gad.json'), 'utf8')));
    json.maintainingFactors[0].key = 'depression.worry';
    json.goals[1].id = json.goals[0].id;
    const codes = validateProblemModel(json, INTERVENTION_IDS).map((found) => found.code);
    expect(codes).toContain('library-bad-prefix');
    expect(codes).toContain('library-duplicate-id');
  });

  it('rejects an instrument rule on a behaviour measure and a target rule on a task', () => {
    const json = structuredClone(JSON.parse(readFileSync(join(MODELS_DIR, 'panic-agoraphobia.json'), 'utf8')));
    json.goals[0].targetRule = { kind: 'instrument-rules', prefer: ['remission'] };
    json.maintainingFactors[0].objectives[0].targetRule = { kind: 'change', change: 2, rationale: 'x' };
    const codes = validateProblemModel(json, INTERVENTION_IDS).map((found) => [found.code, found.path]);
    expect(codes).toContainEqual(['library-rule-mismatch', ['goals', 0, 'targetRule']]);
    expect(codes).toContainEqual(['library-rule-mismatch', ['maintainingFactors', 0, 'objectives', 0, 'targetRule']]);
  });

  it('rejects something that is not an object', () => {
    expect(validateProblemModel([], INTERVENTION_IDS).map((found) => found.code)).toEqual(['library-invalid-field']);
  });
});

describe('LibraryIssueCode', () => {
  it('is listed in docs/goal-library.md, code for code', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/goal-library.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/`(library-[a-z-]+)`/g)].map((m) => m[1] ?? ''));
    expect([...documented].sort()).toEqual(Object.values(LibraryIssueCode).sort());
  });
});
