/**
 * The typed HTTP client of the web app: JSON over `/api/v1`, the session cookie sent by the browser, the CSRF token
 * of the latest sign-in answer sent as `X-CSRF-Token` on every unsafe request (DESIGN 3.3), and errors turned into
 * `ApiError` with the server's code, message and issues. Client data never goes into a URL: ids only.
 *
 * @example
 * const me = await apiRequest<Me>('GET', '/me');
 * await apiRequest('POST', '/auth/logout');
 */

/** The base path of the API. */
export const API_BASE = '/api/v1';

/**
 * An issue as the API reports it (`{code, severity, message, path?}`).
 *
 * @example
 * const issue: ApiIssue = { code: 'invalid-field', severity: 'error', message: '/email is invalid' };
 */
export interface ApiIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly path?: readonly (string | number)[];
}

/**
 * A refused request: the HTTP status and the error body's code, message and issues.
 *
 * @example
 * if (error instanceof ApiError && error.status === 401) navigate('/sign-in');
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
    /** Seconds to wait before retrying (429, 503), when the server said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();
let lastAnsweredAt = Date.now();

/**
 * When the server last answered a request of this tab (each answered request counts as activity for the idle
 * logout); the idle warning counts from it.
 *
 * @example
 * const idleFor = Date.now() - lastApiActivity();
 */
export function lastApiActivity(): number {
  return lastAnsweredAt;
}

/**
 * Remembers the CSRF token of the current session (from the login, TOTP and `/me` answers).
 *
 * @example
 * setCsrfToken(login.csrfToken);
 */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Calls `listener` whenever a request other than the sign-in ones answers 401 (the session ended or idled out).
 * Returns the function that removes it.
 *
 * @example
 * useEffect(() => onUnauthorized(() => queryClient.invalidateQueries({ queryKey: ['me'] })), []);
 */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Builds a query string from defined values only (ids, paging cursors, filters — never names or dates of birth).
 *
 * @example
 * withQuery('/audit', { limit: 50, cursor: undefined }) // '/audit?limit=50'
 */
export function withQuery(
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined | null>>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * One API request. Resolves with the parsed JSON body (null for 204); rejects with `ApiError` for any error status
 * and with a network `ApiError` (status 0) when the server cannot be reached.
 *
 * @example
 * const user = await apiRequest<UserView>('POST', '/setup', { email, name, password });
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cairn cannot be reached. Check that the server is running.');
  }
  if (response.status < 400) lastAnsweredAt = Date.now();
  if (response.status === 204) return null as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null)?.error;
    const retry = Number(response.headers.get('retry-after'));
    const apiError = new ApiError(
      response.status,
      error?.code ?? 'http-error',
      error?.message ?? `The server answered ${response.status}.`,
      error?.issues ?? [],
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
    // The sign-in routes and the session check (`GET /me`) answer 401 as part of signing in; anything else that
    // answers 401 means the session ended, and the listeners send the browser to the sign-in page.
    if (response.status === 401 && !path.startsWith('/auth/') && path !== '/me') {
      for (const listener of unauthorizedListeners) listener();
    }
    throw apiError;
  }
  return parsed as T;
}

/**
 * A message for any error, for showing next to a form.
 *
 * @example
 * errorMessage(new ApiError(409, 'duplicate', 'That e-mail is taken.')) // 'That e-mail is taken.'
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.issues
      .filter((i) => i.message && i.message !== error.message)
      .map((i) => i.message)
      .slice(0, 3);
    return details.length > 0 ? `${error.message} (${details.join('; ')})` : error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/**
 * True when the error says the route does not exist on this server yet (an older or newer API).
 *
 * @example
 * isMissingRoute(new ApiError(404, 'not-found', 'No such route.')) // true
 */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.message === 'No such route.';
}
