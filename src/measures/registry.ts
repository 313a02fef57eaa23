import type { MeasureDefinition } from '../domain/scoring/measure-definition.js';
import auditJson from './audit.json' with { type: 'json' };
import auditCJson from './audit-c.json' with { type: 'json' };
import { checkMeasureDefinition } from './check-measure-definition.js';
import dass21Json from './dass-21.json' with { type: 'json' };
import gad2Json from './gad-2.json' with { type: 'json' };
import gad7Json from './gad-7.json' with { type: 'json' };
import k10Json from './k10.json' with { type: 'json' };
import { measureDefinitionSchema } from './measure-schema.js';
import pcl5Json from './pcl-5.json' with { type: 'json' };
import phq2Json from './phq-2.json' with { type: 'json' };
import phq9Json from './phq-9.json' with { type: 'json' };
import phq15Json from './phq-15.json' with { type: 'json' };
import wsasJson from './wsas.json' with { type: 'json' };

/**
 * The instrument files, in the order `listMeasures()` returns them. Adding an instrument: import its file and list it
 * here (a test fails when a JSON file in this folder is not listed).
 *
 * @example
 * MEASURE_FILES.map(([fileName]) => fileName); // ['phq-9.json', 'phq-2.json', …]
 */
export const MEASURE_FILES: readonly (readonly [fileName: string, json: unknown])[] = [
  ['phq-9.json', phq9Json],
  ['phq-2.json', phq2Json],
  ['gad-7.json', gad7Json],
  ['gad-2.json', gad2Json],
  ['pcl-5.json', pcl5Json],
  ['phq-15.json', phq15Json],
  ['k10.json', k10Json],
  ['wsas.json', wsasJson],
  ['dass-21.json', dass21Json],
  ['audit.json', auditJson],
  ['audit-c.json', auditCJson],
];

/**
 * Parses and checks one instrument file. Throws a plain Error (a bug in shipped data, not user input) naming the file
 * and every problem.
 *
 * @example
 * const phq9 = loadMeasureDefinition('phq-9.json', phq9Json);
 */
export function loadMeasureDefinition(fileName: string, json: unknown): MeasureDefinition {
  const parsed = measureDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${fileName} does not match the measure schema: ${problems.join('; ')}`);
  }
  const problems = checkMeasureDefinition(parsed.data);
  if (problems.length > 0) throw new Error(`${fileName} is inconsistent: ${problems.join('; ')}`);
  return deepFreeze(parsed.data);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Lowercase with runs of space, hyphen, underscore, en dash and dot collapsed to one space. */
function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-_–.]+/g, ' ');
}

/** Letters and digits only ("PHQ-9" → "phq9"). */
function compactName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const MEASURES: readonly MeasureDefinition[] = Object.freeze(
  MEASURE_FILES.map(([fileName, json]) => loadMeasureDefinition(fileName, json)),
);

const BY_NAME: ReadonlyMap<string, MeasureDefinition> = buildIndex(MEASURES);

function buildIndex(measures: readonly MeasureDefinition[]): Map<string, MeasureDefinition> {
  const index = new Map<string, MeasureDefinition>();
  const add = (key: string, measure: MeasureDefinition): void => {
    const existing = index.get(key);
    if (existing !== undefined && existing.id !== measure.id) {
      throw new Error(`measure name "${key}" is used by both ${existing.id} and ${measure.id}`);
    }
    index.set(key, measure);
  };
  for (const measure of measures) {
    add(measure.id, measure);
    for (const name of [measure.shortName, measure.name, ...measure.aliases]) add(normalizeName(name), measure);
  }
  return index;
}

/**
 * Every instrument, validated, in a fixed order (PHQ-9, PHQ-2, GAD-7, GAD-2, PCL-5, PHQ-15, K10, WSAS, DASS-21,
 * AUDIT, AUDIT-C). The array and its definitions are frozen.
 *
 * @example
 * listMeasures().map((m) => m.id); // ['phq9', 'phq2', 'gad7', 'gad2', 'pcl5', 'phq15', 'k10', 'wsas', 'dass21', 'audit', 'auditc']
 */
export function listMeasures(): readonly MeasureDefinition[] {
  return MEASURES;
}

/**
 * The instrument with this id, or whose short name, name or alias matches case-insensitively (spaces, hyphens and
 * dots are interchangeable: "PHQ-9", "phq 9", "Patient Health Questionnaire" all give the PHQ-9). Undefined when none.
 *
 * @example
 * getMeasure('phq9')?.shortName; // 'PHQ-9'
 * getMeasure('GAD 7')?.id; // 'gad7'
 * getMeasure('BDI-II'); // undefined
 */
export function getMeasure(id: string): MeasureDefinition | undefined {
  return BY_NAME.get(id) ?? BY_NAME.get(normalizeName(id)) ?? BY_NAME.get(compactName(id));
}
