// Runs dependency-cruiser over a folder with the project's layer rules and fails when it finds a violation — or when
// it cruised no module at all (a check that cruises nothing must fail: see STYLE.md on TypeScript 7).
// Usage: node scripts/check-layers.mjs [DIR]   (default: src)
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const dir = process.argv[2] ?? 'src';
const bin = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const run = spawnSync(process.execPath, [bin, dir, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let result;
try {
  result = JSON.parse(run.stdout);
} catch {
  console.error(
    `layers: dependency-cruiser did not produce a report (exit ${run.status}): ${run.stderr.slice(0, 500)}`,
  );
  process.exit(1);
}
const { summary } = result;
const violations = summary.violations.filter((v) => v.rule.severity === 'error');
for (const v of violations) console.error(`layers: ${v.rule.name}: ${v.from} → ${v.to}`);
if (summary.totalCruised === 0) {
  console.error(`layers: cruised 0 modules in ${dir} — the check is not working (TypeScript 7? wrong path?)`);
  process.exit(1);
}
console.log(`layers: ${summary.totalCruised} modules cruised in ${dir}, ${violations.length} violations`);
process.exit(violations.length > 0 ? 1 : 0);
