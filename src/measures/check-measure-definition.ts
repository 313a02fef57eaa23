import type { Band, MeasureDefinition, ScoreRange } from '../domain/scoring/measure-definition.js';

/**
 * Cross-field checks the schema cannot express. Returns one sentence per problem (empty when the definition is
 * consistent). Used when loading every instrument file and by measures.test.ts.
 *
 * Checked: the id is the lowercase letters and digits of the short name; items are numbered 1…n with ascending
 * unique option values; every item number referenced by the scoring, skip rules and critical items exists; `range`
 * and every subscale range equal the range the scoring produces; bands are ascending, contiguous and cover the range
 * exactly; cut-offs and rules lie within the range; score-only files carry no item text and full files carry all of
 * it; every clinical field that is set has a citation or a source; examples have one answer per item.
 *
 * @example
 * checkMeasureDefinition(getMeasure('phq9')!); // []
 */
export function checkMeasureDefinition(definition: MeasureDefinition): string[] {
  const problems: string[] = [];
  const problem = (text: string): void => {
    problems.push(text);
  };
  const itemCount = definition.items.length;
  const isItem = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= itemCount;
  const checkItems = (where: string, numbers: readonly number[]): void => {
    for (const n of numbers) if (!isItem(n)) problem(`${where} refers to item ${n}, which does not exist`);
    if (new Set(numbers).size !== numbers.length) problem(`${where} lists an item twice`);
  };

  const expectedId = definition.shortName.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (definition.id !== expectedId) problem(`id must be "${expectedId}" (letters and digits of the short name)`);
  if (!definition.aliases.includes(definition.shortName)) problem('aliases must include the short name');

  definition.items.forEach((item, index) => {
    if (item.number !== index + 1) problem(`item at position ${index + 1} is numbered ${item.number}`);
    const values = item.options.map((o) => o.value);
    if (values.some((v, i) => i > 0 && v <= (values[i - 1] ?? v)))
      problem(`item ${item.number}: option values must ascend without repeats`);
    if (definition.content === 'score-only' && item.text !== null)
      problem(`item ${item.number}: score-only file has item text`);
    if (definition.content === 'full' && item.text === null) problem(`item ${item.number}: full file lacks item text`);
    if (
      definition.content === 'score-only' &&
      item.options.some((o) => o.label !== null) &&
      definition.licence.status !== 'public-domain' &&
      definition.licence.status !== 'unrestricted-with-notice'
    )
      problem(`item ${item.number}: option wording in a score-only file whose licence is ${definition.licence.status}`);
  });

  const { scoring } = definition;
  if (scoring.total === null && scoring.subscales.length === 0) problem('scoring has neither a total nor subscales');
  if (scoring.total !== null) {
    checkItems('scoring.total', scoring.total.items);
    checkRange('range', definition.range, rangeOf(definition, scoring.total.items, scoring.total.multiplier), problem);
  }
  for (const subscale of scoring.subscales) {
    checkItems(`subscale ${subscale.id}`, subscale.items);
    checkRange(
      `subscale ${subscale.id} range`,
      subscale.range,
      rangeOf(definition, subscale.items, subscale.multiplier),
      problem,
    );
    if (subscale.bands !== null) checkBands(`subscale ${subscale.id} bands`, subscale.bands, subscale.range, problem);
    if (scoring.total === null)
      checkRange('range (no total: shared subscale range)', definition.range, subscale.range, problem);
  }
  if (new Set(scoring.subscales.map((s) => s.id)).size !== scoring.subscales.length) problem('subscale ids repeat');
  checkItems('scoring.reverseItems', scoring.reverseItems);
  for (const rule of scoring.skipRules) {
    checkItems('skip rule whenItems', rule.whenItems);
    checkItems('skip rule skippedItems', rule.skippedItems);
  }

  if (definition.bands !== null) {
    if (scoring.total === null) problem('bands are set but there is no total');
    checkBands('bands', definition.bands, definition.range, problem);
  }
  const inRange = (value: number): boolean => value >= definition.range.min && value <= definition.range.max;
  if (definition.casenessCutoff !== null && !inRange(definition.casenessCutoff))
    problem('casenessCutoff lies outside the range');
  for (const cutoff of definition.screeningCutoffs)
    if (!inRange(cutoff.atLeast)) problem(`screening cut-off "${cutoff.label}" lies outside the range`);
  const span = definition.range.max - definition.range.min;
  if (definition.reliableChangeThreshold !== null && definition.reliableChangeThreshold > span)
    problem('reliableChangeThreshold exceeds the range');
  if (definition.remission !== null && !inRange(definition.remission.below))
    problem('remission.below lies outside the range');
  if (
    definition.recovery !== null &&
    (definition.casenessCutoff === null || definition.reliableChangeThreshold === null)
  )
    problem('recovery needs casenessCutoff and reliableChangeThreshold');
  if ((definition.remission !== null || definition.response !== null) && definition.direction !== 'lower-is-better')
    problem('remission and response rules assume lower-is-better');
  if (definition.norms?.publishedCutoff != null && !inRange(definition.norms.publishedCutoff))
    problem('norms.publishedCutoff lies outside the range');
  if (definition.missingItemRule.kind === 'prorate' && definition.missingItemRule.maxMissing >= itemCount)
    problem('missingItemRule.maxMissing must leave at least one answered item');
  for (const critical of definition.criticalItems) {
    checkItems('criticalItems', [critical.item]);
    const values = definition.items[critical.item - 1]?.options.map((o) => o.value) ?? [];
    if (!values.includes(critical.minValue)) problem(`critical item ${critical.item}: minValue is not an option value`);
  }

  const cited = (field: string): boolean => (definition.citations[field] ?? '').length > 0;
  for (const field of ['bands', 'casenessCutoff', 'reliableChangeThreshold', 'mcid', 'loinc'] as const) {
    if (definition[field] !== null && !cited(field)) problem(`${field} is set but has no citation`);
  }
  if (definition.typicalChangePerWeek !== null && !cited('typicalChangePerWeek'))
    problem('typicalChangePerWeek is set but has no citation');
  if (scoring.subscales.length > 0 && !cited('subscales')) problem('subscales have no citation');

  definition.examples.forEach((example, index) => {
    if ('invalid' in example.expected) return;
    if (example.answers.length !== itemCount) problem(`example ${index + 1} has ${example.answers.length} answers`);
  });
  return problems;
}

