/**
 * Atrium's own sites on the web: the shell (for users), the merchant console (/console) and the
 * admin console (/admin). Each is one HTML page on its addresses plus one script, bundled from its
 * `main.ts` or `main.tsx` with esbuild once per process, starting when the routes are made; the
 * two consoles share a stylesheet. Mount after the API routes: unknown non-API addresses fall back
 * to the shell.
 *
 * @example
 * app.route('/', webRoutes());
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { browserBundle } from '../../sdk/view/chrome/bundle.ts';
import { adminHtml, consoleHtml, faviconSvg, pageHeaders, shellHtml } from './page.ts';
import { deskStylesheet, shellStylesheet } from './stylesheets.ts';

const here = dirname(fileURLToPath(import.meta.url));

interface Site {
  /** Where its bundled script is served. */
  script: string;
  bundle: () => Promise<string>;
  html: string;
  /** The addresses the site draws itself. */
  paths: string[];
}

/** Each site's browser entry, by the name of its script. */
export const siteEntries = {
  shell: join(here, 'shell', 'main.tsx'),
  console: join(here, 'console', 'main.tsx'),
  admin: join(here, 'admin', 'main.tsx'),
} as const;

const sites: Site[] = [
  // The shell's addresses: shell/router.ts.
  { script: '/shell.js', bundle: browserBundle(siteEntries.shell, { minify: true }), html: shellHtml, paths: ['/', '/me', '/me/*', '/login', '/signup', '/app/*'] },
  // console/routes.ts and admin/routes.ts; an address they do not know gets their own "not found".
  { script: '/console.js', bundle: browserBundle(siteEntries.console, { minify: true }), html: consoleHtml, paths: ['/console', '/console/*'] },
  { script: '/admin.js', bundle: browserBundle(siteEntries.admin, { minify: true }), html: adminHtml, paths: ['/admin', '/admin/*'] },
];

/** A body with an ETag, answered 304 when the browser has it already. */
function cached(c: Context, body: string, contentType: string): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'content-type': contentType, etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}

export function webRoutes(): Hono {
  const app = new Hono();
  const shellCss = shellStylesheet();
  const deskCss = deskStylesheet();

  app.get('/shell.css', (c) => cached(c, shellCss, 'text/css; charset=utf-8'));
  app.get('/desk.css', (c) => cached(c, deskCss, 'text/css; charset=utf-8'));
  app.get('/favicon.svg', (c) => cached(c, faviconSvg, 'image/svg+xml'));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  for (const site of sites) {
    // Built now, so the first visitor does not wait; a failure is retried on the first request.
    site.bundle().catch(() => {});
    app.get(site.script, async (c) => cached(c, await site.bundle(), 'text/javascript; charset=utf-8'));
    for (const path of site.paths) app.get(path, (c) => c.body(site.html, 200, pageHeaders));
  }
  // Any other page address a person might type: the shell says "nothing here". API paths keep
  // their JSON 404s, and so does anything that is not asking for a page.
  app.get('*', (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/api' || !(c.req.header('accept') ?? '').includes('text/html')) return next();
    return c.body(shellHtml, 404, pageHeaders);
  });
  return app;
}
