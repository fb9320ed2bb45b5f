/**
 * The merchant console, the admin console and the shell on one platform with the demo seed. Most
 * people here have a browser context of their own; one shows a user and a merchant side by side in
 * one browser, each with their own session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { demoAccounts } from '../../host/flows/demo-seed.ts';
import { buildProgram } from '../../sdk/build/index.ts';
import { person, shot, signInConsole, WAIT, type Login, type Person } from './people.ts';
import { launchChromium } from './chromium.ts';

const hello = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'hello');
/** A 1×1 PNG: the smallest icon the host accepts. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let browser: Browser;
let platform: Platform;
let dataDir: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'atrium-consoles-'));
  [platform, browser] = await Promise.all([
    startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'true' }), { log: () => {} }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function browserFor(viewport = { width: 1280, height: 860 }): Promise<Person> {
  const p = await person(browser, viewport);
  contexts.push(p.page.context());
  return p;
}

/** Signs in on a console's own sign-in page, which says first that other sign-ins stay as they are. */
async function signIn(page: Page, path: '/console' | '/admin', who: Login): Promise<void> {
  await page.goto(`${platform.url}${path}`);
  await page.getByTestId('session-note').waitFor(WAIT);
  await signInConsole(page, platform.url, path, who);
}

/** The host's API as a tool calls it: a bearer token, no cookie. */
async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

async function token(kind: 'merchant' | 'admin', who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${platform.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...who, kind }) });
  return ((await res.json()) as { token: string }).token;
}

/** Submits examples/hello again under another version number, as `atrium submit` would. */
async function submitHello(version: string, releaseNotes: string): Promise<void> {
  const built = await buildProgram(hello);
  if (!built.ok) throw new Error('examples/hello did not build');
  const assets = built.assets.map((a) => ({ path: a.path, contentType: a.contentType, data: Buffer.from(a.bytes).toString('base64') }));
  await call(await token('merchant', demoAccounts.merchant), 'POST', '/api/merchant/apps/hello/versions', { manifest: { ...built.manifest, version }, bundle: built.bundle, assets, releaseNotes });
}


