// Budget of the web app (issue 6): the JavaScript a browser loads before the first page shows — index.html's module
// script, its modulepreload links, and the static imports those chunks make (not the lazy `import()` chunks) — must
// stay within 350 KB gzip (KB = 1000 bytes, each file gzipped on its own at level 9 as a server would send it).
// Run after the build: `node scripts/check-web-budget.mjs [dist/web]` (`npm run budget`). Exits 1 over budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_BYTES = 350 * 1000;
const root = path.join(import.meta.dirname, '..');
const webDir = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'web'));
const indexPath = path.join(webDir, 'index.html');

if (!fs.existsSync(indexPath)) {
  console.error(`budget: no ${path.relative(root, indexPath) || indexPath}; build first (npm run build)`);
  process.exit(1);
}

const html = fs.readFileSync(indexPath, 'utf8');
/** Asset paths (relative to webDir) named by `<script type="module" src>` and `<link rel="modulepreload" href>`. */
const entries = [
  ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]),
].filter((src) => !/^(https?:)?\/\//.test(src));

if (entries.length === 0) {
  console.error('budget: index.html names no module script; the check would measure nothing');
  process.exit(1);
}

/** Static imports of a minified ES module: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`. */
function staticImports(code) {
  const found = [];
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)) {
    found.push(m[1]);
  }
  return found;
}

const seen = new Set();
const queue = entries.map((src) => path.join(webDir, src.replace(/^\//, '')));
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  if (!fs.existsSync(file)) {
    console.error(`budget: ${path.relative(webDir, file)} is named but missing`);
    process.exit(1);
  }
  seen.add(file);
  for (const spec of staticImports(fs.readFileSync(file, 'utf8'))) {
    if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
    else if (spec.startsWith('/')) queue.push(path.join(webDir, spec.slice(1)));
  }
}

const rows = [...seen].map((file) => {
  const raw = fs.readFileSync(file);
  return { file: path.relative(webDir, file), raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
});
rows.sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const r of rows) console.log(`  ${kb(r.gzip).padStart(9)} gzip  ${kb(r.raw).padStart(9)} raw  ${r.file}`);
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `budget: initial JavaScript ${kb(total)} gzip in ${rows.length} files, ${verdict} the ${kb(BUDGET_BYTES)} budget`,
);
if (total > BUDGET_BYTES) process.exit(1);
