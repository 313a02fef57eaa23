// Browser journey (issue 11): the demo clinician opens the depression case's Sessions tab (the demo's signed notes are
// listed), records today's session, writes the note beside the plan — ticks a goal, writes the data section and,
// because the case's critical-item alert is open, the risk section — saves it, signs it, and adds an addendum. A real
// `cairn start` on a free port with a fresh demo data directory, driven through Debian's Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserSkipReason,
  buildPrivateCopy,
  launchBrowser,
  runCairn,
  SCREENSHOT_DIR,
  startCairn,
} from './e2e-harness.js';

const skipReason = browserSkipReason();
const JOURNEY_TIMEOUT = 180_000;
const CLINICIAN = { email: 'clinician@cairn-demo.example', password: 'demo-clinician-pass' };

describe.skipIf(skipReason !== null)('browser journey: writing and signing a session note', () => {
  let build: ReturnType<typeof buildPrivateCopy>;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startCairn>>;
  let dataDir: string;

  beforeAll(async () => {
    build = buildPrivateCopy();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-notes-'));
    runCairn(build.main, dataDir, ['demo']);
    server = await startCairn(build.main, dataDir);
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    build?.remove();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'records a session, writes the note beside the plan, signs it and adds an addendum',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/401 \(Unauthorized\)/.test(m.text())) errors.push(`console: ${m.text()}`);
      });
      try {
        // First, the demo clinician signs in and opens the depression case's sessions: the demo's notes are signed.
        await page.goto(`${server.url}/sign-in`);
        await page.getByLabel('E-mail').fill(CLINICIAN.email);
        await page.getByLabel('Password').fill(CLINICIAN.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor({ timeout: 60_000 });
        await page.getByRole('link', { name: /Avery/ }).first().click();
        await page.getByRole('link', { name: 'Sessions', exact: true }).click();
        await page
          .getByRole('button', { name: /View note/ })
          .first()
          .waitFor();

        // Then they record today's session; its note editor opens beside the plan's goals.
        await page.getByRole('button', { name: 'Record session' }).click();
        await page.getByRole('heading', { name: /Note for the session of/ }).waitFor();
        await page.locator('.note-editor__plan input[type="checkbox"]').first().check();
        await page.getByLabel('Data', { exact: true }).fill('Reviewed the activity diary; planned two activities.');
        // The case's critical-item alert is open, so the risk section is written before signing.
        await page.getByLabel('Risk level').selectOption('low');
        await page
          .getByLabel('What was assessed and done')
          .fill('Passive thoughts, no plan or intent; safety plan reviewed.');
        await page.getByRole('button', { name: 'Open note' }).click();
        await page.getByText('Saved (revision 1).').waitFor();

        // They sign it: the note is locked and shown signed; an addendum goes beside it.
        await page.getByRole('button', { name: 'Sign note' }).click();
        await page.getByRole('heading', { name: /Signed note for the session of/ }).waitFor();
        expect(await page.getByText(/Signed by Dr Robin Demo/).count()).toBeGreaterThan(0);
        await page.getByLabel('Addendum', { exact: true }).fill('Client phoned to confirm the homework.');
        await page.getByRole('button', { name: 'Add addendum' }).click();
        await page.getByText('Client phoned to confirm the homework.').waitFor();
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'session-note-signed.png'), fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
