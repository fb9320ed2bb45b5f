import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import type { ShellMessage } from '../../host/sessions/messages.ts';
import { webRoutes } from '../../host/web/index.ts';
import type { ViewNode } from '../../sdk/contract/view.ts';
import { launchChromium, resultsDir } from './chromium.ts';

const WAIT = { timeout: 45_000 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** A phone-sized page that fails the test on any script error in the shell. */
async function phone(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

describe('the shell on the platform: sign up, open the shop, tap through to the cart', () => {
  let platform: Platform;
  let dataDir: string;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-shell-'));
    platform = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1' }), { log: () => {} });
    ({ page, errors } = await phone());
  }, 120_000);

  afterAll(async () => {
    await page?.close();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the directory to a visitor, and asks them to sign in before opening an app', async () => {
    await page.goto(`${platform.url}/`);
    const shop = page.locator('.shell-app-row', { hasText: 'Tea House Shop' });
    await shop.waitFor(WAIT);
    expect(await page.locator('.shell-chip').allTextContents()).toContain('Shopping');
    await page.screenshot({ path: join(resultsDir(), 'shell-directory-visitor.png'), animations: 'disabled' });

    await shop.click();
    await page.getByRole('button', { name: 'Log in' }).waitFor(WAIT);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/app/shop');
  }, 120_000);

  it('signs a new user up and lands in the shop, drawn inside the host nav bar and tab bar', async () => {
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Name').fill('Mei <b>Chen</b>');
    await page.getByLabel('Email').fill('mei@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The browser's own check or the host's message: either way, no account and a reason.
    expect(new URL(page.url()).pathname).toBe('/signup');

    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText("Loose-leaf tea from China's great gardens", { exact: false }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/app/shop');
    expect(await page.locator('.shell-title').textContent()).toBe('Tea House');
    expect(await page.locator('.shell-back').isHidden()).toBe(true);
    expect(await page.locator('.shell-tab').allTextContents()).toEqual(['Shop', 'Cart']);
    expect(await page.locator('.shell-tab-active').textContent()).toBe('Shop');
    // Program images come from the version's assets.
    const src = await page.locator('[data-id^="product-"] img').first().getAttribute('src');
    expect(src).toMatch(/^\/api\/versions\/[^/]+\/assets\/[\w-]+\.png$/);
    const image = await page.request.get(`${platform.url}${src}`);
    expect(image.status()).toBe(200);
  }, 120_000);

  it('opens a product, goes back with the nav bar and with the browser, and adds to the cart', async () => {
    const first = page.locator('[data-id^="product-"]').first();
    await first.click();
    await page.locator('[data-id="add-to-cart"]').waitFor(WAIT);
    expect(await page.locator('.shell-back').isVisible()).toBe(true);
    expect(await page.locator('.shell-tabbar').isHidden()).toBe(true);

    await page.locator('.shell-back').click();
    await page.locator('[data-id="cart-button"]').waitFor(WAIT);
    expect(await page.locator('.shell-back').isHidden()).toBe(true);

    // The system back gesture goes back a page inside the program before it leaves it.
    await first.click();
    await page.locator('[data-id="add-to-cart"]').waitFor(WAIT);
    await page.goBack();
    await page.locator('[data-id="cart-button"]').waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/app/shop');

    await first.click();
    await page.locator('[data-id="add-to-cart"]').click();
    await page.locator('.shell-toast', { hasText: 'Added to cart' }).waitFor(WAIT);
    await page.screenshot({ path: join(resultsDir(), 'shell-product.png'), animations: 'disabled' });
  }, 120_000);

  it('goes to the cart tab and sees the view update as the quantity changes', async () => {
    await page.locator('[data-id="go-to-cart"]').click();
    const total = page.locator('[data-id="total"]');
    await total.waitFor(WAIT);
    expect(await page.locator('.shell-tab-active').textContent()).toBe('Cart');
    const before = await total.textContent();
    const plus = page.locator('[data-id$="-qty-plus"]').first();
    const answered = page.waitForResponse((r) => r.url().includes('/events?since='), WAIT);
    await plus.click();
    // The shell says which frame it has, so the tap's answer is the change, not the whole cart.
    const { frame } = (await (await answered).json()) as { frame: { view?: unknown; patches?: unknown[] } };
    expect(frame.view).toBeUndefined();
    expect(frame.patches?.length).toBeGreaterThan(0);
    await page.waitForFunction(([t]) => document.querySelector('[data-id="total"]')?.textContent !== t, [before], WAIT);
    expect(await page.locator('[data-id="checkout"]').textContent()).toContain('2');
    await page.locator('.shell-toast').waitFor({ state: 'detached', ...WAIT });
    await page.screenshot({ path: join(resultsDir(), 'shell-cart.png'), animations: 'disabled' });
  }, 120_000);

  it('closes the app with the capsule and lists it under recently used; search and categories filter', async () => {
    await page.locator('.shell-capsule-button[aria-label="Close"]').click();
    await page.getByText('Recently used').waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.shell-tile-name').allTextContents()).toEqual(['Tea House Shop']);

    await page.locator('.shell-search-input').fill('tea');
    await page.getByText('Results for “tea”').waitFor(WAIT);
    expect(await page.locator('.shell-app-row .shell-row-title').allTextContents()).toEqual(['Tea House Shop']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('tea');

    await page.locator('.shell-search-input').fill('no such program');
    await page.getByText('Nothing matches “no such program”').waitFor(WAIT);
    await page.locator('.shell-search-input').fill('');
    await page.locator('.shell-chip', { hasText: 'Tools' }).click();
    await page.locator('.shell-section-title', { hasText: 'Tools' }).waitFor(WAIT);
    await page.waitForFunction(() => [...document.querySelectorAll('.shell-app-row .shell-row-title')].map((e) => e.textContent).join() === 'Hello', null, WAIT);
    await page.locator('.shell-chip', { hasText: 'All' }).click();
    await page.locator('.shell-app-row', { hasText: 'Tea House Shop' }).waitFor(WAIT);
    await page.screenshot({ path: join(resultsDir(), 'shell-directory.png'), animations: 'disabled' });
  }, 120_000);

  it('opens an app by link with a query, and says so plainly when an app does not exist', async () => {
    await page.goto(`${platform.url}/app/shop/pages/product?id=longjing`);
    await page.locator('[data-id="add-to-cart"]').waitFor(WAIT);
    expect(await page.locator('.shell-title').textContent()).toBe('West Lake Longjing');

    await page.goto(`${platform.url}/app/no-such-app`);
    await page.getByText("Can't open this mini-program").waitFor(WAIT);
  }, 120_000);

  it('shows the account on Me and signs out', async () => {
    await page.goto(`${platform.url}/me`);
    await page.locator('.shell-profile-name').waitFor(WAIT);
    // Markup in a name is text, never HTML.
    expect(await page.locator('.shell-profile-name').textContent()).toBe('Mei <b>Chen</b>');
    expect(await page.locator('.shell-profile b').count()).toBe(0);
    await page.getByText('No mini-program has asked for your data yet.').waitFor(WAIT);
    await page.screenshot({ path: join(resultsDir(), 'shell-me.png'), animations: 'disabled' });

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.locator('.shell-modal').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor(WAIT);
    const me = await page.request.get(`${platform.url}/api/me`);
    expect(me.status()).toBe(401);

    await page.getByLabel('Email').fill('mei@example.com');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.shell-form-error').waitFor(WAIT);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.shell-header-title', { hasText: 'Discover' }).waitFor(WAIT);
    expect(errors).toEqual([]);
  }, 120_000);

  it('changes the password on one phone, which signs the other phone out; then signs out everywhere', async () => {
    const other = await phone();
    await other.page.goto(`${platform.url}/login`);
    await other.page.getByLabel('Email').fill('mei@example.com');
    await other.page.getByLabel('Password').fill('correct horse battery staple');
    await other.page.getByRole('button', { name: 'Log in' }).click();
    await other.page.locator('.shell-header-title', { hasText: 'Discover' }).waitFor(WAIT);

    await page.goto(`${platform.url}/me`);
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByLabel('Current password', { exact: true }).fill('correct horse battery staple');
    await page.getByLabel('New password', { exact: true }).fill('a whole new passphrase');
    await page.getByLabel('Repeat the new password', { exact: true }).fill('a whole new passphrase');
    await page.screenshot({ path: join(resultsDir(), 'shell-password.png'), animations: 'disabled' });
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.shell-profile-name').waitFor(WAIT);

    // The other phone finds itself signed out; this one is still signed in after a reload.
    await other.page.goto(`${platform.url}/me`);
    await other.page.getByText('You are not signed in').waitFor(WAIT);
    await page.reload();
    await page.locator('.shell-profile-name').waitFor(WAIT);

    // Everything Atrium keeps about her, as one file.
    const href = await page.getByRole('link', { name: /Download my data/ }).getAttribute('href');
    const exported = await page.request.get(`${platform.url}${href}`);
    expect(exported.headers()['content-disposition']).toMatch(/^attachment/);
    expect((await exported.json()).account.email).toBe('mei@example.com');

    await page.getByRole('button', { name: 'Sign out of all devices' }).click();
    await page.locator('.shell-modal').getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor(WAIT);
    expect((await page.request.get(`${platform.url}/api/me`)).status()).toBe(401);
    expect([...errors, ...other.errors]).toEqual([]);
    await other.page.close();
  }, 120_000);

  it('erases the account from Me, after the password again', async () => {
    await page.getByLabel('Email').fill('mei@example.com');
    await page.getByLabel('Password').fill('a whole new passphrase');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.shell-header-title', { hasText: 'Discover' }).waitFor(WAIT);
    await page.goto(`${platform.url}/me`);
    await page.getByRole('link', { name: 'Erase my account' }).click();
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Erase my account' }).click();
    await page.getByRole('alert').filter({ hasText: 'The password is wrong.' }).waitFor(WAIT);
    await page.getByLabel('Password').fill('a whole new passphrase');
    await page.screenshot({ path: join(resultsDir(), 'shell-erase.png'), animations: 'disabled' });
    await page.getByRole('button', { name: 'Erase my account' }).click();
    await page.locator('.shell-header-title', { hasText: 'Discover' }).waitFor(WAIT);
    expect((await page.request.get(`${platform.url}/api/me`)).status()).toBe(401);
    const again = await page.request.post(`${platform.url}/api/auth/login`, { data: { email: 'mei@example.com', password: 'a whole new passphrase' } });
    expect(again.status()).toBe(401);
    expect(errors).toEqual([]);
  }, 120_000);
});

/**
 * What a platform cannot yet be made to do on demand (a consent prompt, a program that stops, a
 * stream that skips a frame), played by a small fake host speaking the same HTTP API.
 */
describe('the shell against a scripted host: consent, prompts, the end, stream gaps, revoke', () => {
  const text = (s: string): ViewNode => ({ type: 'text', props: { id: 'status' }, children: [s] });
  const view = (status: string): ViewNode => ({
    type: 'view',
    props: {},
    children: [
      text(status),
      { type: 'button', props: { id: 'share', onTap: 'share' }, children: ['Share my name'] },
      { type: 'button', props: { id: 'ask', onTap: 'ask' }, children: ['Ask'] },
      { type: 'button', props: { id: 'crash', onTap: 'crash' }, children: ['Crash'] },
    ],
  });
  const log: { id: number; m: ShellMessage }[] = [];
  const listeners = new Set<(e: { id: number; m: ShellMessage }) => void>();
  const answers: { promptId: string; answer: boolean }[] = [];
  const streamsFrom: (string | null)[] = [];
  let seq = 1;
  let current = view('waiting');
  let revoked = false;
  let server: ServerType;
  let url: string;
  let page: Page;
  let errors: string[];

  function push(m: ShellMessage): void {
    const e = { id: log.length + 1, m };
    log.push(e);
    for (const l of listeners) l(e);
  }
  function frame(status: string, how: 'view' | 'patches' = 'view', skip = 0): void {
    seq += 1 + skip;
    current = view(status);
    const update = { seq, route: 'pages/index', title: 'Club', stack: ['pages/index'] };
    push({ kind: 'frame', update: how === 'view' ? { ...update, view: current } : { ...update, patches: [{ op: 'children', path: [0], children: [status] }] } });
  }
  const whole = () => ({ seq, route: 'pages/index', title: 'Club', stack: ['pages/index'], view: current });

  beforeAll(async () => {
    const api = new Hono();
    api.get('/api/me', (c) => c.json({ id: 'u1', kind: 'user', email: 'lin@example.com', displayName: 'Lin', createdAt: '2025-03-01T00:00:00Z' }));
    api.get('/api/apps/categories', (c) => c.json({ categories: ['social'] }));
    api.get('/api/apps', (c) =>
      c.json({ apps: [{ id: 'club', merchantId: 'm1', name: '<img src=x onerror="window.pwned=1">Club', category: 'social', description: '<b>Members</b> only', version: '1.0.0' }] }),
    );
    api.post('/api/apps/:appId/sessions', (c) => c.json({ sessionId: 's1', app: { id: 'club', name: 'Club', version: '1.0.0', versionId: 'v1', tabBar: [] }, frame: whole() }));
    api.post('/api/sessions/:id/events', async (c) => {
      const ev = (await c.req.json()) as { handler: string };
      if (ev.handler === 'share') push({ kind: 'consent', promptId: 'p-consent', scope: 'userInfo', title: 'your nickname and avatar', reason: 'To greet you by name', appName: 'Club' });
      if (ev.handler === 'ask') push({ kind: 'modal', promptId: 'p-modal', title: 'Join the club?', content: '<script>window.pwned=1</script>', showCancel: true });
      if (ev.handler === 'crash') push({ kind: 'ended', reason: { code: 'cpu_exceeded', message: 'The program ran past its CPU budget.' } });
      return c.json({ frame: whole() });
    });
    api.post('/api/sessions/:id/prompts/:promptId', async (c) => {
      const { answer } = (await c.req.json()) as { answer: boolean };
      answers.push({ promptId: c.req.param('promptId'), answer });
      push({ kind: 'prompt-closed', promptId: c.req.param('promptId') });
      frame(answer ? 'allowed' : 'refused', 'patches');
      return c.json({ ok: true });
    });
    api.delete('/api/sessions/:id', (c) => c.json({ ok: true }));
    api.get('/api/sessions/:id/stream', (c) => {
      const from = c.req.header('last-event-id') ?? null;
      streamsFrom.push(from);
      return streamSSE(c, async (sse) => {
        const send = (e: { id: number; m: ShellMessage }) => void sse.writeSSE({ id: String(e.id), event: e.m.kind, data: JSON.stringify(e.m) }).catch(() => {});
        // Like the host: a resume replays what came after; a fresh stream starts with a whole frame.
        if (from === null) send({ id: log.length, m: { kind: 'frame', update: whole() } });
        else for (const e of log) if (e.id > Number(from)) send(e);
        listeners.add(send);
        await new Promise<void>((r) => sse.onAbort(r));
        listeners.delete(send);
      });
    });
    api.get('/api/me/authorizations', (c) =>
      c.json({ authorizations: revoked ? [] : [{ appId: 'club', scope: 'userInfo', granted: true, decidedAt: '2025-03-02T00:00:00Z' }] }),
    );
    api.delete('/api/me/authorizations/:appId/:scope', (c) => {
      revoked = true;
      return c.json({ ok: true });
    });
    api.route('/', webRoutes());
    server = await new Promise<ServerType>((ok) => {
      const s = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ page, errors } = await phone());
  }, 120_000);

  afterAll(async () => {
    await page?.close();
    (server as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
    await new Promise<void>((r) => server?.close(() => r()));
  });

  it('keeps markup in app names and descriptions as text', async () => {
    await page.goto(`${url}/`);
    const row = page.locator('.shell-app-row');
    await row.waitFor(WAIT);
    expect(await row.locator('.shell-row-title').textContent()).toBe('<img src=x onerror="window.pwned=1">Club');
    expect(await row.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  }, 120_000);

  it('draws a consent sheet with the app, the scope and its reason, and sends the answer', async () => {
    await page.locator('.shell-app-row').click();
    await page.getByText('waiting').waitFor(WAIT);
    await page.locator('[data-id="share"]').click();
    const sheet = page.locator('.shell-consent-sheet');
    await sheet.waitFor(WAIT);
    expect(await sheet.locator('.shell-consent-from').textContent()).toContain('Club');
    expect(await sheet.locator('.shell-modal-title').textContent()).toBe('Use your nickname and avatar');
    expect(await sheet.locator('.shell-modal-content').textContent()).toBe('“To greet you by name”');
    await page.screenshot({ path: join(resultsDir(), 'shell-consent.png'), animations: 'disabled' });
    await sheet.getByRole('button', { name: 'Allow', exact: true }).click();
    // The answer's frame comes as patches on the stream.
    await page.getByText('allowed').waitFor(WAIT);
    expect(answers).toEqual([{ promptId: 'p-consent', answer: true }]);
    expect(await sheet.count()).toBe(0);
    // The stream began at the session's first message, so nothing said while opening was lost.
    expect(streamsFrom[0]).toBe('0');
  }, 120_000);

  it('takes a dialog away when the host closes it unanswered, and shows program text as text', async () => {
    await page.locator('[data-id="ask"]').click();
    const dialog = page.locator('.shell-modal');
    await dialog.waitFor(WAIT);
    expect(await dialog.locator('.shell-modal-content').textContent()).toBe('<script>window.pwned=1</script>');
    push({ kind: 'prompt-closed', promptId: 'p-modal' });
    await dialog.waitFor({ state: 'detached', ...WAIT });
    expect(answers).toHaveLength(1);
  }, 120_000);

  it('reconnects for a whole frame when the stream skips one', async () => {
    frame('skipped ahead', 'patches', 1);
    await page.getByText('skipped ahead').waitFor(WAIT);
    expect(streamsFrom.at(-1)).toBeNull();
  }, 120_000);

  it('shows a clear notice when the program stops', async () => {
    await page.locator('[data-id="crash"]').click();
    const notice = page.locator('.shell-ended');
    await notice.waitFor(WAIT);
    expect(await notice.locator('.shell-sheet-title').textContent()).toBe('This mini-program stopped');
    expect(await notice.locator('.shell-sheet-note').textContent()).toBe('It took too long to respond.');
    await page.screenshot({ path: join(resultsDir(), 'shell-stopped.png'), animations: 'disabled' });
  }, 120_000);

  it('lists authorizations on Me and revokes one', async () => {
    await page.goto(`${url}/me`);
    const row = page.locator('.shell-auth-row');
    await row.waitFor(WAIT);
    expect(await row.locator('.shell-auth-scope').textContent()).toBe('Your nickname and avatar');
    expect(await row.locator('.shell-auth-state').textContent()).toBe('Allowed');
    await page.screenshot({ path: join(resultsDir(), 'shell-me-authorizations.png'), animations: 'disabled' });
    await row.getByRole('button', { name: /Revoke/ }).click();
    await page.locator('.shell-modal').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No mini-program has asked for your data yet.').waitFor(WAIT);
    expect(revoked).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);
});
