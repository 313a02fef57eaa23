import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * True when poppler's pdftotext is installed; under CI=true its absence throws instead (the PDF text tests must
 * not be skipped there; .ci/run installs poppler-utils).
 *
 * @example
 * it.skipIf(!HAS_PDFTOTEXT)('reads the goals back', …)
 */
export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
if (!HAS_PDFTOTEXT && process.env.CI === 'true') {
  throw new Error(
    'CI=true but pdftotext (poppler-utils) is missing: the PDF text tests would be skipped (see .ci/run).',
  );
}

/**
 * The text of a PDF as poppler extracts it (layout mode), whitespace runs joined into one space.
 *
 * @example
 * pdfText(await renderPdf(model)) // 'Progress report Cairn demo practice Client Name …'
 */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cairn-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
