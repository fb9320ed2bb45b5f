/**
 * The whole publishing path, as people do it: a merchant submits examples/shop with the `atrium`
 * command (a real process, its own config directory), an admin approves it in the admin console,
 * the merchant releases it with the command, and a user finds it in the shell and opens it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { launchChromium } from './chromium.ts';
import { person, shot, signInConsole, WAIT, type Person } from './people.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ADMIN = { email: 'reviewer@atrium.test', password: 'a long reviewer password' };
const MERCHANT = { email: 'teahouse@example.com', password: 'oolong and pu-erh' };

let browser: Browser;
let platform: Platform;
let dir: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atrium-lifecycle-browser-'));
  const config = loadConfig({ ATRIUM_DATA_DIR: join(dir, 'data'), PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_ADMIN_EMAIL: ADMIN.email, ATRIUM_ADMIN_PASSWORD: ADMIN.password });
  [platform, browser] = await Promise.all([startPlatform(config, { log: () => {} }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `atrium <args>` as a separate process, as a merchant runs it in a terminal. */
function atrium(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'atrium.js'), ...args], {
      cwd: root,
      env: { ...process.env, ATRIUM_CONFIG_DIR: join(dir, 'config'), ATRIUM_HOST: platform.url, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    p.stdin.end(stdin);
  });
}

async function browserFor(viewport = { width: 1280, height: 860 }): Promise<Person> {
  const p = await person(browser, viewport);
  contexts.push(p.page.context());
  return p;
}

describe('publishing an app', () => {
  it('goes from atrium submit through admin approval and atrium release to a user opening it in the shell', async () => {
    const signup = await fetch(`${platform.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: platform.url },
      body: JSON.stringify({ ...MERCHANT, displayName: 'Tea House Ltd', kind: 'merchant' }),
    });
    expect(signup.status).toBe(201);

    const login = await atrium(['login', '--email', MERCHANT.email], `${MERCHANT.password}\n`);
    expect(login.code, login.err).toBe(0);
    const created = await atrium(['apps', 'create', '--name', 'Tea House Shop', '--category', 'shopping', '--description', 'Loose-leaf tea and teaware']);
    expect(created.code, created.err).toBe(0);
    const appId = /app id\s+(\S+)/.exec(created.out)?.[1];
    expect(appId).toMatch(/^tea-house-shop-[0-9a-f]{6}$/);

    const submitted = await atrium(['submit', 'examples/shop', '--app', appId!, '--notes', 'Our first shop.']);
    expect(submitted.code, submitted.err).toBe(0);
    expect(submitted.out).toContain('Version 1.0.0 is in review');
    // Not released yet: nobody can find it.
    expect((await atrium(['release', '1.0.0', '--app', appId!])).code).toBe(1);

    const admin = await browserFor();
    await signInConsole(admin.page, platform.url, '/admin', ADMIN);
    const queued = admin.page.getByTestId(`review-${appId}-1.0.0`);
    await queued.waitFor(WAIT);
    expect(await queued.textContent()).toContain(MERCHANT.email);
    await queued.click();
    const decision = admin.page.getByTestId('decision');
    await decision.waitFor(WAIT);
    expect(await admin.page.getByRole('region', { name: 'Release notes' }).textContent()).toContain('Our first shop.');
    expect(await admin.page.getByRole('list', { name: 'Automated checks' }).locator('.desk-check-passed').count()).toBe(8);
    await decision.getByRole('button', { name: 'Approve 1.0.0' }).click();
    const decided = admin.page.getByTestId('decided');
    await decided.waitFor(WAIT);
    expect(await decided.textContent()).toContain('Approved');
    await shot(admin.page, 'lifecycle-approved');

    const released = await atrium(['release', '1.0.0', '--app', appId!]);
    expect(released.code, released.err).toBe(0);
    const versions = await atrium(['versions', '--app', appId!]);
    expect(versions.out).toMatch(/1\.0\.0\s+approved/);

    const user = await browserFor({ width: 390, height: 844 });
    await user.page.goto(`${platform.url}/signup`);
    await user.page.getByLabel('Name').fill('Mei');
    await user.page.getByLabel('Email').fill('mei@example.com');
    await user.page.getByLabel('Password').fill('correct horse battery staple');
    await user.page.getByRole('button', { name: 'Create account' }).click();
    await user.page.locator('.shell-search-input').waitFor(WAIT);
    await user.page.locator('.shell-search-input').fill('tea');
    const row = user.page.locator('.shell-app-row', { hasText: 'Tea House Shop' });
    await row.waitFor(WAIT);
    await row.click();
    await user.page.getByText("Loose-leaf tea from China's great gardens", { exact: false }).waitFor(WAIT);
    expect(new URL(user.page.url()).pathname).toBe(`/app/${appId}`);
    await shot(user.page, 'lifecycle-opened');
    expect([...admin.errors, ...user.errors]).toEqual([]);
  }, 180_000);
});
