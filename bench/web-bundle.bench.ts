// The web app's initial JavaScript (DESIGN 5: ≤ 350 KB gzip): builds src/web with Vite into a temporary folder and
// sums, gzip -9, the JavaScript index.html loads before any page code (the entry module and its modulepreload links).
// Pages load lazily after that; their chunks are listed for reference. The 350 KB budget is the baseline.
// Run: node --import tsx bench/web-bundle.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';

const root = path.join(import.meta.dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-web-bundle-'));
const BUDGET_KB = 350;

try {
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true },
  });
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g),
  ].map((m) => m[1] as string);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((m) => m[1] as string);
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length / 1024;
  const raw = (file: string) => fs.statSync(path.join(out, file)).size / 1024;
  const initialGz = initial.reduce((sum, f) => sum + gz(f), 0);
  const lazy = fs
    .readdirSync(path.join(out, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !initial.includes(f))
    .map((f) => ({ file: f.replace(/-[\w-]{8}\.js$/, '.js'), gzipKB: Math.round(gz(f) * 10) / 10 }))
    .sort((a, b) => b.gzipKB - a.gzipKB);
  console.log(
    JSON.stringify({
      name: 'web app: initial JavaScript, gzip -9 (baseline: 350 KB budget)',
      value: Math.round(initialGz * 10) / 10,
      unit: 'KB',
      baseline: BUDGET_KB,
      ratio: Math.round((initialGz / BUDGET_KB) * 1000) / 1000,
      initialRawKB: Math.round(initial.reduce((sum, f) => sum + raw(f), 0) * 10) / 10,
      initialFiles: initial.length,
      cssGzipKB: Math.round(css.reduce((sum, f) => sum + gz(f), 0) * 10) / 10,
      lazyChunks: lazy,
    }),
  );
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
