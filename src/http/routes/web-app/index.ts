import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Where `vite build` puts the web app: `dist/web` of this package. This file sits four folders below the package root
 * both as source (src/http/routes/web-app) and as built code (dist/http/routes/web-app).
 *
 * @example
 * defaultWebAppDir() // '/srv/cairn/dist/web'
 */
export function defaultWebAppDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', '..', '..', 'dist', 'web');
}

/**
 * The built web app's folder when it holds an index.html, else null (then the server shows its placeholder page).
 *
 * @example
 * findWebAppDir() // '/srv/cairn/dist/web', or null before `npm run build`
 */
export function findWebAppDir(dir: string = defaultWebAppDir()): string | null {
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}

/** Paths that are never the web app: the API and the health checks answer (or 404) on their own. */
function isServerPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url === '/healthz' || url === '/readyz';
}

/** A request for a file (has an extension in its last segment) that does not exist: 404, not the app. */
function looksLikeFile(url: string): boolean {
  const last = url.slice(url.lastIndexOf('/') + 1);
  return /\.[a-z0-9]{1,8}$/i.test(last);
}

/**
 * Serves the built single-page app from `dir`: its files (hashed assets under /assets cached for a year, immutable;
 * index.html never cached) and, for any other GET that is not the API or a health check and does not name a file,
 * index.html, so the app's own router shows the page (`/clients/…` reloads work). `/api/*`, `/healthz` and
 * `/readyz` are untouched: an unknown API path still answers the JSON 404.
 *
 * @example
 * const dir = findWebAppDir();
 * if (dir) await registerWebApp(app, dir);
 */
export async function registerWebApp(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (isServerPath(url) || looksLikeFile(url)) return reply.callNotFound();
    return sendIndex(reply);
  });
}
