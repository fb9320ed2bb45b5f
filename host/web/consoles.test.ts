import { describe, expect, it } from 'vitest';
import { webRoutes } from './index.ts';

const app = webRoutes();
const page = (path: string) => app.request(path, { headers: { accept: 'text/html,application/xhtml+xml' } });

describe('web routes of the merchant and admin consoles', () => {
  it('serves each console page on all its addresses, under the same strict policy as the shell', async () => {
    for (const [base, script] of [
      ['/console', '/console.js'],
      ['/admin', '/admin.js'],
    ] as const) {
      const home = await page(base);
      expect(home.status, base).toBe(200);
      expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(home.headers.get('x-frame-options')).toBe('DENY');
      const html = await home.text();
      expect(html).toContain(`<script type="module" src="${script}"></script>`);
      expect(html).toContain('<link rel="stylesheet" href="/desk.css">');
      expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
      for (const deep of [`${base}/`, `${base}/apps/shop`, `${base}/apps/%3Cscript%3E`, `${base}/nowhere/at/all?x=1`]) {
        const res = await page(deep);
        expect(res.status, deep).toBe(200);
        expect(await res.text(), deep).toBe(html);
      }
    }
    // The shell keeps its own page, and an address merely starting with a console's name is not one.
    expect(await (await page('/')).text()).toContain('/shell.js');
    expect(await (await page('/consoles')).text()).toContain('/shell.js');
    expect((await page('/consoles')).status).toBe(404);
  });

  it('bundles each console as JavaScript that never parses markup, revalidated by its ETag', async () => {
    for (const script of ['/console.js', '/admin.js']) {
      const res = await app.request(script);
      expect(res.status, script).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      const code = await res.text();
      expect(code.length).toBeGreaterThan(1000);
      expect(code).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/);
      const etag = res.headers.get('etag')!;
      expect((await app.request(script, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
  }, 60_000);

  it('serves one stylesheet for both consoles: the host chrome, the shared look and their own layout', async () => {
    const res = await app.request('/desk.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    const css = await res.text();
    expect(css).toContain('.shell-modal');
    expect(css).toContain('.shell-field-input');
    expect(css).toContain('.desk-side');
    expect(css).toContain('#07c160');
    // The mini-program component set is the shell's business, not the consoles'.
    expect(css).not.toContain('.at-page');
  });
});
