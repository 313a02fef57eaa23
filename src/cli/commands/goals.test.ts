import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { checkJsonLine, formatAnalysis, goalsCommand } from './goals.js';

async function run(args: readonly string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readStdin: async () => stdin,
    stdinLines: async function* () {
      for (const line of stdin.split('\n')) yield line;
    },
    isTty: false,
    today: () => '2026-09-01',
    env: {},
  };
  const status = await goalsCommand(args, io);
  return { status, out, err };
}

describe('goalsCommand', () => {
  it('prints the DESIGN 3.2 object for one text with --json, "id":null first', async () => {
    const { status, out, err } = await run(['check', 'Reduce PHQ-9 from 18 to ≤9 within 16 weeks.', '--json']);
    expect([status, err]).toEqual([0, []]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\{"id":null,"smart":\{"specific":\{"met":true,/);
    const parsed = JSON.parse(out[0] ?? '{}');
    expect(Object.keys(parsed)).toEqual(['id', 'smart', 'targets', 'deadline', 'findings']);
    expect(Object.keys(parsed.smart)).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'timeBound']);
    expect(parsed.smart.achievable).toEqual({
      met: null,
      reason: "Needs the client's baseline and the time to the deadline.",
    });
    expect(parsed.targets[0]).toMatchObject({
      measure: 'phq9',
      behavior: null,
      direction: 'decrease',
      baseline: { value: 18, per: null },
      target: { value: 9, comparator: '<=', per: null },
    });
    expect(parsed.deadline).toMatchObject({ amount: 16, unit: 'week' });
  });

  it('answers each --jsonl line in order, id first, and an error object in place of a bad line', async () => {
    const stdin = [
      '{"id":"g1","text":"Reduce anxiety."}',
      'not json',
      '{"id":7,"text":"Attend work five days a week."}',
      '{"id":"g3"}',
      '',
      '{"id":"g4","text":""}',
    ].join('\n');
    const { status, out, err } = await run(['check', '--jsonl'], stdin);
    expect([status, err]).toEqual([0, []]);
    const lines = out.map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['g1', null, 7, 'g3', 'g4']);
    expect(lines[0].smart.specific.met).toBe(false);
    expect(lines[1]).toEqual({ id: null, error: { code: 'invalid-input', message: 'line 2 is not valid JSON' } });
    expect(lines[2].smart.measurable.met).toBe(true);
    expect(lines[3]).toEqual({ id: 'g3', error: { code: 'invalid-input', message: 'line 4 has no "text" string' } });
    expect(lines[4].findings[0].code).toBe('goal-text-empty');
  });

  it('turns over-long text into a finding', async () => {
    const { status, out } = await run(['check', 'x'.repeat(2001), '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(out[0] ?? '{}').findings[0].code).toBe('goal-text-too-long');
  });

  it('resolves dates without a year from --today', async () => {
    const { out } = await run(['check', 'Return to work by March 31.', '--json', '--today', '2027-04-15']);
    expect(JSON.parse(out[0] ?? '{}').deadline).toMatchObject({ date: '2028-03-31' });
  });

  it('prints a readable summary without --json', async () => {
    const { status, out } = await run(['check', 'Reduce anxiety.']);
    expect(status).toBe(0);
    expect(out[0]).toMatch(/^Specific {4}no {2}/);
    expect(out).toContain('  warning goal-missing-deadline: The goal has no deadline.');
  });

  it('reads the text from stdin when none is given', async () => {
    const { out } = await run(['check', '--json'], 'Lower GAD-7 from 15 to ≤7 within 12 weeks.\n');
    expect(JSON.parse(out[0] ?? '{}').targets[0].measure).toBe('gad7');
  });

  it.each([
    [['check', 'x', '--today', '2026-13-01'], '--today must be a date as YYYY-MM-DD'],
    [['check', 'x', '--today', 'tomorrow'], '--today must be a date as YYYY-MM-DD'],
    [['check', 'x', '--json', '--jsonl'], '--json and --jsonl cannot be used together'],
    [['check', 'x', '--jsonl'], '--jsonl reads statements from stdin'],
    [['check', '--bogus'], "Unknown option '--bogus'"],
    [['list'], 'unknown subcommand "list"'],
    [[], 'missing subcommand'],
  ])('refuses %j with one line on stderr and exit 2', async (args, message) => {
    const { status, out, err } = await run(args);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
  });
});

describe('checkJsonLine', () => {
  it('refuses a JSON value that is not an object', () => {
    expect(JSON.parse(checkJsonLine('[1,2]', 3, '2026-09-01', []))).toEqual({
      id: null,
      error: { code: 'invalid-input', message: 'line 3 is not a JSON object with "id" and "text"' },
    });
  });
});

describe('formatAnalysis', () => {
  it('lists the verdicts, the targets, the deadline and the findings', async () => {
    const { out } = await run(['check', 'Reduce panic attacks from 3/week to ≤1/month within 12 weeks.', '--json']);
    const lines = formatAnalysis(
      'Reduce panic attacks from 3/week to ≤1/month within 12 weeks.',
      JSON.parse(out[0] ?? '{}'),
    );
    expect(lines.slice(5)).toEqual([
      'Targets:',
      '  1. panic attacks decrease from 3 per week to ≤ 1 per month',
      'Deadline: 12 weeks (2026-11-24)',
    ]);
  });
});
