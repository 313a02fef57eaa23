import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoClientRecords } from '../../../test/demo-client-records.js';
import { renderPdf } from './render-pdf.js';
import { buildTreatmentPlanDocument } from './treatment-plan-document.js';

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
if (!hasPdftotext && process.env.CI === 'true') {
  throw new Error(
    'CI=true but pdftotext (poppler-utils) is missing: the PDF text test would be skipped (see .ci/run).',
  );
}

/** The text of a PDF as poppler extracts it, lines joined by spaces. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cairn-pdf-'));
  try {
    const file = path.join(dir, 'plan.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderPdf', () => {
  it('renders the demo depression plan as a PDF with the Roboto font embedded', async () => {
    const pdf = await renderPdf(buildTreatmentPlanDocument(demoClientRecords().depression));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it.skipIf(!hasPdftotext)(
    'renders text that pdftotext reads back: client, diagnosis, goals in the client words, "≤ 9", signatures (needs poppler-utils)',
    async () => {
      const record = demoClientRecords().depression;
      const text = pdfText(await renderPdf(buildTreatmentPlanDocument(record)));
      for (const expected of [
        'Treatment plan',
        'DEMO-001',
        'Jordan Avery (demo)',
        'F32.1',
        'Major depressive disorder, single episode, moderate',
        'I want to get out of bed and enjoy things again.',
        'PHQ-9 total',
        '≥ 5 per week',
        'Behavioural activation',
        'daily homework',
        '50 minutes',
        'Next review date',
        'Discharge or transition criteria',
        'Dr Alex Morgan, PhD, Licensed Psychologist',
        'Supervisor co-signature',
        'page 1 of',
      ]) {
        expect(text).toContain(expected);
      }
      // The embedded TTF encodes "≤" (the standard 14 fonts would print a wrong glyph); poppler may drop the thin space.
      expect(text).toMatch(/PHQ-9 total 18 ≤ ?9 /);
    },
  );
});
