import { z } from 'zod';
import type { MeasureDefinition } from '../domain/scoring/measure-definition.js';

const integer = z.number().int();
const itemNumber = integer.min(1);
const text = z.string().min(1);

const range = z.strictObject({ min: integer, max: integer });
const band = z.strictObject({ min: integer, max: integer, label: text });

const responseOption = z.strictObject({ value: integer, label: text.nullable(), loinc: text.nullable() });

const item = z.strictObject({
  number: itemNumber,
  text: text.nullable(),
  label: text.nullable(),
  loinc: text.nullable(),
  options: z.array(responseOption).min(2),
  omittedWhen: text.nullable(),
});

const unscoredItem = z.strictObject({
  number: itemNumber,
  text: text.nullable(),
  loinc: text.nullable(),
  options: z.array(responseOption).min(2),
});

const subscale = z.strictObject({
  id: text,
  name: text,
  items: z.array(itemNumber).min(1),
  multiplier: integer.min(1),
  range,
  bands: z.array(band).min(1).nullable(),
});

const skipRule = z.strictObject({
  whenItems: z.array(itemNumber).min(1),
  whenSumAtMost: integer,
  skippedItems: z.array(itemNumber).min(1),
  skippedScore: integer,
  source: text,
});

const scoring = z.strictObject({
  total: z
    .strictObject({ kind: z.literal('sum'), items: z.array(itemNumber).min(1), multiplier: integer.min(1) })
    .nullable(),
  subscales: z.array(subscale),
  reverseItems: z.array(itemNumber),
  skipRules: z.array(skipRule),
});

const missingItemRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none'), source: text }),
  z.strictObject({
    kind: z.literal('prorate'),
    maxMissing: integer.min(1),
    rounding: z.literal('half-up'),
    source: text,
  }),
]);

const licence = z.strictObject({
  status: z.enum(['public-domain', 'us-government-work', 'unrestricted-with-notice', 'conditional', 'unclear']),
  summary: text,
  note: text,
  requiredNotice: text.nullable(),
});

const flag = z.strictObject({ code: text, item: itemNumber });

const expectedScore = z.strictObject({
  total: integer.nullable(),
  severity: text.nullable(),
  prorated: z.boolean(),
  subscales: z.record(z.string(), integer),
  subscaleSeverity: z.record(z.string(), text.nullable()).optional(),
  flags: z.array(flag),
});

const example = z.strictObject({
  description: text,
  answers: z.array(z.number().nullable()),
  expected: z.union([expectedScore, z.strictObject({ invalid: z.array(text).min(1) })]),
});

const changeExample = z.strictObject({
  description: text,
  from: integer,
  to: integer,
  expected: z.strictObject({
    reliableChange: z.enum(['improvement', 'deterioration', 'none']).nullable(),
    response: z.boolean().nullable(),
    remission: z.boolean().nullable(),
    recovery: z.boolean().nullable(),
    reliableRecovery: z.boolean().nullable(),
  }),
});

/**
 * The schema every instrument file in src/measures must match (shape only; cross-field rules such as "bands cover the
 * range" are in `checkMeasureDefinition`). Unknown keys are rejected so a misspelt field cannot pass silently.
 *
 * @example
 * const parsed = measureDefinitionSchema.safeParse(json);
 * if (!parsed.success) console.error(parsed.error.issues);
 */
export const measureDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  shortName: text,
  name: text,
  aliases: z.array(text).min(1),
  content: z.enum(['full', 'score-only']),
  licence,
  copyright: text,
  source: text,
  citation: text,
  recallPeriod: text.nullable(),
  instructions: text.nullable(),
  direction: z.enum(['lower-is-better', 'higher-is-better']),
  items: z.array(item).min(1),
  unscoredItems: z.array(unscoredItem),
  range,
  scoring,
  missingItemRule,
  bands: z.array(band).min(1).nullable(),
  casenessCutoff: integer.nullable(),
  screeningCutoffs: z.array(z.strictObject({ label: text, atLeast: integer, source: text })),
  reliableChangeThreshold: integer.min(1).nullable(),
  mcid: z.number().positive().nullable(),
  remission: z.strictObject({ below: integer, baselineAbove: integer.nullable(), source: text }).nullable(),
  response: z
    .strictObject({ minReductionPercent: z.number().gt(0).max(100), baselineAbove: integer.nullable(), source: text })
    .nullable(),
  recovery: z.strictObject({ kind: z.literal('nhs-talking-therapies'), source: text }).nullable(),
  norms: z
    .strictObject({
      reliability: z.number().gt(0).lt(1).nullable(),
      clinical: z.strictObject({ mean: z.number(), sd: z.number().positive() }).nullable(),
      functional: z.array(z.strictObject({ population: text, mean: z.number(), sd: z.number().positive() })),
      publishedCutoff: integer.nullable(),
      source: text,
    })
    .nullable(),
  criticalItems: z.array(z.strictObject({ item: itemNumber, minValue: integer, action: text, source: text })),
  typicalChangePerWeek: z.number().nullable(),
  loinc: text.nullable(),
  loincPanel: text.nullable(),
  citations: z.record(z.string(), text),
  examples: z.array(example).min(1),
  changeExamples: z.array(changeExample),
});

/**
 * The parsed shape, checked at compile time to be assignable to the domain's `MeasureDefinition`.
 *
 * @example
 * const file: MeasureDefinitionFile = measureDefinitionSchema.parse(json);
 */
export type MeasureDefinitionFile = z.infer<typeof measureDefinitionSchema>;
const assignable: (file: MeasureDefinitionFile) => MeasureDefinition = (file) => file;
void assignable;
