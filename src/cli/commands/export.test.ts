import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../../test/test-deps.js';
import type { Deps } from '../../application/ports.js';
import { loadConfig } from '../../config/load-config.js';
import type { CliIo } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { runCli } from '../main.js';
import { exportCommand } from './export.js';

for (const dialect of DIALECTS) {
  describe(`exportCommand on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-export-'));

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(async () => {
      await t.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    function run(args: string[], isTty = false) {
      const out: string[] = [];
      const err: string[] = [];
      const bytes: Uint8Array[] = [];
      const io: CliIo = {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        readStdin: async () => '',
        stdinLines: async function* () {},
        isTty,
        today: () => '2026-11-26',
        env: {},
      };
      const ctx: CommandContext = {
        actor: { kind: 'cli', osUser: 'test' },
        loadConfig: () => loadConfig({}),
        openDeps: async () => ({ deps, location: 'test', applied: [], close: async () => {} }),
      };
      return exportCommand(args, io, ctx, async (b) => {
        bytes.push(b);
      }).then(
        (status) => ({ status, out, err, stdout: Buffer.concat(bytes) }),
        (error: Error) => ({ status: 'threw' as const, out, err, stdout: Buffer.concat(bytes), error }),
      );
    }

    it('writes the current plan PDF to --out, naming the client by record number', async () => {
      const file = path.join(dir, 'plan.pdf');
      const r = await run(['--client', 'DEMO-001', '--format', 'pdf', '--out', file]);
      expect(r.status).toBe(0);
      expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('writes FHIR JSON and CSV to stdout when there is no --out', async () => {
      const fhir = await run(['--client', demo.clients.panic, '--format', 'fhir']);
      expect(fhir.status).toBe(0);
      expect(JSON.parse(fhir.stdout.toString('utf8')).resourceType).toBe('Bundle');
      const csv = await run(['--client', 'DEMO-002', '--format', 'csv', '--from', '2026-11-01', '--to', '2026-11-30']);
      expect(csv.stdout.toString('utf8')).toMatch(/^record_number,/);
    });

    it('writes the progress report and the audit packet PDFs, and the behaviour-log CSV', async () => {
      const progress = path.join(dir, 'progress.pdf');
      const packet = path.join(dir, 'packet.pdf');
      const p = await run(['--client', 'DEMO-001', '--format', 'pdf', '--document', 'progress', '--out', progress]);
      expect(p.status).toBe(0);
      expect(fs.readFileSync(progress).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const a = await run([
        '--client',
        'DEMO-003',
        '--format',
        'pdf',
        '--document',
        'audit-packet',
        '--from',
        '2026-01-01',
        '--to',
        '2099-12-31',
        '--purpose',
        'payer audit',
        '--recipient',
        'Acme Health Plan',
        '--out',
        packet,
      ]);
      expect(a.status).toBe(0);
      expect(fs.readFileSync(packet).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const [event] = await deps.store.listAuditNewestFirst({ limit: 1, clientId: demo.clients.ptsd });
      expect(event).toMatchObject({ action: 'export.pdf', actor: 'cli:test' });
      expect(event?.resource).toContain('purpose=payer+audit&recipient=Acme+Health+Plan');
      const logs = await run(['--client', 'DEMO-002', '--format', 'csv', '--document', 'behavior-logs']);
      expect(logs.stdout.toString('utf8')).toMatch(/^record_number,period_start,behavior,/);
    });

    it('refuses bad input with a usage error and writes no file', async () => {
      const file = path.join(dir, 'never.pdf');
      for (const args of [
        ['--format', 'pdf', '--out', file],
        ['--client', 'DEMO-001', '--format', 'docx', '--out', file],
        [
          '--client',
          'DEMO-001',
          '--format',
          'pdf',
          '--document',
          'audit-packet',
          '--from',
          '2026-10-01',
          '--out',
          file,
        ],
        ['--client', 'DEMO-001', '--format', 'csv', '--document', 'plan', '--out', file],
        ['--client', 'DEMO-001', '--format', 'fhir', '--document', 'progress', '--out', file],
        ['--client', 'DEMO-001', '--format', 'pdf', '--review', 'r1', '--out', file],
        ['--client', 'DEMO-001', '--format', 'pdf', '--out', path.join(dir, 'missing', 'x.pdf')],
      ]) {
        const r = await run(args);
        expect(r.status).toBe('threw');
        expect(r.status === 'threw' && r.error.name).toBe('UsageError');
      }
      const noReview = await run(['--client', 'DEMO-001', '--format', 'pdf', '--document', 'review', '--out', file]);
      expect(noReview.status === 'threw' && noReview.error.message).toBe('No review is recorded for the client.');
      const tooLong = await run([
        '--client',
        'DEMO-001',
        '--format',
        'csv',
        '--purpose',
        'x'.repeat(201),
        '--out',
        file,
      ]);
      expect(tooLong.status === 'threw' && tooLong.error.name).toBe('AppError');
      const tty = await run(['--client', 'DEMO-001', '--format', 'pdf'], true);
      expect(tty.status).toBe('threw');
      const unknown = await run(['--client', 'DEMO-999', '--format', 'csv', '--out', file]);
      expect(unknown.status === 'threw' && unknown.error.message).toBe('No such client.');
      const badDate = await run(['--client', 'DEMO-001', '--format', 'csv', '--from', 'yesterday', '--out', file]);
      expect(badDate.status).toBe('threw');
      expect(fs.existsSync(file)).toBe(false);
    });
  });
}

describe('cairn export through runCli', () => {
  it('answers an unknown document with one line on stderr and exit 2', async () => {
    const err: string[] = [];
    const out: string[] = [];
    const io: CliIo = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readStdin: async () => '',
      stdinLines: async function* () {},
      isTty: false,
      today: () => '2026-11-26',
      env: {},
    };
    // Refused before any database is opened.
    const status = await runCli(['export', '--client', 'DEMO-001', '--format', 'pdf', '--document', 'letter'], io);
    expect([status, out, err]).toEqual([
      2,
      [],
      ['cairn export: --document for --format pdf must be plan, progress, review, audit-packet'],
    ]);
  });
});