/** The lowest and highest score a set of items can give, times the multiplier (reverse items span the same range). */
function rangeOf(definition: MeasureDefinition, itemNumbers: readonly number[], multiplier: number): ScoreRange {
  let min = 0;
  let max = 0;
  for (const n of itemNumbers) {
    const values = definition.items[n - 1]?.options.map((o) => o.value) ?? [0];
    // An item that may be omitted by design scores 0 when left out.
    const omittable = definition.items[n - 1]?.omittedWhen != null;
    min += omittable ? Math.min(0, ...values) : Math.min(...values);
    max += Math.max(...values);
  }
  return { min: min * multiplier, max: max * multiplier };
}

function checkRange(where: string, declared: ScoreRange, computed: ScoreRange, problem: (text: string) => void): void {
  if (declared.min !== computed.min || declared.max !== computed.max)
    problem(`${where} is ${declared.min}–${declared.max} but the scoring gives ${computed.min}–${computed.max}`);
}

function checkBands(where: string, bands: readonly Band[], range: ScoreRange, problem: (text: string) => void): void {
  if (bands[0]?.min !== range.min) problem(`${where} must start at ${range.min}`);
  if (bands[bands.length - 1]?.max !== range.max) problem(`${where} must end at ${range.max}`);
  bands.forEach((band, i) => {
    if (band.min > band.max) problem(`${where}: "${band.label}" is empty`);
    const previous = bands[i - 1];
    if (previous !== undefined && band.min !== previous.max + 1)
      problem(`${where}: "${band.label}" must start right after "${previous.label}"`);
  });
  if (new Set(bands.map((b) => b.label)).size !== bands.length) problem(`${where}: labels repeat`);
}
