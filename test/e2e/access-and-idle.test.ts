// Browser journeys (issue 6, Tests): (4) a clinician cannot open another clinician's client by URL; (3) idle logout;
// and axe-core on the main pages with no serious or critical violations. One private build for the file; one demo
// server with the default settings, and a second demo server with a one-minute idle timeout for the idle journey
// (the server's clock cannot be faked from the browser, so that journey waits a real minute).
import fs from 'node:fs';
import { createRequire } from 'node:module';
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

type Server = Awaited<ReturnType<typeof startCairn>>;

const skipReason = browserSkipReason();
const JOURNEY_TIMEOUT = 180_000;
const WAIT = { timeout: 60_000 };
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Signs in through the API as `email` (completing a forced authenticator enrolment if the practice asks for one). */
async function apiSignIn(url: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  let cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  let body = (await login.json()) as { csrfToken?: string; mfaRequired?: boolean; mfaEnrolment?: { secret: string } };
  if (body.mfaRequired) {
    if (!body.mfaEnrolment) throw new Error('the new clinician is asked for a code but has no authenticator');
    const mfa = await fetch(`${url}/api/v1/auth/mfa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ code: await generate({ secret: body.mfaEnrolment.secret }) }),
    });
    expect(mfa.status).toBe(200);
    const renewed = mfa.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (renewed.length > 0) cookie = renewed.join('; ');
    body = (await mfa.json()) as typeof body;
  }
  if (!body.csrfToken) throw new Error(`no session for ${email}: ${JSON.stringify(body)}`);
  return { cookie, csrf: body.csrfToken };
}

/** A page that collects uncaught errors and console errors (401s are expected around sign-in and idle logout). */
async function openPage(browser: Browser, bypassCSP = false): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP: the app's Content-Security-Policy (script-src 'self') refuses the injected axe-core script.
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, bypassCSP });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/40[14] \((Unauthorized|Not Found)\)/.test(m.text())) {
      errors.push(`console: ${m.text()}`);
    }
  });
  return { page, errors };
}

async function signIn(page: Page, url: string, account: { email: string; password: string }) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor(WAIT);
}

/** The demo's clinician account, read from `cairn demo`'s output. */
function loadDemo(main: string, dataDir: string): { email: string; password: string } {
  const accounts = runCairn(main, dataDir, ['demo']).stdout.trim().split('\n');
  const line = accounts.map((l) => l.split(' ')).find((parts) => parts[2] === 'clinician');
  if (!line?.[0] || !line[1]) throw new Error(`no demo clinician in: ${accounts.join(' | ')}`);
  return { email: line[0], password: line[1] };
}

interface AxeFinding {
  readonly page: string;
  readonly id: string;
  readonly impact: string;
  readonly targets: readonly string[];
  readonly help: string;
}

/** Runs axe-core in the page and returns its serious and critical violations, one entry per rule. */
async function seriousViolations(page: Page, name: string): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    // Runs in the browser; the test tsconfig has no DOM lib, hence globalThis.
    const win = globalThis as unknown as {
      axe: { run: (ctx: unknown, o: object) => Promise<unknown> };
      document: unknown;
    };
    const result = (await win.axe.run(win.document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: name, ...v }));
}

/**
 * Serious or critical axe findings known and not yet fixed, as `page rule-id`. Each one is a real defect to fix (see
 * the report of this suite's commit); listed here so the check still guards every other rule and page. Empty is the
 * goal.
 */
const AXE_ALLOWLIST: ReadonlySet<string> = new Set<string>([]);

describe.skipIf(skipReason !== null)('access, idle logout and accessibility', () => {
  let build: ReturnType<typeof buildPrivateCopy>;
  let browser: Browser;
  const dataDirs: string[] = [];
  const freshDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-data-'));
    dataDirs.push(dir);
    return dir;
  };
  let server: Server;
  let clinician: { email: string; password: string };

  beforeAll(async () => {
    build = buildPrivateCopy();
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const data = freshDataDir();
    clinician = loadDemo(build.main, data);
    server = await startCairn(build.main, data);
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    build?.remove();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    "a clinician cannot open another clinician's client by its address",
    async () => {
      // A second clinician joins the demo practice and records a client of their own.
      const other = { email: 'second.clinician@cairn-demo.example', password: 'second clinician password' };
      runCairn(
        build.main,
        dataDirs[0] ?? '',
        ['users', 'add', '--email', other.email, '--name', 'Sam Second', '--role', 'clinician', '--password-stdin'],
        `${other.password}\n`,
      );
      const session = await apiSignIn(server.url, other.email, other.password);
      const created = await fetch(`${server.url}/api/v1/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ firstName: 'Quentin', lastName: 'Zephyrine', dateOfBirth: '1984-06-12' }),
      });
      expect(created.status).toBe(201);
      const record = (await created.json()) as { client?: { id: string }; id?: string };
      const clientId = record.client?.id ?? record.id;
      expect(clientId).toBeTruthy();

      // The demo clinician types that client's address and is told it is not there, without the name.
      const { page, errors } = await openPage(browser);
      try {
        await signIn(page, server.url, clinician);
        await page.goto(`${server.url}/clients/${clientId}`);
        await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor(WAIT);
        await page.getByText('This client does not exist, or it is outside your reach.').waitFor(WAIT);
        const text = (await page.locator('body').textContent()) ?? '';
        expect(text).not.toContain('Zephyrine');
        expect(text).not.toContain('Quentin');
        // Nor through a page below the client (the plan editor).
        await page.goto(`${server.url}/clients/${clientId}/plan`);
        await page.getByRole('heading', { name: 'Not found', level: 1 }).waitFor(WAIT);
        expect((await page.locator('body').textContent()) ?? '').not.toContain('Zephyrine');
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'client-out-of-reach.png'), fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'axe-core finds no serious or critical violations on the main pages',
    async () => {
      const { page } = await openPage(browser, true);
      const findings: AxeFinding[] = [];
      try {
        await page.goto(`${server.url}/sign-in`);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor(WAIT);
        findings.push(...(await seriousViolations(page, 'sign-in')));

        await signIn(page, server.url, clinician);
        await page.getByTestId('caseload-row').first().waitFor(WAIT);
        const href = (await page.getByRole('link', { name: /Avery/ }).first().getAttribute('href')) ?? '';
        const clientPath = /^\/clients\/[^/]+/.exec(href)?.[0];
        if (!clientPath) throw new Error(`no client link to Avery: ${href}`);
        // Each signed-in page with what shows it has loaded, checked at desktop width and at tablet width (issue 6:
        // responsive down to a tablet), where wide tables start to scroll.
        const pages: readonly [string, string, (p: Page) => Promise<void>][] = [
          ['caseload', '/caseload', (p) => p.getByTestId('caseload-row').first().waitFor(WAIT)],
          ['client overview', clientPath, (p) => p.getByTestId('progress-chart').first().waitFor(WAIT)],
          ['plan editor', `${clientPath}/plan`, (p) => p.getByTestId('plan-checks').waitFor(WAIT)],
          ['measures', `${clientPath}/measures`, (p) => p.getByRole('heading', { name: 'History' }).waitFor(WAIT)],
          [
            'reviews',
            `${clientPath}/reviews`,
            (p) => p.getByRole('heading', { name: 'Review schedule' }).waitFor(WAIT),
          ],
          ['formulation', `${clientPath}/formulation`, (p) => p.getByTestId('formulation-save-state').waitFor(WAIT)],
          [
            'reviews due',
            '/reviews/due',
            (p) => p.getByRole('heading', { name: 'Reviews due', level: 1 }).waitFor(WAIT),
          ],
          [
            'practice outcomes',
            '/outcomes',
            (p) =>
              p.locator('table[aria-label="Practice outcomes"], [data-testid="outcomes-empty"]').first().waitFor(WAIT),
          ],
        ];
        for (const [width, height, suffix] of [
          [1360, 900, ''],
          [768, 1024, ' (tablet)'],
        ] as const) {
          await page.setViewportSize({ width, height });
          for (const [name, address, ready] of pages) {
            await page.goto(`${server.url}${address}`);
            await ready(page);
            findings.push(...(await seriousViolations(page, `${name}${suffix}`)));
          }
        }
      } finally {
        await page.context().close();
      }
      if (findings.length > 0) console.warn(`axe serious/critical findings:\n${JSON.stringify(findings, null, 2)}`);
      const unexpected = findings.filter((f) => !AXE_ALLOWLIST.has(`${f.page} ${f.id}`));
      expect(unexpected.map((f) => `${f.page}: ${f.id} (${f.impact}) ${f.help} at ${f.targets.join(', ')}`)).toEqual(
        [],
      );
    },
    JOURNEY_TIMEOUT,
  );

  describe('with a one-minute idle timeout', () => {
    let idleServer: Server;
    let idleClinician: { email: string; password: string };

    beforeAll(async () => {
      const data = freshDataDir();
      idleClinician = loadDemo(build.main, data);
      idleServer = await startCairn(build.main, data, { CAIRN_SESSION_IDLE_MINUTES: '1' });
    }, 180_000);

    afterAll(() => idleServer?.stop());

    it(
      'warns before the idle timeout, stays signed in on request, then signs the idle tab out to the sign-in page',
      async () => {
        const { page, errors } = await openPage(browser);
        try {
          await signIn(page, idleServer.url, idleClinician);
          // With a one-minute timeout the tab keeps 15 s in hand and warns in the 30 s before that (the waits are
          // the idle period itself; the page is left alone).
          const warning = page.getByRole('alertdialog', { name: 'Idle sign-out' });
          await warning.waitFor(WAIT);
          expect(await warning.textContent()).toMatch(/You will be signed out in \d+ seconds/);
          await page.getByRole('button', { name: 'Stay signed in' }).click();
          await warning.waitFor({ state: 'hidden', timeout: 30_000 });
          // Left alone again: the warning comes back and the tab signs out by itself, client data gone from view.
          await warning.waitFor(WAIT);
          await page.getByRole('heading', { name: 'Sign in' }).waitFor(WAIT);
          expect(new URL(page.url()).pathname).toBe('/sign-in');
          expect(await page.getByText('(demo)').count()).toBe(0);
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'idle-signed-out.png'), fullPage: true });
          expect(errors).toEqual([]);
        } finally {
          await page.context().close();
        }
      },
      JOURNEY_TIMEOUT,
    );
  });
});
