import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { webRoutes } from './index.ts';

const app = webRoutes();
const page = (path: string) => app.request(path, { headers: { accept: 'text/html,application/xhtml+xml' } });

describe('web routes of the shell', () => {
  it('serves the page at / under a strict content security policy', async () => {
    const res = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "img-src 'self' https: data:"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // `no-referrer` would make the browser send `Origin: null` on its POSTs, which the host refuses.
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('loads /shell.js and /shell.css, and has no inline script or style', async () => {
    const html = await (await page('/')).text();
    expect(html).toContain('<script type="module" src="/shell.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/shell.css">');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toContain('src=');
    expect(scripts[0]![2]!.trim()).toBe('');
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('serves the same page on every shell address, even an unknown app or deep page', async () => {
    const home = await (await page('/')).text();
    for (const path of ['/me', '/me/wallet', '/me/orders/ord_1', '/login', '/signup?next=%2Fme', '/app/shop', '/app/shop?table=7', '/app/no-such-app/pages/deep', '/app/%3Cscript%3E']) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(home);
    }
  });

  it('answers another page address with the page and a 404, and leaves API paths alone', async () => {
    const res = await page('/nowhere');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('/shell.js');
    expect((await page('/api/nope')).status).toBe(404);
    expect(await (await page('/api/nope')).text()).not.toContain('/shell.js');
    // Mounted after the API, its fallback does not shadow the API's own routes.
    const host = new Hono();
    host.get('/api/ping', (c) => c.json({ ok: true }));
    host.route('/', webRoutes());
    expect(await (await host.request('/api/ping', { headers: { accept: 'text/html' } })).json()).toEqual({ ok: true });
  });

  it('serves the bundled shell as JavaScript, revalidated by its ETag', async () => {
    const res = await app.request('/shell.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    const code = await res.text();
    expect(code.length).toBeGreaterThan(1000);
    // The shell never parses markup it did not write.
    expect(code).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/);
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await app.request('/shell.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
  }, 60_000);

  it('serves the stylesheet with the component set, the shared chrome and its own look', async () => {
    const res = await app.request('/shell.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    const css = await res.text();
    expect(css).toContain('.at-page');
    expect(css).toContain('.shell-navbar');
    expect(css).toContain('#07c160');
  });
});
