import { parseArgs } from 'node:util';
import { classifyChange } from '../../domain/progress/classify-change.js';
import type { MeasureDefinition } from '../../domain/scoring/measure-definition.js';
import { type MeasureScore, scoreMeasure } from '../../domain/scoring/score-measure.js';
import type { Issue } from '../../domain/shared/issue.js';
import { getMeasure, listMeasures } from '../../measures/registry.js';
import { type CliIo, ExitCode } from '../cli-io.js';

const USAGE = 'usage: cairn measures list | score ID --answers CSV [--json] | change ID --from A --to B [--json]';

/** Thrown inside this module for bad input; becomes one line on stderr and exit status 2. */
class BadInput extends Error {}

/**
 * `cairn measures …` (DESIGN 3.2): `list`; `score ID --answers CSV [--json]`; `change ID --from A --to B [--json]`.
 * `args` are the words after `cairn measures`. An empty CSV field is a missing item. Bad input writes one line on
 * stderr naming the problem (for answers: the item and its allowed values), nothing on stdout, and returns 2.
 *
 * @example
 * await measuresCommand(['score', 'phq9', '--answers', '3,3,2,2,2,2,2,1,1', '--json'], io);
 * // stdout: {"instrument":"phq9","version":"1.0.0","total":18,"severity":"moderately severe","prorated":false,
 * //          "subscales":{},"flags":[{"code":"critical-item","item":9}]}
 * await measuresCommand(['change', 'phq9', '--from', '18', '--to', '8', '--json'], io);
 * // stdout: {"instrument":"phq9","from":18,"to":8,"change":-10,"reliableChange":"improvement","response":true,
 * //          "remission":false,"recovery":true,"reliableRecovery":true}
 */
export async function measuresCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  try {
    switch (subcommand) {
      case 'list':
        return runList(rest, io);
      case 'score':
        return runScore(rest, io);
      case 'change':
        return runChange(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return ExitCode.ok;
      case undefined:
        throw new BadInput(`missing subcommand; ${USAGE}`);
      default:
        throw new BadInput(`unknown subcommand "${subcommand}"; ${USAGE}`);
    }
  } catch (error) {
    if (error instanceof BadInput) {
      io.err(`cairn measures: ${error.message}`);
      return ExitCode.badInput;
    }
    throw error;
  }
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    const firstLine = (error as Error).message.split('\n')[0] ?? 'bad arguments';
    throw new BadInput(firstLine.replace(/\. To specify a positional.*$/, ''));
  }
}

function runList(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw new BadInput(`list takes no arguments; ${USAGE}`);
  if (values.json === true) {
    const rows = listMeasures().map((m) => ({
      id: m.id,
      version: m.version,
      shortName: m.shortName,
      name: m.name,
      items: m.items.length,
      content: m.content,
      licence: m.licence.summary,
    }));
    io.out(JSON.stringify(rows));
    return ExitCode.ok;
  }
  const idWidth = Math.max(...listMeasures().map((m) => m.id.length));
  const nameWidth = Math.max(...listMeasures().map((m) => m.shortName.length));
  for (const m of listMeasures()) {
    const items = `${m.items.length} items`.padEnd(8);
    io.out(`${m.id.padEnd(idWidth)}  ${m.shortName.padEnd(nameWidth)}  ${items}  ${m.licence.summary}`);
  }
  return ExitCode.ok;
}

function requireMeasure(positionals: readonly string[], command: string): MeasureDefinition {
  const [id, ...extra] = positionals;
  if (id === undefined) throw new BadInput(`${command} needs an instrument id; ${USAGE}`);
  if (extra.length > 0) throw new BadInput(`unexpected argument "${extra[0]}"; ${USAGE}`);
  const definition = getMeasure(id);
  if (definition === undefined) {
    const known = listMeasures()
      .map((m) => m.id)
      .join(', ');
    throw new BadInput(`unknown instrument "${id}"; known: ${known}`);
  }
  return definition;
}

/** Splits the CSV: an empty field is a missing item (null); anything not a plain decimal number becomes NaN. */
function parseAnswersCsv(csv: string): (number | null)[] {
  return csv.split(',').map((field) => {
    const text = field.trim();
    if (text === '') return null;
    return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  });
}

