/**
 * The shell's web routes: the HTML page on every shell address, its script (bundled from
 * `shell/main.ts` with esbuild, once per process, starting when the routes are made) and its
 * stylesheet. Mount after the API routes: unknown non-API addresses fall back to the page.
 *
 * @example
 * app.route('/', webRoutes());
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { browserBundle } from '../../sdk/view/chrome/bundle.ts';
import { faviconSvg, pageHeaders, shellHtml } from './page.ts';
import { shellStylesheet } from './shell/styles.ts';

const entry = join(dirname(fileURLToPath(import.meta.url)), 'shell', 'main.ts');
const shellScript = browserBundle(entry, { minify: true });

/** The addresses the shell draws itself (router.ts). */
const SHELL_PATHS = ['/', '/me', '/login', '/signup', '/app/*'];

/** A body with an ETag, answered 304 when the browser has it already. */
function cached(c: Context, body: string, contentType: string): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'content-type': contentType, etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}

export function webRoutes(): Hono {
  const app = new Hono();
  // Built now, so the first visitor does not wait; a failure is retried on the first request.
  shellScript().catch(() => {});
  const css = shellStylesheet();

  app.get('/shell.js', async (c) => cached(c, await shellScript(), 'text/javascript; charset=utf-8'));
  app.get('/shell.css', (c) => cached(c, css, 'text/css; charset=utf-8'));
  app.get('/favicon.svg', (c) => cached(c, faviconSvg, 'image/svg+xml'));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  for (const path of SHELL_PATHS) app.get(path, (c) => c.body(shellHtml, 200, pageHeaders));
  // Any other page address a person might type: the shell says "nothing here". API paths keep
  // their JSON 404s, and so does anything that is not asking for a page.
  app.get('*', (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/api' || !(c.req.header('accept') ?? '').includes('text/html')) return next();
    return c.body(shellHtml, 404, pageHeaders);
  });
  return app;
}
