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
const JOURNEY_TIMEOUT = 120_000;

/** A page that fails the test on any uncaught error or console error. */
async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
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
        const uri = (await page.getByTestId('otpauth-uri').textContent()) ?? '';
        expect(uri).toMatch(/^otpauth:\/\/totp\//);
        // The QR code of the same link is drawn in the page (a data: image, no request).
        const qr = page.getByAltText(/QR code of the setup key/);
        await qr.waitFor();
        expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
        const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
        await page.getByLabel(/6-digit code/).fill(await generate({ secret }));
        await page.getByRole('button', { name: 'Confirm' }).click();
        // The answer that confirms the enrolment carries the recovery codes, shown once.
        await page.getByRole('heading', { name: 'Keep your recovery codes' }).waitFor();
        expect(await page.getByTestId('recovery-codes').locator('li').count()).toBeGreaterThanOrEqual(8);
        await page.getByLabel('I have stored the recovery codes.').check();
        await page.getByRole('button', { name: 'Continue' }).click();

        // Finally the caseload: the administrator is also a clinician.
        await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/caseload');
        await expect(page.getByRole('navigation', { name: 'Main' }).textContent()).resolves.toContain('Users');
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'caseload-empty.png'), fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
        await server.stop();
      }
    },
    JOURNEY_TIMEOUT,
  );

  describe('the demo practice', () => {
    let server: Awaited<ReturnType<typeof startCairn>>;
    let clinician: { email: string; password: string };

    beforeAll(async () => {
      const data = freshDataDir();
      const accounts = runCairn(build.main, data, ['demo']).stdout.trim().split('\n');
      const line = accounts.map((l) => l.split(' ')).find((parts) => parts[2] === 'clinician');
      if (!line?.[0] || !line[1]) throw new Error(`no demo clinician in: ${accounts.join(' | ')}`);
      clinician = { email: line[0], password: line[1] };
      server = await startCairn(build.main, data);
    }, 120_000);

    afterAll(() => server?.stop());

    async function signIn(page: Page) {
      await page.goto(`${server.url}/sign-in`);
      await page.getByLabel('E-mail').fill(clinician.email);
      await page.getByLabel('Password').fill(clinician.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor();
    }

    it(
      'signs in as the demo clinician, opens a client and sees the progress chart with its status in words',
      async () => {
        const { page, errors } = await openPage(browser);
        try {
          await signIn(page);
          // The demo practice relaxes the second factor and says so.
          await page.getByTestId('mfa-relaxed').waitFor();
          const rows = page.getByTestId('caseload-row');
          await expect.poll(() => rows.count()).toBe(3);
          await expect.poll(() => page.locator('.caseload .status-badge').count()).toBe(3);
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'caseload.png'), fullPage: true });

          await page.getByRole('link', { name: /Avery/ }).first().click();
          await page.getByRole('heading', { name: 'Progress' }).waitFor();
          const chart = page.getByTestId('progress-chart').first();
          await chart.locator('.progress-chart__series path').first().waitFor();
          expect(await chart.locator('.progress-chart__target-line').count()).toBe(1);
          expect(await chart.locator('.progress-chart__expected path').count()).toBeGreaterThan(0);
          const status = (await chart.getByTestId('status-line').textContent()) ?? '';
          expect(status).toMatch(/(on track|off track|met|overdue): .+/);
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'client.png'), fullPage: true });
          expect(errors).toEqual([]);
        } finally {
          await page.context().close();
        }
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'keeps the risk alert on every page until the clinician records what was done',
      async () => {
        const { page, errors } = await openPage(browser);
        try {
          await signIn(page);
          const banner = page.getByTestId('critical-banner');
          await banner.waitFor();
          expect((await banner.textContent()) ?? '').toContain('item 9');
          await page.getByRole('link', { name: 'Goal check' }).click();
          await page.getByRole('heading', { name: 'Goal check' }).waitFor();
          await banner.waitFor();

          // The clinician opens the client from the banner and records the risk assessment.
          await banner.getByRole('link').first().click();
          await page
            .getByLabel('Note: what was done and found')
            .first()
            .fill('Same-day risk assessment: low risk; safety plan reviewed with the client.');
          await page.getByRole('button', { name: 'Record and close the alert' }).first().click();
          await banner.waitFor({ state: 'detached' });
          await page.getByRole('link', { name: 'Alerts', exact: true }).last().click();
          await page.getByText('Same-day risk assessment: low risk', { exact: false }).waitFor();
          expect(errors).toEqual([]);
        } finally {
          await page.context().close();
        }
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'writes a formulation from a pick-list, sees each draft sentence with its source, saves, and opens the practice outcomes',
      async () => {
        const { page, errors } = await openPage(browser);
        try {
          await signIn(page);
          await page.getByRole('link', { name: /Avery/ }).first().click();
          await page.getByRole('link', { name: 'Formulation', exact: true }).click();
          const state = page.getByTestId('formulation-save-state');
          await state.waitFor();
          const depression = page.getByRole('checkbox', { name: 'Depression' });
          if (!(await depression.isChecked())) await depression.check();
          const list = page.getByRole('region', { name: 'Common maintaining factors: Depression' });
          const pick = list.getByRole('button', { name: /^Add “/ }).first();
          if ((await pick.count()) > 0) await pick.click();
          await page.getByRole('button', { name: 'Add value' }).click();
          await page.keyboard.type('Being there for their children');
          await expect.poll(() => state.textContent()).toBe('Unsaved changes');
          const sentence = page.getByRole('button', {
            name: /Things that matter to them include being there for their children/,
          });
          await sentence.focus();
          await expect.poll(() => page.locator('.formulation-element.is-highlighted').count()).toBe(1);
          const noteId = (await sentence.getAttribute('aria-describedby')) ?? '';
          expect(await page.locator(`[id="${noteId}"]`).textContent()).toContain(
            'value “Being there for their children”',
          );
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'formulation.png'), fullPage: true });
          await page.getByRole('button', { name: 'Save formulation' }).click();
          await expect.poll(() => state.textContent()).toBe('All changes saved');

          await page.getByRole('link', { name: 'Practice outcomes' }).click();
          await page.getByRole('heading', { name: 'Practice outcomes', level: 1 }).waitFor();
          await page.locator('table[aria-label="Practice outcomes"], [data-testid="outcomes-empty"]').first().waitFor();
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'outcomes.png'), fullPage: true });
          expect(errors).toEqual([]);
        } finally {
          await page.context().close();
        }
      },
      JOURNEY_TIMEOUT,
    );

    it(
      'flags a vague goal in the plan editor and replaces it with a SMART rewrite in one click',
      async () => {
        const { page, errors } = await openPage(browser);
        try {
          await signIn(page);
          await page.getByRole('link', { name: /Avery/ }).first().click();
          await page.getByRole('link', { name: 'Plan', exact: true }).click();
          await page.getByTestId('plan-checks').waitFor();
          const goals = page.getByTestId('plan-goal');
          const before = await goals.count();
          await page.getByRole('button', { name: 'Add a goal' }).click();
          const goal = goals.nth(before);
          const box = goal.getByLabel(`Goal ${before + 1}, in the clinician's words`);
          await box.pressSequentially('Feel less depressed', { delay: 15 });

          const panel = goal.getByTestId('smart-panel').first();
          await expect
            .poll(() => panel.locator('[data-criterion="Specific"]').getAttribute('class'))
            .toContain('unmet');
          expect(await panel.locator('[data-criterion="Time-bound"]').getAttribute('class')).toContain('unmet');
          await panel.getByText('What to improve').waitFor();
          const rewrite = panel.getByTestId('rewrite').first();
          const wording = ((await rewrite.locator('.rewrite__text').textContent()) ?? '').trim();
          expect(wording).toMatch(/PHQ-9 from \d+ to \d+ or below within \d+ weeks/);
          await goal.evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'plan-editor.png') });

          await rewrite.getByRole('button', { name: 'Use this wording' }).click();
          expect(await box.inputValue()).toBe(wording);
          await expect
            .poll(() => panel.locator('[data-criterion="Specific"]').getAttribute('class'))
            .toContain('criterion--met');
          expect(await panel.locator('[data-criterion="Measurable"]').getAttribute('class')).toContain(
            'criterion--met',
          );
          expect(await panel.locator('[data-criterion="Time-bound"]').getAttribute('class')).toContain(
            'criterion--met',
          );
          expect(errors).toEqual([]);
        } finally {
          await page.context().close();
        }
      },
      JOURNEY_TIMEOUT,
    );
  });
});
