// `npm test`: runs the whole suite with Vitest, says which database suites run, and ends with the plain summary line
// "N passed, N failed, N skipped". Without TEST_DATABASE_URL the PostgreSQL suites are skipped (and say so);
// with CI=true that is an error (test/dialects.ts), so CI always tests both databases.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const pgUrl = process.env.TEST_DATABASE_URL?.trim();
if (pgUrl) {
  console.log('storage suites: SQLite and PostgreSQL (TEST_DATABASE_URL is set)');
} else if (process.env.CI === 'true') {
  console.error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites would be skipped. See .ci/run.');
  process.exit(1);
} else {
  console.log('storage suites: SQLite only — PostgreSQL suites SKIPPED because TEST_DATABASE_URL is not set');
  console.log('  (to run them: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/cairn_test npm test)');
}
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-test-')), 'report.json');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: process.env },
);
let status = run.status ?? 1;
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) {
    console.error('no test ran');
    status = 1;
  }
} catch {
  console.error('test report missing: vitest did not finish');
  status = status || 1;
}
process.exit(status);