describe('the merchant console', () => {
  it('signs a merchant in, lists the shop as live, and shows its version with every check', async () => {
    const { page, errors } = await browserFor();
    await page.goto(`${platform.url}/console`);
    // Each kind of account has its own session: the sign-in page says so.
    expect(await page.getByTestId('session-note').textContent()).toMatch(/keeps you signed in to the Atrium app/);
    await shot(page, 'console-sign-in');
    await signIn(page, '/console', demoAccounts.merchant);
    expect(await page.locator('.desk-who-email').textContent()).toBe(demoAccounts.merchant.email);

    const shop = page.getByTestId('app-shop');
    await shop.waitFor(WAIT);
    expect(await shop.textContent()).toContain('Tea House Shop');
    expect(await shop.locator('.desk-badge').first().textContent()).toBe('Live');
    expect(await shop.textContent()).toContain('v1.0.0');
    await shot(page, 'console-apps');

    await shop.click();
    const version = page.getByTestId('version-1.0.0');
    await version.waitFor(WAIT);
    expect(await page.getByRole('region', { name: 'Release', exact: true }).textContent()).toContain('1.0.0 to everyone');
    expect(await version.locator('.desk-badge').textContent()).toBe('Live');
    const checks = version.getByRole('list', { name: 'Automated checks' }).locator('.desk-check');
    expect(await checks.evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.check, (e as HTMLElement).dataset.outcome]))).toEqual([
      ['manifest', 'passed'],
      ['size', 'passed'],
      ['sandbox', 'passed'],
      ['scopes', 'passed'],
      ['subscriptions', 'passed'],
      ['category', 'passed'],
      ['terms', 'passed'],
      ['diff', 'passed'],
    ]);
    expect(await version.textContent()).toContain('4 of 4 pages rendered');
    expect(await page.getByRole('region', { name: 'Submit a version' }).textContent()).toContain('npx atrium submit --app shop');
    await shot(page, 'console-app');
    expect(errors).toEqual([]);
  }, 120_000);

  it('creates an app with an icon and shows its id and secret once', async () => {
    const { page, errors } = await browserFor();
    await signIn(page, '/console', demoAccounts.merchant);
    await page.getByRole('link', { name: 'New app' }).first().click();
    await page.getByLabel('Name').fill('Dumpling Bar');
    await page.getByLabel('Category').fill('food');
    await page.getByLabel('Description').fill('Order dumplings to your table.');
    await page.getByLabel('Icon').setInputFiles({ name: 'icon.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
    await page.getByAltText('Icon preview').waitFor(WAIT);
    await page.getByRole('button', { name: 'Create app' }).click();

    const once = page.getByTestId('secret-once');
    await once.waitFor(WAIT);
    const appId = (await once.getByTestId('app-id').textContent())!;
    const secret = (await once.getByTestId('app-secret').textContent())!;
    expect(appId).toMatch(/^dumpling-bar-[0-9a-f]{6}$/);
    expect(secret.length).toBeGreaterThan(20);
    expect(await once.textContent()).toContain('this is the only time Atrium shows it');
    expect(await once.getByRole('button', { name: 'Copy app secret' }).isVisible()).toBe(true);
    await shot(page, 'console-new-app-secret');

    await page.getByRole('link', { name: /go to the app/ }).click();
    await page.getByRole('region', { name: 'App secret' }).waitFor(WAIT);
    expect(await page.locator('.desk-title').textContent()).toBe('Dumpling Bar');
    expect(await page.locator('.desk-head').textContent()).toContain('Not released');
    // Never shown again: the app page has no secret in it, only a way to make a new one.
    expect(await page.locator('body').textContent()).not.toContain(secret);
    await page.getByRole('link', { name: 'Your apps' }).first().click();
    const row = page.getByTestId(`app-${appId}`);
    await row.waitFor(WAIT);
    expect(await row.locator('img.shell-icon-image').getAttribute('src')).toBe(`/api/apps/${appId}/icon`);

    // The shell on the same browser has no user signed in: a merchant is not a shopper.
    await page.goto(`${platform.url}/login`);
    await page.locator('.shell-auth-form').waitFor(WAIT);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('one browser', () => {
  it('keeps a shopper in the Atrium app and a merchant in the console signed in side by side', async () => {
    const { page, errors } = await browserFor();
    await page.goto(`${platform.url}/login`);
    await page.getByLabel('Email').fill(demoAccounts.user.email);
    await page.getByLabel('Password').fill(demoAccounts.user.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.shell-app-row', { hasText: 'Hello' }).waitFor(WAIT);

    await signIn(page, '/console', demoAccounts.merchant);
    await page.getByTestId('app-shop').waitFor(WAIT);

    // Back in the app, still the shopper: a mini-program opens and answers.
    await page.goto(`${platform.url}/`);
    await page.locator('.shell-app-row', { hasText: 'Hello' }).click();
    await page.getByText('Tap me').click();
    await page.getByText('Tapped 1 times').waitFor(WAIT);
    // And the console is still the merchant's.
    await page.goto(`${platform.url}/console`);
    expect(await page.locator('.desk-who-email').textContent()).toBe(demoAccounts.merchant.email);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('a console account page', () => {
  it('changes the password, which ends the session elsewhere, and signs out of all devices', async () => {
    const seller = { email: 'noodles@example.com', password: 'first password here' };
    const made = await fetch(`${platform.url}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify({ ...seller, displayName: 'Noodle Stall', kind: 'merchant' }) });
    expect(made.status).toBe(201);
    const elsewhere = await token('merchant', seller);

    const { page, errors } = await browserFor();
    await signIn(page, '/console', seller);
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByLabel('Current password', { exact: true }).fill(seller.password);
    await page.getByLabel('New password', { exact: true }).fill('second password here');
    await page.getByLabel('Repeat the new password', { exact: true }).fill('second password here');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed').waitFor(WAIT);
    await shot(page, 'console-account');
    // The tool's token from before is signed out; this browser carries on.
    expect((await fetch(`${platform.url}/api/me`, { headers: { authorization: `Bearer ${elsewhere}` } })).status).toBe(401);
    await page.getByRole('link', { name: 'Apps', exact: true }).first().click();
    await page.getByRole('link', { name: 'New app' }).first().waitFor(WAIT);

    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out of all devices' }).click();
    await page.locator('.shell-modal').getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByTestId('session-note').waitFor(WAIT);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('the admin console', () => {
  it('shows a queued version with its checks; a rejection pointing at a page reaches the merchant', async () => {
    await submitHello('1.0.1', 'A warmer greeting.');
    const admin = await browserFor();
    await admin.page.goto(`${platform.url}/admin`);
    await admin.page.getByTestId('session-note').waitFor(WAIT);
    expect(await admin.page.getByRole('tab').count()).toBe(0);
    await signIn(admin.page, '/admin', demoAccounts.admin);

    const queued = admin.page.getByTestId('review-hello-1.0.1');
    await queued.waitFor(WAIT);
    expect(await queued.textContent()).toContain(demoAccounts.merchant.email);
    expect(await queued.textContent()).toMatch(/waiting \d+ s/);
    await shot(admin.page, 'admin-queue');

    await queued.click();
    const decision = admin.page.getByTestId('decision');
    await decision.waitFor(WAIT);
    expect(await admin.page.locator('.desk-title').textContent()).toBe('Hello 1.0.1');
    expect(await admin.page.getByRole('region', { name: 'Release notes' }).textContent()).toContain('A warmer greeting.');
    expect(await admin.page.getByRole('region', { name: 'Merchant' }).textContent()).toContain(demoAccounts.merchant.email);
    expect(await admin.page.getByRole('region', { name: 'Changes' }).textContent()).toContain('Compared with 1.0.0');
    expect(await admin.page.getByRole('region', { name: 'Manifest' }).textContent()).toContain('pages/index');
    expect(await admin.page.getByRole('list', { name: 'Automated checks' }).locator('.desk-check-passed').count()).toBe(7);
    await shot(admin.page, 'admin-review');

    await decision.getByLabel('About').selectOption('page:pages/index');
    await decision.getByLabel('Why').fill('The counter resets when the page is reopened.');
    await decision.getByRole('button', { name: 'Reject 1.0.1' }).click();
    const decided = admin.page.getByTestId('decided');
    await decided.waitFor(WAIT);
    expect(await decided.textContent()).toContain('Rejected');
    expect(await decided.textContent()).toContain('Page pages/index');
    expect(await admin.page.getByTestId('decision').count()).toBe(0);

    const merchant = await browserFor();
    await signIn(merchant.page, '/console', demoAccounts.merchant);
    await merchant.page.goto(`${platform.url}/console/apps/hello`);
    const version = merchant.page.getByTestId('version-1.0.1');
    await version.waitFor(WAIT);
    expect(await version.locator('.desk-badge').textContent()).toBe('Rejected');
    const reasons = version.getByRole('list', { name: 'Rejection reasons' });
    expect(await reasons.locator('.desk-chip-target').textContent()).toBe('Page pages/index');
    expect(await reasons.locator('.desk-reason-text').textContent()).toBe('The counter resets when the page is reopened.');
    expect(await version.textContent()).toMatch(/Reviewed.*after \d+/);
    await shot(merchant.page, 'console-rejected');
    expect([...admin.errors, ...merchant.errors]).toEqual([]);
  }, 120_000);

  it('suspends an app: a user in it sees the session end with the reason, and cannot open it again', async () => {
    const reason = 'Selling tea it does not have in stock.';
    // The shop gets an uploaded icon, which the directory draws instead of the generated one.
    await call(await token('merchant', demoAccounts.merchant), 'PATCH', '/api/merchant/apps/shop', { icon: PNG });

    const user = await browserFor({ width: 390, height: 844 });
    await user.page.goto(`${platform.url}/login`);
    await user.page.getByLabel('Email').fill(demoAccounts.user.email);
    await user.page.getByLabel('Password').fill(demoAccounts.user.password);
    await user.page.getByRole('button', { name: 'Log in' }).click();
    const shopRow = user.page.locator('.shell-app-row', { hasText: 'Tea House Shop' });
    await shopRow.waitFor(WAIT);
    expect(await shopRow.locator('img.shell-icon-image').getAttribute('src')).toBe('/api/apps/shop/icon');
    expect(await user.page.locator('.shell-app-row', { hasText: 'Hello' }).locator('.shell-icon-image').count()).toBe(0);

    const streaming = user.page.waitForResponse((r) => /\/api\/sessions\/[^/]+\/stream$/.test(new URL(r.url()).pathname), WAIT);
    await shopRow.click();
    await user.page.locator('[data-id="cart-button"]').waitFor(WAIT);
    await streaming;

    const admin = await browserFor();
    await signIn(admin.page, '/admin', demoAccounts.admin);
    await admin.page.getByRole('link', { name: 'Apps', exact: true }).click();
    await admin.page.getByLabel('Search apps').fill('tea');
    await admin.page.getByTestId('app-hello').waitFor({ state: 'detached', ...WAIT });
    await admin.page.getByTestId('app-shop').click();
    await admin.page.getByRole('button', { name: 'Suspend', exact: true }).click();
    const form = admin.page.getByTestId('moderation-form');
    await form.getByLabel('Reason').fill(reason);
    await form.getByRole('button', { name: 'Suspend app' }).click();
    await admin.page.locator('.desk-banner', { hasText: reason }).waitFor(WAIT);
    await shot(admin.page, 'admin-app-suspended');

    // The open session ends with the platform's reason.
    const notice = user.page.getByTestId('app-suspended');
    await notice.waitFor({ state: 'visible', ...WAIT });
    expect(await notice.locator('.shell-sheet-title').textContent()).toBe('Tea House Shop is suspended');
    expect(await notice.locator('.shell-suspended-reason').textContent()).toBe(reason);
    await shot(user.page, 'shell-suspended-live');

    // Opening it again is refused, with the same page.
    await user.page.reload();
    await notice.waitFor({ state: 'visible', ...WAIT });
    expect(await notice.locator('.shell-suspended-reason').textContent()).toBe(reason);
    expect(await user.page.getByRole('button', { name: 'Reopen' }).isVisible()).toBe(false);
    await user.page.getByRole('button', { name: 'Back to Discover' }).click();
    await user.page.locator('.shell-app-row', { hasText: 'Hello' }).waitFor(WAIT);
    expect(await user.page.locator('.shell-app-row', { hasText: 'Tea House Shop' }).count()).toBe(0);

    // The audit log has it, newest first, with the reason.
    await admin.page.getByRole('link', { name: 'Audit log', exact: true }).click();
    const newest = admin.page.locator('.desk-audit').first();
    await newest.waitFor(WAIT);
    expect(await newest.textContent()).toContain('Suspended the app');
    expect(await newest.textContent()).toContain(reason);
    await shot(admin.page, 'admin-audit');
    expect([...user.errors, ...admin.errors]).toEqual([]);
  }, 120_000);
});

describe('release controls of the merchant console', () => {
  /** Confirms the console's "are you sure" dialog. */
  async function confirm(page: Page, button: string): Promise<void> {
    await page.locator('.shell-modal').getByRole('button', { name: button, exact: true }).click();
    await page.locator('.shell-modal').waitFor({ state: 'detached', ...WAIT });
  }
  /** Waits for the release line to say exactly `text` (after an action the page reloads). */
  async function releaseSays(page: Page, text: string): Promise<void> {
    await page.waitForFunction((t) => document.querySelector('.desk-release-line')?.textContent === t, text, WAIT);
  }

  it('releases an approved version to a growing share, calls it off, releases it fully, rolls back and withdraws', async () => {
    await submitHello('1.0.2', 'Counts to a hundred.');
    const admin = await token('admin', demoAccounts.admin);
    const { items } = await call<{ items: { app: { id: string }; version: { id: string; version: string } }[] }>(admin, 'GET', '/api/admin/reviews');
    const queued = items.find((i) => i.app.id === 'hello' && i.version.version === '1.0.2')!;
    await call(admin, 'POST', `/api/admin/reviews/${queued.version.id}/approve`, { note: 'Clear and tidy; fine to ship.' });

    const { page, errors } = await browserFor();
    await signIn(page, '/console', demoAccounts.merchant);
    await page.goto(`${platform.url}/console/apps/hello`);
    const row = page.getByTestId('release-1.0.2');
    await row.waitFor(WAIT);
    // The merchant reads what the reviewer said on approving.
    expect(await page.getByTestId('version-1.0.2').textContent()).toContain('Clear and tidy; fine to ship.');
    expect(await row.getByRole('button').allTextContents()).toEqual(['1%', '5%', '10%', '25%', '50%', 'Release to everyone']);

    await row.getByRole('button', { name: 'Release 1.0.2 to 10% of users' }).click();
    await confirm(page, 'Release');
    await releaseSays(page, '1.0.0 to everyone else · 1.0.2 to 10% of users');
    // A gray release only grows: the next steps, everyone, or calling it off.
    expect(await row.getByRole('button').allTextContents()).toEqual(['25%', '50%', 'Release to everyone', 'Call off gray release']);
    expect(await page.getByTestId('version-1.0.2').locator('.desk-badge').textContent()).toBe('Gray 10%');
    await shot(page, 'console-gray-release');

    await row.getByRole('button', { name: 'Release 1.0.2 to 25% of users' }).click();
    await confirm(page, 'Release');
    await releaseSays(page, '1.0.0 to everyone else · 1.0.2 to 25% of users');

    await row.getByRole('button', { name: 'Call off gray release' }).click();
    await confirm(page, 'Call off');
    await releaseSays(page, '1.0.0 to everyone');
    expect(await page.getByTestId('version-1.0.2').locator('.desk-badge').textContent()).toBe('Approved · was live');

    await row.getByRole('button', { name: 'Release 1.0.2 to everyone' }).click();
    await confirm(page, 'Release');
    await releaseSays(page, '1.0.2 to everyone');

    const back = page.getByRole('combobox', { name: 'Version to roll back to' });
    expect(await back.locator('option').allTextContents()).toEqual(['1.0.0']);
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    await confirm(page, 'Roll back');
    await releaseSays(page, '1.0.0 to everyone');

    await submitHello('1.0.3', 'Counts backwards too.');
    await page.reload();
    await page.getByRole('button', { name: 'Withdraw from review' }).click();
    await confirm(page, 'Withdraw');
    await page.getByTestId('version-1.0.3').locator('.desk-badge', { hasText: 'Withdrawn' }).waitFor(WAIT);
    expect(errors).toEqual([]);
  }, 120_000);
});
