import type { FastifyInstance } from 'fastify';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cairn</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2933}
h1{font-size:1.6rem}code{background:#eef2f6;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>Cairn is running</h1>
<p>SMART treatment plans, outcome measures and progress for CBT therapists.</p>
<p>The web app is not built into this version yet. The server is healthy: <a href="/healthz">/healthz</a> · <a href="/readyz">/readyz</a>.</p>
<p>From a terminal: <code>npx cairn --help</code>.</p></body></html>`;

/**
 * A placeholder page at `/` until the web app is served here.
 *
 * @example
 * GET / → 200 text/html "Cairn is running"
 */
export function registerHomeRoute(app: FastifyInstance): void {
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
}
