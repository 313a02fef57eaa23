import type { Deps } from './ports.js';

/** Every API token starts with this, so secret scanners and people can tell one at a glance. */
export const API_TOKEN_PREFIX = 'cairn_';

/**
 * The key of an API token in storage (a SHA-256; the token itself is never stored).
 *
 * @example
 * apiTokenHash(deps, 'cairn_k3…') // '5e…' (64 hex characters)
 */
export function apiTokenHash(deps: Pick<Deps, 'digest'>, token: string): string {
  return deps.digest.sha256(`cairn api token v1\n${token}`);
}
