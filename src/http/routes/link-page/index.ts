import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Shown at /l when the web app is not built (`npm run build` makes dist/web/link.html). */
const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Cairn</title></head>
<body><main><h1>This page is not available right now</h1>
<p>Please try again later, or contact your therapist.</p></main></body></html>
`;

/**
 * The client page (issue 7) at `/l`: one small, phone-first page separate from the clinician app (the Vite entry
 * src/web/link.html, built to dist/web/link.html), with the link's token in the URL fragment (`/l#t=…`) so the token
 * never reaches a server or proxy log. Never cached, never indexed, no referrer; the page loads only its own
 * scripts and styles (the app's strict CSP applies).
 *
 * @example
 * registerLinkPage(app, findWebAppDir()); // GET /l → link.html
 */
export function registerLinkPage(app: FastifyInstance, webAppDir: string | null): void {
  const file = webAppDir ? path.join(webAppDir, 'link.html') : null;
  app.get('/l', { schema: { hide: true }, config: { audit: false } }, async (_request, reply) => {
    const html = file && fs.existsSync(file) ? await fs.promises.readFile(file, 'utf8') : PLACEHOLDER;
    return reply
      .header('Cache-Control', 'no-store')
      .header('X-Robots-Tag', 'noindex, nofollow')
      .header('Referrer-Policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
