import { analyzeGoalText } from '../../domain/goal-text/analyze-goal-text.js';
import type {
  CriterionVerdict,
  GoalAnalysis,
  GoalTextInstrument,
  GoalTextTarget,
} from '../../domain/goal-text/goal-analysis.js';
import { measureToGoalTextInstrument } from '../../domain/goal-text/measure-to-goal-text-instrument.js';
import { describeGoal } from '../../domain/goal-text/rules/judge-measurable.js';
import { isCalendarDate } from '../../domain/shared/calendar-date.js';
import { listMeasures } from '../../measures/registry.js';
import { type CliIo, ExitCode, UsageError } from '../cli-io.js';
import { parseOptions } from '../parse-options.js';

const USAGE = 'usage: cairn goals check [TEXT] [--json | --jsonl] [--today YYYY-MM-DD]';

let instrumentsCache: readonly GoalTextInstrument[] | undefined;

/** The registry's instruments in the goal-text form, built once per process. */
function goalTextInstruments(): readonly GoalTextInstrument[] {
  instrumentsCache ??= Object.freeze(listMeasures().map(measureToGoalTextInstrument));
  return instrumentsCache;
}

/**
 * `cairn goals check [TEXT] [--json | --jsonl] [--today YYYY-MM-DD]` (DESIGN 3.2). `args` are the words after
 * `cairn goals`.
 * - TEXT (or, without TEXT, all of stdin) is analysed; a readable summary is printed, or with `--json` one compact
 *   JSON object with `"id":null` first.
 * - `--jsonl` reads JSON lines `{"id","text"}` from stdin and writes one JSON object per line, in the same order,
 *   `id` first. It never aborts: an unreadable line gives `{"id":…,"error":{"code","message"}}` in its place.
 * - `--today` sets the date that "by March 31" and "within 12 weeks" count from (default: today in the practice
 *   time zone).
 * Bad flags or a bad `--today` write one line on stderr and return 2.
 *
 * @example
 * await goalsCommand(['check', 'Lower GAD-7 from 15 to ≤7 within 12 weeks.', '--json', '--today', '2026-09-01'], io);
 * // stdout: {"id":null,"smart":{…},"targets":[{"kind":"instrument","measure":"gad7",…}],"deadline":{…},"findings":[…]}
 */
export async function goalsCommand(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const [subcommand, ...rest] = args;
    if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
      io.out(USAGE);
      return ExitCode.ok;
    }
    if (subcommand === undefined) throw new UsageError(`missing subcommand; ${USAGE}`);
    if (subcommand !== 'check') throw new UsageError(`unknown subcommand "${subcommand}"; ${USAGE}`);
    return await runCheck(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cairn goals: ${error.message}`);
      return ExitCode.badInput;
    }
    throw error;
  }
}

async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out(USAGE);
    return ExitCode.ok;
  }
  if (values.json && values.jsonl) throw new UsageError('--json and --jsonl cannot be used together');
  if (values.jsonl && positionals.length > 0)
    throw new UsageError('--jsonl reads statements from stdin; do not give TEXT');
  const today = values.today ?? io.today();
  if (!isCalendarDate(today)) throw new UsageError(`--today must be a date as YYYY-MM-DD, got "${today}"`);
  const instruments = goalTextInstruments();

  if (values.jsonl) {
    let lineNumber = 0;
    for await (const line of io.stdinLines()) {
      lineNumber++;
      if (line.trim() === '') continue;
      io.out(checkJsonLine(line, lineNumber, today, instruments));
    }
    return ExitCode.ok;
  }

  const text = positionals.length > 0 ? positionals.join(' ') : (await io.readStdin()).replace(/\r?\n$/, '');
  const analysis = analyzeGoalText(text, { today, instruments });
  if (values.json) io.out(JSON.stringify({ id: null, ...analysis }));
  else for (const line of formatAnalysis(text, analysis)) io.out(line);
  return ExitCode.ok;
}

/**
 * One output line of `--jsonl` for one input line: the analysis with `id` first, or an error object in its place.
 *
 * @example
 * checkJsonLine('{"id":"g1","text":"Reduce anxiety."}', 1, '2026-09-01', instruments); // '{"id":"g1","smart":{…},…}'
 * checkJsonLine('not json', 2, '2026-09-01', instruments); // '{"id":null,"error":{"code":"invalid-input","message":"line 2 is not valid JSON"}}'
 */
export function checkJsonLine(
  line: string,
  lineNumber: number,
  today: string,
  instruments: readonly GoalTextInstrument[],
): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return errorLine(null, `line ${lineNumber} is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return errorLine(null, `line ${lineNumber} is not a JSON object with "id" and "text"`);
  }
  const record = parsed as Record<string, unknown>;
  const rawId = record.id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  if (typeof record.text !== 'string') {
    return errorLine(id, `line ${lineNumber} has no "text" string`);
  }
  try {
    return JSON.stringify({ id, ...analyzeGoalText(record.text, { today, instruments }) });
  } catch (error) {
    // The analysis never throws by design; should a bug make it, the line still gets an answer.
    return errorLine(
      id,
      `line ${lineNumber} could not be analysed: ${(error as Error).message?.split('\n')[0] ?? 'unknown'}`,
    );
  }
}

