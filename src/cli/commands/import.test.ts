import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../../test/test-deps.js';
import { createClient } from '../../application/create-client.js';
import { exportClientRecord } from '../../application/export-client-record.js';
import type { Deps } from '../../application/ports.js';
import { loadConfig } from '../../config/load-config.js';
import type { CliIo } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import { importCommand } from './import.js';

for (const dialect of DIALECTS) {
  describe(`importCommand on ${dialect}`, () => {
    let t: TestDatabase;
    let deps: Deps;
    let demo: DemoPractice;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-import-'));

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      deps = buildTestDeps(t);
      demo = await seedDemoPractice(deps);
    });
    afterAll(async () => {
      await t.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    function run(args: string[]) {
      const out: string[] = [];
      const io: CliIo = {
        out: (l) => out.push(l),
        err: () => {},
        readStdin: async () => '',
        stdinLines: async function* () {},
        isTty: false,
        today: () => '2026-11-26',
        env: {},
      };
      const ctx: CommandContext = {
        actor: { kind: 'cli', osUser: 'test' },
        loadConfig: () => loadConfig({}),
        openDeps: async () => ({ deps, location: 'test', applied: [], close: async () => {} }),
      };
      return importCommand(args, io, ctx).then(
        (status) => ({ status, out }),
        (error: Error) => ({ status: 'threw' as const, out, error }),
      );
    }

    it('imports an exported Bundle into another client by record number, then skips it as duplicates', async () => {
      const file = path.join(dir, 'panic.json');
      const exported = await exportClientRecord(deps, demo.cli, { clientId: demo.clients.panic, format: 'fhir' });
      fs.writeFileSync(file, exported.body);
      const client = await createClient(deps, demo.cli, {
        givenName: 'Imported',
        familyName: 'Panic',
        recordNumber: 'IMP-1',
        primaryClinicianId: demo.users.clinician.id,
      });
      const count = (await deps.store.listAdministrations(demo.clients.panic)).length;
      const first = await run(['--client', 'IMP-1', '--file', file]);
      expect(first.status).toBe(0);
      expect(first.out[0]).toMatch(new RegExp(`^imported ${count}, duplicates 0, ignored \\d+$`));
      const again = await run(['--client', client.id, '--file', file, '--json']);
      expect(JSON.parse(again.out[0] ?? '')).toMatchObject({ imported: 0, duplicates: count });
    });

    it('refuses a missing file, a file that is not JSON, and a missing --client with a usage error', async () => {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, 'not json');
      for (const args of [
        ['--client', 'DEMO-001', '--file', path.join(dir, 'missing.json')],
        ['--client', 'DEMO-001', '--file', bad],
        ['--file', bad],
      ]) {
        const r = await run(args);
        expect(r.status === 'threw' && r.error.name).toBe('UsageError');
      }
    });
  });
}
