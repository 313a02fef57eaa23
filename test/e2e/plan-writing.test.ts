// Browser journey (issue 6): the demo clinician edits the depression client's signed plan, saves the draft twice (the
// revision shown goes up and a reload keeps the edit), signs it as version 2, then compares version 1 with version 2
// and sees the changed goal. A real `cairn start` on a free port with a fresh demo data directory, driven through
// Debian's Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

describe.skipIf(skipReason !== null)('browser journey: writing a plan', () => {
  let build: ReturnType<typeof buildPrivateCopy>;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startCairn>>;
  let dataDir: string;

  beforeAll(async () => {
    build = buildPrivateCopy();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-data-'));
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

  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The sign-in check (GET /me) answers 401 before anyone signs in; the browser logs that failed request.
      if (m.type() === 'error' && !/401 \(Unauthorized\)/.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    return { page, errors };
  }

  it(
    'saves a goal edit as a draft, signs it as version 2 and shows the change when comparing v1 with v2',
    async () => {
      const { page, errors } = await openPage();
      try {
        // First, the demo clinician signs in (the demo practice relaxes the second factor) and opens the plan of the
        // depression case, whose version 1 is signed.
        await page.goto(`${server.url}/sign-in`);
        await page.getByLabel('E-mail').fill(CLINICIAN.email);
        await page.getByLabel('Password').fill(CLINICIAN.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        // The first sign-in of a fresh server hashes with argon2 on a possibly loaded machine: allow it a minute.
        await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor({ timeout: 60_000 });
        await page.getByRole('link', { name: /Avery/ }).first().click();
        await page.getByRole('link', { name: 'Plan', exact: true }).click();
        const status = page.getByTestId('plan-status');
        await expect.poll(() => status.textContent()).toContain('Version 1 is signed and cannot change');
        const save = page.getByRole('button', { name: 'Save draft' });
        const sign = page.getByRole('button', { name: 'Sign plan' });
        expect(await save.isDisabled()).toBe(true);
        expect(await sign.isDisabled()).toBe(true);

        // Then they reword goal 1 and save: a draft of version 2 opens at revision 1.
        const box = page.getByLabel("Goal 1, in the clinician's words");
        const original = await box.inputValue();
        const edited = `${original} (agreed in session)`;
        await box.fill(edited);
        await expect.poll(() => status.textContent()).toContain('You have unsaved changes');
        await save.click();
        const revision = page.getByTestId('plan-revision');
        await expect.poll(() => revision.textContent()).toBe('revision 1');
        await expect.poll(() => status.textContent()).toContain('Editing the draft of version 2');

        // A second edit saves as revision 2, and a reload keeps it.
        await page.getByLabel("In the client's own words").first().fill('I want to get my days back');
        await save.click();
        await expect.poll(() => revision.textContent()).toBe('revision 2');
        await page.reload();
        await expect.poll(() => page.getByTestId('plan-revision').textContent()).toBe('revision 2');
        expect(await page.getByLabel("Goal 1, in the clinician's words").inputValue()).toBe(edited);

        // Then they sign: version 2 is signed by them, with its content hash.
        await expect.poll(() => sign.isDisabled()).toBe(false);
        await sign.click();
        await expect.poll(() => status.textContent()).toContain('Version 2 is signed');
        const signatures = page.getByTestId('plan-signatures');
        expect(await signatures.textContent()).toContain('Dr Robin Demo');
        expect(await signatures.locator('code').textContent()).toMatch(/^[0-9a-f]{8}$/);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'plan-signed.png'), fullPage: true });

        // Finally the versions: v2 signed, v1 superseded, and the comparison v1 → v2 shows the changed goal.
        await page.getByRole('link', { name: 'Versions', exact: true }).click();
        const rows = page.getByTestId('plan-version-row');
        await expect.poll(() => rows.count()).toBe(2);
        expect(await rows.nth(0).textContent()).toContain('signed');
        expect(await rows.nth(1).textContent()).toContain('superseded');
        const comparison = page.getByTestId('plan-comparison');
        await comparison.waitFor();
        expect(await comparison.textContent()).toContain('Version 1 (superseded) → version 2 (signed)');
        const changed = comparison.locator('[data-testid="compared-goal"][data-change="changed"]');
        expect(await changed.count()).toBe(1);
        const changedText = (await changed.textContent()) ?? '';
        expect(changedText).toContain('Goal 1 changed');
        expect(changedText).toContain(edited);
        expect(changedText).toContain('I want to get my days back');
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'plan-versions.png'), fullPage: true });
        expect(errors).toEqual([]);
      } catch (error) {
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'plan-writing-failed.png'), fullPage: true });
        throw new Error(`${String(error)}\nbrowser errors: ${errors.join(' | ')}`);
      } finally {
        await page.context().close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
