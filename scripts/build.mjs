// Builds what `npm start` and `npx cairn` run: the server and CLI into dist/. Runs on `npm install` (prepare).
// esbuild only transpiles (about a second); type checking is `npm run typecheck`, which CI runs before the tests.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(import.meta.dirname, '..');
const src = path.join(root, 'src');
// CAIRN_BUILD_OUT builds elsewhere (the browser journeys in test/e2e build a private copy, so a concurrent rebuild of
// dist/ cannot pull files from under their server).
const dist = process.env.CAIRN_BUILD_OUT ? path.resolve(process.env.CAIRN_BUILD_OUT) : path.join(root, 'dist');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'web' && dir === src ? [] : walk(p);
    return [p];
  });
}

const files = walk(src);
const entryPoints = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
fs.rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints,
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  supported: { 'import-attributes': true },
  sourcemap: true,
  logLevel: 'warning',
});
for (const f of files.filter((f) => f.endsWith('.json'))) {
  const out = path.join(dist, path.relative(src, f));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.copyFileSync(f, out);
}
fs.chmodSync(path.join(dist, 'cli', 'main.js'), 0o755);

// The web app (src/web, React + Vite) into dist/web, which `cairn start` serves at /. Vite is a dev dependency: an
// install without dev dependencies gets the server's placeholder page instead, and says so.
let vite = null;
try {
  // CAIRN_BUILD_SKIP_WEB=1: server and CLI only (the CLI tests build a private copy and need no web app).
  if (process.env.CAIRN_BUILD_SKIP_WEB !== '1') vite = await import('vite');
} catch {
  console.warn('build: Vite is not installed, so the web app was not built (the server shows a placeholder page).');
}
if (vite) {
  await vite.build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: path.join(dist, 'web'), emptyOutDir: true },
  });
}