function errorLine(id: string | number | null, message: string): string {
  return JSON.stringify({ id, error: { code: 'invalid-input', message } });
}

const LABELS: readonly [keyof GoalAnalysis['smart'], string][] = [
  ['specific', 'Specific'],
  ['measurable', 'Measurable'],
  ['achievable', 'Achievable'],
  ['relevant', 'Relevant'],
  ['timeBound', 'Time-bound'],
];

function mark(verdict: CriterionVerdict): string {
  if (verdict.met === null) return 'n/a';
  return verdict.met ? 'yes' : 'no ';
}

function describeTarget(target: GoalTextTarget): string {
  const what = target.measure ?? target.scaleName ?? target.behavior ?? 'target';
  const parts = [what];
  if (target.subscale !== undefined) parts.push(`(${target.subscale})`);
  if (target.direction !== null) parts.push(target.direction);
  if (target.baseline !== null)
    parts.push(`from ${target.baseline.value}${target.baseline.per === null ? '' : ` per ${target.baseline.per}`}`);
  if (target.target !== null) parts.push(`to ${describeGoal(target.target, target.unit)}`);
  else if (target.kind === 'task') parts.push('(done or not)');
  return parts.join(' ');
}

/**
 * The readable summary of an analysis, one string per line.
 *
 * @example
 * formatAnalysis('Reduce anxiety.', analysis)[0]; // 'Specific    no   Names only a global state or trait ("anxiety"), …'
 */
export function formatAnalysis(text: string, analysis: GoalAnalysis): string[] {
  const lines: string[] = [];
  for (const [key, label] of LABELS) {
    const verdict = analysis.smart[key];
    lines.push(`${label.padEnd(11)} ${mark(verdict)}  ${verdict.reason}`);
  }
  if (analysis.targets.length > 0) {
    lines.push('Targets:');
    analysis.targets.forEach((target, index) => {
      lines.push(`  ${index + 1}. ${describeTarget(target)}`);
    });
  }
  const deadline = analysis.deadline;
  if (deadline !== null) {
    const when =
      deadline.kind === 'date'
        ? deadline.date
        : `${deadline.amount} ${deadline.unit}${deadline.amount === 1 ? '' : 's'}`;
    lines.push(
      `Deadline: ${when}${deadline.kind === 'relative' && deadline.dueDate !== null ? ` (${deadline.dueDate})` : ''}`,
    );
  }
  if (analysis.findings.length > 0) {
    lines.push('Findings:');
    for (const finding of analysis.findings) {
      const words = finding.span === undefined ? '' : ` [${text.slice(finding.span.start, finding.span.end)}]`;
      lines.push(`  ${finding.severity} ${finding.code}: ${finding.message}${words}`);
      lines.push(`    → ${finding.suggestion}`);
    }
  }
  return lines;
}
