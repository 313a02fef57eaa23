import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.js';
import { measuresCommand } from './measures.js';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readStdin: async () => '',
    stdinLines: async function* () {},
    isTty: false,
    today: () => '2026-11-26',
    env: {},
  };
  const status = await measuresCommand(args, io);
  return { status, out, err };
}

describe('measuresCommand', () => {
  it('prints the DESIGN 3.2 score JSON for the PHQ-9 example', async () => {
    const { status, out, err } = await run('score', 'phq9', '--answers', '3,3,2,2,2,2,2,1,1', '--json');
    expect([status, err]).toEqual([0, []]);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toEqual({
      instrument: 'phq9',
      version: '1.0.0',
      total: 18,
      severity: 'moderately severe',
      prorated: false,
      subscales: {},
      flags: [{ code: 'critical-item', item: 9 }],
    });
    expect(out[0]).toMatch(
      /^\{"instrument":"phq9","version":"1\.0\.0","total":18,"severity":"moderately severe","prorated":false,"subscales":\{\},"flags":\[\{"code":"critical-item","item":9\}\]\}$/,
    );
  });

  it('prints the DESIGN 3.2 change JSON for PHQ-9 18 → 8, field for field and in order', async () => {
    const { status, out } = await run('change', 'phq9', '--from', '18', '--to', '8', '--json');
    expect(status).toBe(0);
    expect(out).toEqual([
      '{"instrument":"phq9","from":18,"to":8,"change":-10,"reliableChange":"improvement","response":true,"remission":false,"recovery":true,"reliableRecovery":true}',
    ]);
  });

  it('treats an empty CSV field as a missing item and prorates', async () => {
    const { status, out } = await run('score', 'phq9', '--answers', '1,1,1,1,0,0,0,0,', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({
      total: 5,
      severity: 'mild',
      prorated: true,
      flags: [{ code: 'critical-item-missing', item: 9 }],
    });
  });

  it('reports GAD-7 bands and PCL-5 clusters without bands', async () => {
    const gad7 = await run('score', 'gad7', '--answers', '2,2,2,1,1,1,1', '--json');
    expect(JSON.parse(gad7.out[0]!)).toMatchObject({ instrument: 'gad7', total: 10, severity: 'moderate' });
    const pcl5 = await run('score', 'PCL-5', '--answers', '4,3,2,1,0,2,2,1,1,1,1,1,1,1,0,1,2,3,4,0', '--json');
    expect(JSON.parse(pcl5.out[0]!)).toEqual({
      instrument: 'pcl5',
      version: '1.0.0',
      total: 31,
      severity: null,
      prorated: false,
      subscales: { B: 10, C: 4, D: 7, E: 10 },
      flags: [],
    });
  });

  it('adds subscale severity for the DASS-21', async () => {
    const answers = '1,0,2,0,2,1,0,1,0,2,1,1,2,1,0,1,1,1,0,1,0';
    const human = await run('score', 'dass21', '--answers', answers);
    expect(human.out).toEqual([
      'DASS-21 (no total; subscales)',
      '  Depression: 20 (moderate)',
      '  Anxiety: 2 (normal)',
      '  Stress: 14 (normal)',
    ]);
    const { out } = await run('score', 'dass21', '--answers', answers, '--json');
    expect(JSON.parse(out[0]!)).toMatchObject({
      total: null,
      subscales: { depression: 20, anxiety: 2, stress: 14 },
      subscaleSeverity: { depression: 'moderate', anxiety: 'normal', stress: 'normal' },
    });
  });

  it.each([
    [['score', 'phq9', '--answers', '3,3,4,2,2,2,2,1,1'], /Item 3 is out of range: allowed values are 0, 1, 2, 3\./],
    [['score', 'phq9', '--answers', '3,3,x,2,2,2,2,1,1'], /Item 3 must be a whole number: one of 0, 1, 2, 3\./],
    [['score', 'phq9', '--answers', '1,1,1,1,1,1,,,'], /3 items are missing \(7, 8, 9\).*at most 2 missing/],
    [['score', 'phq9', '--answers', '1,1,1'], /PHQ-9 has 9 scored items; got 3 answers/],
    [
      ['score', 'pcl5', '--answers', '1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,'],
      /Item 20 is missing; the PCL-5 has no missing-item rule/,
    ],
    [['score', 'audit', '--answers', '1,0,0,0,0,0,0,0,3,0'], /Item 9 is out of range: allowed values are 0, 2, 4\./],
    [['score', 'bdi2', '--answers', '1'], /unknown instrument "bdi2"; known: phq9, phq2, gad7/],
    [['score', 'phq9'], /score needs --answers/],
    [['score', '--answers', '1'], /score needs an instrument id/],
    [['score', 'phq9', '--answers', '1', '--bogus'], /Unknown option '--bogus'/],
    [['change', 'phq9', '--from', '18'], /change needs --from A --to B/],
    [['change', 'phq9', '--from', 'ten', '--to', '8'], /--from must be a whole number from 0 to 27/],
    [['change', 'phq9', '--from', '30', '--to', '8'], /from is outside the PHQ-9 range 0–27/],
    [['frobnicate'], /unknown subcommand "frobnicate"/],
    [[], /missing subcommand/],
  ])('rejects %j with one line on stderr, nothing on stdout and status 2', async (args, message) => {
    const { status, out, err } = await run(...args);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0]).not.toContain('\n');
  });

  it('lists one instrument per line with id, short name, item count and licence note', async () => {
    const { status, out } = await run('list');
    expect(status).toBe(0);
    expect(out).toHaveLength(11);
    expect(out[0]).toMatch(/^phq9\s+PHQ-9\s+9 items\s+public domain/);
    expect(out.find((line) => line.startsWith('wsas'))).toMatch(/WSAS\s+5 items\s+.*score-only/);
  });

  it('lists as JSON with --json', async () => {
    const { out } = await run('list', '--json');
    const rows = JSON.parse(out[0]!) as { id: string; items: number; content: string }[];
    expect(rows.map((r) => r.id)).toContain('auditc');
    expect(rows.find((r) => r.id === 'pcl5')).toMatchObject({ items: 20, content: 'full' });
  });

  it('prints a short human-readable score with a risk line for a critical item', async () => {
    const { status, out } = await run('score', 'phq9', '--answers', '3,3,2,2,2,2,2,1,1');
    expect(status).toBe(0);
    expect(out[0]).toBe('PHQ-9 total 18 (moderately severe)');
    expect(out[1]).toMatch(/^RISK: critical item 9 endorsed\./);
  });

  it('prints a short human-readable change with n/a for unsourced rules', async () => {
    const { out } = await run('change', 'pcl5', '--from', '50', '--to', '30');
    expect(out).toEqual([
      'PCL-5 50 → 30 (-20)',
      'reliable change: improvement',
      'response: n/a (no sourced rule)',
      'remission: n/a (no sourced rule)',
      'recovery: n/a (no sourced rule)',
      'reliable recovery: n/a (no sourced rule)',
    ]);
  });
});
