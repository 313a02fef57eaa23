// Browser journey (issue 7): a real `cairn start` with the demo practice and Debian's Chromium at a phone viewport.
// First the clinician (through the API) records the client's consent and creates a PHQ-9 link; then the client opens
// it on the phone, answers item by item (item 9 above 0, so the crisis-support text shows) and sends the answers;
// then the clinician's API shows the score, from the link, and the open critical-item alert.
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

/** A signed-in API caller (session cookie + CSRF token), as a script would be. */
async function signInApi(base: string, email: string, password: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
}

describe.skipIf(skipReason !== null)('client link journey at a phone viewport', () => {
  let build: ReturnType<typeof buildPrivateCopy>;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startCairn>>;
  let dataDir: string;
  let clinician: { email: string; password: string };

  beforeAll(async () => {
    build = buildPrivateCopy();
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-link-'));
    const accounts = runCairn(build.main, dataDir, ['demo']).stdout.trim().split('\n');
    const line = accounts.map((l) => l.split(' ')).find((parts) => parts[2] === 'clinician');
    if (!line?.[0] || !line[1]) throw new Error(`no demo clinician in: ${accounts.join(' | ')}`);
    clinician = { email: line[0], password: line[1] };
    server = await startCairn(build.main, dataDir);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    build?.remove();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('completes a PHQ-9 on the phone page, and the clinician’s API shows the score and the alert', async () => {
    // First, the clinician records consent and creates the link (copy delivery).
    const api = await signInApi(server.url, clinician.email, clinician.password);
    const caseload = await api('GET', '/api/v1/caseload');
    const items = caseload.json.items as { client: { id: string } }[];
    const clientId = items[0]?.client.id ?? '';
    const consent = await api('POST', `/api/v1/clients/${clientId}/consents`, {
      kind: 'contact',
      method: 'verbal',
      givenOn: '2026-11-20',
      givenBy: 'client',
    });
    expect(consent.status).toBe(201);
    const created = await api('POST', `/api/v1/clients/${clientId}/links`, {
      purpose: 'measures',
      instruments: ['phq9'],
    });
    expect(created.status).toBe(201);
    const url = String(created.json.url);
    expect(url.startsWith(`${server.url}/l#t=`)).toBe(true);

    // Then the client opens it on a phone.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(url);
    await page.getByText('Question 1 of 9').waitFor();
    await page.getByText('Little interest or pleasure in doing things').waitFor();
    await page.getByText(/Pfizer/).waitFor();

    const answers = [1, 1, 1, 1, 1, 1, 1, 0, 1];
    const labels = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
    for (const [n, value] of answers.entries()) {
      await page.getByText(`Question ${n + 1} of 9`).waitFor();
      if (n === 4) {
        // The connection drops mid-way: a reload resumes at the first unanswered item, nothing lost.
        await page.reload();
        await page.getByText('Question 5 of 9').waitFor();
      }
      await page.getByRole('radio', { name: labels[value] ?? '' }).click();
    }
    // Item 9 above 0: the crisis-support text shows at once.
    await page.getByRole('heading', { name: 'If you are thinking about harming yourself' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'client-link-phq9-review.png'), fullPage: true });
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.getByRole('heading', { name: /^Thank you/ }).waitFor();
    await page.getByRole('heading', { name: 'If you are thinking about harming yourself' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'client-link-phq9-done.png'), fullPage: true });

    // The link works once: opening it again shows the friendly page and no data.
    await page.reload();
    await page.getByRole('heading', { name: 'This link is not available' }).waitFor();
    expect(await page.content()).not.toContain('Little interest');
    // The reload's 404 is the only failed request the browser may report.
    expect(errors.filter((e) => !/404 \(Not Found\)/.test(e))).toEqual([]);
    expect(foreign).toEqual([]);

    // Finally, the clinician's API shows the score from the link and the open critical-item alert.
    const administrations = await api('GET', `/api/v1/clients/${clientId}/administrations`);
    const fromLink = (
      administrations.json.items as { source: string; instrument: string; score: { total: number } }[]
    ).find((a) => a.source === 'link');
    expect(fromLink).toMatchObject({ instrument: 'phq9', score: { total: 8 } });
    const alerts = await api('GET', `/api/v1/clients/${clientId}/alerts?open=true`);
    expect(JSON.stringify(alerts.json)).toContain('critical-item-answered');
    await context.close();
  }, 180_000);

  it('endorses the plan on the phone in the client’s own words, and the plan shows the endorsement', async () => {
    const api = await signInApi(server.url, clinician.email, clinician.password);
    const items = (await api('GET', '/api/v1/caseload')).json.items as { client: { id: string } }[];
    const clientId = items[0]?.client.id ?? '';
    // The consent was recorded by the journey above; recording it again keeps this test runnable alone.
    await api('POST', `/api/v1/clients/${clientId}/consents`, {
      kind: 'contact',
      method: 'verbal',
      givenOn: '2026-11-20',
      givenBy: 'client',
    });
    const created = await api('POST', `/api/v1/clients/${clientId}/links`, { purpose: 'endorse' });
    expect(created.status).toBe(201);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(String(created.json.url));
    await page.getByRole('heading', { name: 'Goal 1' }).waitFor();
    await page.getByLabel('This goal in your own words (optional)').first().fill('I want to enjoy my mornings again');
    await page.getByRole('button', { name: 'I agree with these goals' }).click();
    // Without a typed name the page asks for it and sends nothing.
    await page.getByText('Type your name and today’s date to confirm.').waitFor();
    await page.getByLabel('Type your name to confirm you agree with these goals').fill('Jordan');
    await page.getByRole('button', { name: 'I agree with these goals' }).click();
    await page.getByRole('heading', { name: /^Thank you/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'client-link-endorse-done.png'), fullPage: true });
    await context.close();

    const plan = (await api('GET', `/api/v1/clients/${clientId}/plan`)).json as {
      goals: { endorsement: { method: string; words: string | null } | null }[];
    };
    expect(plan.goals[0]?.endorsement).toMatchObject({ method: 'link', words: 'I want to enjoy my mornings again' });
  }, 180_000);
});
