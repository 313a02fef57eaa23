import type { FastifyInstance } from 'fastify';

/**
 * The absolute base URL of links Cairn hands out (DESIGN 3.3): CAIRN_PUBLIC_URL when configured, otherwise the
 * address the server listens on (an unspecified bind address becomes loopback); never the request's Host header,
 * which the caller controls. Without a listening socket (tests with inject()) it is the default listen address.
 *
 * @example
 * publicBaseUrl(app, 'https://cairn.example.org') // 'https://cairn.example.org'
 * publicBaseUrl(app, null) // 'http://127.0.0.1:3000'
 */
export function publicBaseUrl(app: FastifyInstance, publicUrl: string | null): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const address = app.server.address();
  if (!address || typeof address === 'string') return 'http://127.0.0.1:3000';
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '[::1]' : address.address;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${address.port}`;
}

/**
 * The one-time set-password link: the token goes in the fragment, which browsers never send, so it reaches no
 * server or proxy log.
 *
 * @example
 * setPasswordUrl('https://cairn.example.org', 'k3…') // 'https://cairn.example.org/set-password#token=k3…'
 */
export function setPasswordUrl(base: string, token: string): string {
  return `${base}/set-password#token=${encodeURIComponent(token)}`;
}
