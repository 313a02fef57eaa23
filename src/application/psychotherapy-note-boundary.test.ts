// Psychotherapy notes stay apart (45 CFR 164.501; DESIGN 2.9): the only code that reads them is their own list use
// case, and no export, report, FHIR or assistant module even names them. A new reader has to be added here on
// purpose, in review.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(p) && !/\.test\.tsx?$/.test(p) ? [p] : [];
  });
}

const files = sourceFiles(path.join(root, 'src')).map((p) => ({
  file: path.relative(root, p),
  text: fs.readFileSync(p, 'utf8'),
}));

describe('the psychotherapy-note boundary', () => {
  it('is read only through the author-scoped list use case', () => {
    const readers = files.filter((f) => /listPsychotherapyNotes|selectFrom\('psychotherapy_note'\)/.test(f.text));
    expect(readers.map((f) => f.file).sort()).toEqual([
      'src/application/list-psychotherapy-notes.ts',
      'src/application/ports.ts',
      'src/http/routes/sessions/index.ts',
      'src/storage/create-store.ts',
      'src/storage/repositories/psychotherapy-note-repository.ts',
    ]);
  });

  it('is never named by exports, reports, the review draft or any assistant', () => {
    const outside = files.filter(
      (f) =>
        (f.file.startsWith('src/exports/') ||
          f.file.startsWith('src/domain/goal-assistant/') ||
          /export-client-record|review-data|start-review|progress/.test(f.file)) &&
        /PsychotherapyNote|psychotherapy_note|psychotherapy-note/.test(f.text),
    );
    expect(outside.map((f) => f.file)).toEqual([]);
  });
});
