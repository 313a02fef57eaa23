import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import type { User } from '../src/application/ports.js';
import { sessionTokenHash } from '../src/application/sign-in.js';
import type { AppDeps } from '../src/http/build-app.js';
import { buildApp } from '../src/http/build-app.js';
import { csrfTokenFor } from '../src/http/plugins/authenticate.js';
import { createAuthDeps } from '../src/storage/create-auth-deps.js';
import { createOutcomesReader } from '../src/storage/create-outcomes-reader.js';
import type { TestDatabase } from './dialects.js';
import { buildTestDeps } from './test-deps.js';

/** Fixed key for sealing TOTP seeds in tests. */
export const TEST_SECRETS_KEY = Buffer.alloc(32, 9);

/** A clock the test moves by hand (idle timeouts, lockouts, TOTP steps). */
export interface TestClock {
  readonly now: () => Date;
  readonly advance: (ms: number) => void;
  readonly set: (at: Date) => void;
}

export function createTestClock(start = new Date('2026-11-26T12:00:00.000Z')): TestClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
    set: (at) => {
      current = at;
    },
  };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  readonly clock: TestClock;
  /** Log lines written by the app (JSON), when built with `captureLogs`. */
  readonly logs: string[];
}

/**
 * The HTTP app over a test database (STYLE §3 Tests: buildApp(testDeps) + inject(), no port), with a hand-moved
 * clock, the fast test password hasher and real TOTP/AES adapters.
 *
 * @example
 * const { app, clock } = await buildTestApp(t);
 * await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { email, name, password } });
 */
export async function buildTestApp(
  t: TestDatabase,
  options: { readonly captureLogs?: boolean; readonly overrides?: Partial<AppDeps> } = {},
): Promise<TestApp> {
  const clock = createTestClock();
  const logs: string[] = [];
  const base = buildTestDeps(t);
  const deps: AppDeps = {
    ...createAuthDeps({ ...base, clock }, TEST_SECRETS_KEY),
    checkDatabase: async () => undefined,
    outcomes: createOutcomesReader(t, null),
    ...(options.captureLogs
      ? { logLevel: 'info' as const, logStream: { write: (line: string) => logs.push(line) } }
      : {}),
    ...options.overrides,
  };
  const app = await buildApp(deps);
  return { app, deps, clock, logs };
}

/** The current TOTP code of a base32 seed at the test clock's time. */
export function totpCode(secret: string, clock: TestClock): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

/** A signed-in browser: remembers the session cookie and the CSRF token from sign-in answers. */
export class TestBrowser {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly app: FastifyInstance) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    options: { readonly csrf?: boolean; readonly headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const set = res.cookies.find((c) => c.name === 'cairn_session' || c.name === '__Host-cairn_session');
    if (set) this.cookie = set.value ? `${set.name}=${set.value}` : null;
    const body = String(res.headers['content-type'] ?? '').includes('json')
      ? (res.json() as Record<string, unknown>)
      : null;
    if (body && typeof body.csrfToken === 'string') this.csrf = body.csrfToken;
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(
    url: string,
    payload?: unknown,
    options?: { readonly csrf?: boolean; readonly headers?: Record<string, string> },
  ) {
    return this.request('POST', url, payload, options);
  }
}

/**
 * Signs in through the API (login, and TOTP enrolment + first code when the account must enrol). Returns the browser
 * and the TOTP seed when one was enrolled.
 *
 * @example
 * const { browser } = await signInAs(app, clock, 'ana@example.org', 'correct horse battery');
 */
export async function signInAs(
  app: FastifyInstance,
  clock: TestClock,
  email: string,
  password: string,
): Promise<{ browser: TestBrowser; secret: string | null }> {
  const browser = new TestBrowser(app);
  const login = await browser.post('/api/v1/auth/login', { email, password });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const answer = login.json() as { mfaRequired: boolean; mfaEnrolment?: { secret: string } };
  if (!answer.mfaRequired) return { browser, secret: null };
  if (!answer.mfaEnrolment) throw new Error('signInAs cannot handle an enrolled account (it has no code)');
  const secret = answer.mfaEnrolment.secret;
  const verified = await browser.post('/api/v1/auth/mfa', { code: await totpCode(secret, clock) });
  if (verified.statusCode !== 200) throw new Error(`totp failed: ${verified.statusCode} ${verified.body}`);
  return { browser, secret };
}

/**
 * A browser already signed in as `user` (a complete session written straight to storage): for authorization tests,
 * where the sign-in itself is not what is tested and accounts may have no usable password.
 *
 * @example
 * const clinician = await sessionFor(ctx, demo.users.clinician);
 * await clinician.get(`/api/v1/clients/${clientId}`);
 */
export async function sessionFor(ctx: TestApp, user: User): Promise<TestBrowser> {
  const token = ctx.deps.tokens.newToken(32);
  const now = ctx.clock.now();
  await ctx.deps.store.insertSession({
    id: ctx.deps.ids.newId(),
    tokenHash: sessionTokenHash(ctx.deps, token),
    userId: user.id,
    stage: 'complete',
    pendingTotpSecret: null,
    origin: null,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 12 * 3_600_000).toISOString(),
  });
  const browser = new TestBrowser(ctx.app);
  browser.cookie = `cairn_session=${token}`;
  browser.csrf = csrfTokenFor(token);
  return browser;
}
