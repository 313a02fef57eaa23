// One catalog, one status map, one docs page, kept in sync (STYLE.md house rule 5). Every exported `…Code` catalog
// in src/ is found by name, so a new catalog cannot slip past this page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../src/domain/shared/error-codes.js';
import { STATUS_BY_CODE } from '../src/http/plugins/error-handler.js';

const root = path.join(import.meta.dirname, '..');
const docs = fs.readFileSync(path.join(root, 'docs/errors.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'web' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

async function catalogs(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const names = [...fs.readFileSync(file, 'utf8').matchAll(/export const (\w+Code) = \{/g)].map((m) => m[1] ?? '');
    if (names.length === 0) continue;
    const mod = (await import(file)) as Record<string, Record<string, unknown>>;
    for (const name of names) {
      const values = Object.values(mod[name] ?? {}).filter((v): v is string => typeof v === 'string');
      if (values.length > 0) found.set(`${name} (${path.relative(root, file)})`, values);
    }
  }
  return found;
}

const documented = new Map(
  [...docs.matchAll(/^\| `([a-z0-9-]+)` \|(?: (\d{3}) \|)?/gm)].map((m) => [m[1] ?? '', m[2] ? Number(m[2]) : null]),
);

describe('docs/errors.md', () => {
  it('lists every code of every catalog in src/', async () => {
    const missing: string[] = [];
    for (const [catalog, codes] of await catalogs()) {
      for (const code of codes) if (!documented.has(code)) missing.push(`${code} from ${catalog}`);
    }
    expect(missing, 'add these codes to docs/errors.md').toEqual([]);
  });

  it('lists no code that no catalog has', async () => {
    const all = new Set([...(await catalogs()).values()].flat());
    expect([...documented.keys()].filter((c) => !all.has(c))).toEqual([]);
  });

  it('gives every refused-operation code the HTTP status of the one status map', () => {
    for (const code of Object.values(ErrorCode)) {
      expect([code, documented.get(code)]).toEqual([code, STATUS_BY_CODE[code]]);
    }
  });
});

describe('STATUS_BY_CODE', () => {
  it('maps exactly the codes of the catalog', () => {
    expect(Object.keys(STATUS_BY_CODE).sort()).toEqual(Object.values(ErrorCode).sort());
  });
});