function runScore(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parse(args, { answers: { type: 'string' }, json: { type: 'boolean' } });
  const definition = requireMeasure(positionals, 'score');
  if (values.answers === undefined) throw new BadInput(`score needs --answers CSV; ${USAGE}`);
  const outcome = scoreMeasure(definition, parseAnswersCsv(values.answers));
  if (outcome.kind === 'invalid') throw new BadInput(describeIssues(definition, outcome.issues));
  const result = outcome.result;
  if (values.json === true) io.out(JSON.stringify(toScoreJson(definition, result)));
  else for (const line of describeScore(definition, result)) io.out(line);
  return ExitCode.ok;
}

function runChange(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parse(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  const definition = requireMeasure(positionals, 'change');
  if (values.from === undefined || values.to === undefined)
    throw new BadInput(`change needs --from A --to B; ${USAGE}`);
  const from = parseScoreOption('--from', values.from, definition);
  const to = parseScoreOption('--to', values.to, definition);
  const outcome = classifyChange(definition, from, to);
  if (outcome.kind === 'invalid') throw new BadInput(outcome.issues.map((i) => i.message).join(' '));
  const r = outcome.result;
  if (values.json === true) {
    io.out(
      JSON.stringify({
        instrument: r.instrument,
        from: r.from,
        to: r.to,
        change: r.change,
        reliableChange: r.reliableChange,
        response: r.response,
        remission: r.remission,
        recovery: r.recovery,
        reliableRecovery: r.reliableRecovery,
      }),
    );
    return ExitCode.ok;
  }
  const signed = r.change > 0 ? `+${r.change}` : String(r.change);
  io.out(`${definition.shortName} ${r.from} → ${r.to} (${signed})`);
  io.out(`reliable change: ${r.reliableChange ?? 'n/a (no sourced threshold)'}`);
  for (const [label, value] of [
    ['response', r.response],
    ['remission', r.remission],
    ['recovery', r.recovery],
    ['reliable recovery', r.reliableRecovery],
  ] as const) {
    io.out(`${label}: ${value === null ? 'n/a (no sourced rule)' : value ? 'yes' : 'no'}`);
  }
  return ExitCode.ok;
}

function parseScoreOption(name: string, text: string, definition: MeasureDefinition): number {
  const { min, max } = definition.range;
  if (!/^[+-]?\d+$/.test(text.trim())) {
    throw new BadInput(`${name} must be a whole number from ${min} to ${max} (${definition.shortName} range)`);
  }
  return Number(text);
}

/** The DESIGN 3.2 JSON fields, plus `subscaleSeverity` for instruments whose subscales have bands (DASS-21). */
function toScoreJson(definition: MeasureDefinition, result: MeasureScore): Record<string, unknown> {
  const json: Record<string, unknown> = {
    instrument: result.instrument,
    version: result.version,
    total: result.total,
    severity: result.severity,
    prorated: result.prorated,
    subscales: result.subscales,
    flags: result.flags.map((flag) => ({ code: flag.code, item: flag.item })),
  };
  if (definition.scoring.subscales.some((s) => s.bands !== null)) json.subscaleSeverity = result.subscaleSeverity;
  return json;
}

function describeScore(definition: MeasureDefinition, result: MeasureScore): string[] {
  const lines: string[] = [];
  if (result.total !== null) {
    const band = result.severity === null ? '' : ` (${result.severity})`;
    const prorated = result.prorated ? `, prorated: item ${result.missingItems.join(', ')} missing` : '';
    lines.push(`${definition.shortName} total ${result.total}${band}${prorated}`);
  } else {
    const prorated = result.prorated ? `, prorated: item ${result.missingItems.join(', ')} missing` : '';
    lines.push(`${definition.shortName} (no total; subscales)${prorated}`);
  }
  for (const subscale of definition.scoring.subscales) {
    const severity = result.subscaleSeverity[subscale.id];
    const band = severity === undefined || severity === null ? '' : ` (${severity})`;
    lines.push(`  ${subscale.name}: ${result.subscales[subscale.id]}${band}`);
  }
  for (const flag of result.flags) {
    const critical = definition.criticalItems.find((c) => c.item === flag.item);
    lines.push(
      flag.code === 'critical-item'
        ? `RISK: critical item ${flag.item} endorsed. ${critical?.action ?? ''}`.trimEnd()
        : `RISK UNKNOWN: critical item ${flag.item} was not answered; ask it before relying on this score.`,
    );
  }
  return lines;
}

/** One line naming each problem (up to three), e.g. "PHQ-9: Item 3 is out of range: allowed values are 0, 1, 2, 3." */
function describeIssues(definition: MeasureDefinition, issues: readonly Issue[]): string {
  const shown = issues.slice(0, 3).map((i) => i.message);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `${definition.shortName}: ${shown.join(' ')}${more}`;
}
