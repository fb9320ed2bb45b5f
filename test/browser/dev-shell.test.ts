import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../sdk/cli/dev/server.ts';
import { launchChromium, resultsDir } from './chromium.ts';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '..', '..', 'examples');
// Programs run from temp copies: examples/ is never touched.
const root = mkdtempSync(join(tmpdir(), 'atrium-dev-shell-'));
const WAIT = { timeout: 45_000 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('atrium dev shell in Chromium: hello', () => {
  const dir = join(root, 'hello');
  cpSync(join(examples, 'hello'), dir, { recursive: true, filter: (src) => !src.endsWith('/dist') });
  const pageFile = join(dir, 'pages', 'index.tsx');
  const original = readFileSync(pageFile, 'utf8');
  let server: DevServer;
  let page: Page;

  beforeAll(async () => {
    server = await startDevServer({ dirs: [dir], port: 0 });
    page = await browser.newPage({ viewport: { width: 1100, height: 960 } });
  }, 120_000);
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  it('draws the program in a phone with a host nav bar, and taps reach its handler', async () => {
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.getByText('Hello, world!').waitFor(WAIT);
    expect(await page.locator('.dev-title').textContent()).toBe('Hello');
    expect(await page.locator('.dev-back').isHidden()).toBe(true);

    const button = page.getByRole('button', { name: 'Tap me' });
    await button.click();
    await page.getByText('Tapped 1 times').waitFor(WAIT);
    await button.click();
    await page.getByText('Tapped 2 times').waitFor(WAIT);
    expect(await page.locator('[data-id="add"]').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(7, 193, 96)');
    await page.screenshot({ path: join(resultsDir(), 'dev-shell.png'), animations: 'disabled' });
  }, 120_000);

  it('shows the host toast the program asks for', async () => {
    const button = page.getByRole('button', { name: 'Tap me' });
    for (let i = 3; i <= 10; i++) {
      await button.click();
      await page.getByText(`Tapped ${i} times`).waitFor(WAIT);
    }
    await page.locator('.dev-toast', { hasText: 'Ten taps!' }).waitFor(WAIT);
  }, 120_000);

  it('rebuilds and reloads when a page file changes', async () => {
    writeFileSync(pageFile, original.replace('Hello, {who}!', 'Howdy, {who}!'));
    await page.getByText('Howdy, world!').waitFor(WAIT);
    // A reopened session starts afresh.
    await page.getByText('Tapped 0 times').waitFor(WAIT);
  }, 120_000);

  it('shows build errors in the page as text, then recovers when they are fixed', async () => {
    writeFileSync(pageFile, original.replace('</text>', '</view>'));
    const errors = page.locator('.dev-errors-list');
    await errors.waitFor({ state: 'visible', ...WAIT });
    expect(await errors.textContent()).toMatch(/pages\/index\.tsx:\d+:\d+: Unexpected closing "view" tag/);
    await page.screenshot({ path: join(resultsDir(), 'dev-shell-errors.png'), animations: 'disabled' });

    writeFileSync(pageFile, original.replace('Hello, {who}!', 'Welcome back, {who}!'));
    await page.getByText('Welcome back, world!').waitFor(WAIT);
    expect(await errors.isHidden()).toBe(true);
  }, 120_000);
});

describe('atrium dev shell in Chromium: tabs, pages and dialogs', () => {
  const dir = join(root, 'club');
  const files: Record<string, string> = {
    'atrium.json': JSON.stringify({
      name: 'Tea Club',
      version: '1.0.0',
      pages: ['pages/home', 'pages/other', 'pages/detail'],
      tabBar: { items: [{ page: 'pages/home', text: 'Home' }, { page: 'pages/other', text: 'Other' }] },
    }),
    'pages/home.tsx': `import { page, ui } from 'atrium';
export default page({
  title: 'Club',
  data: { answer: 'none' },
  async ask() {
    const { confirm } = await ui.showModal({ title: 'Join the club?', content: 'Members get tea.', confirmText: 'Join', cancelText: 'Later' });
    this.setData({ answer: confirm ? 'joined' : 'later' });
  },
  render() {
    return (
      <view style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
        <text id="answer">Answer: {this.data.answer}</text>
        <button onTap="ask">Ask</button>
        <navigator url="/pages/detail?id=7"><text>Open detail</text></navigator>
      </view>
    );
  },
});
`,
    'pages/other.tsx': `import { page } from 'atrium';
export default page({ title: 'Other', render() { return <text>Other tab</text>; } });
`,
    'pages/detail.tsx': `import { page } from 'atrium';
export default page({
  title: 'Detail',
  data: { id: '' },
  onLoad(q) { this.setData({ id: q.id ?? '' }); },
  render() { return <text>Detail {this.data.id}</text>; },
});
`,
  };
  let server: DevServer;
  let page: Page;

  beforeAll(async () => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    server = await startDevServer({ dirs: [dir], port: 0 });
    page = await browser.newPage({ viewport: { width: 1100, height: 960 } });
  }, 120_000);
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  it('answers a host dialog in the browser and the program gets the answer', async () => {
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.getByText('Answer: none').waitFor(WAIT);
    await page.getByRole('button', { name: 'Ask' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Join the club?').waitFor(WAIT);
    await page.screenshot({ path: join(resultsDir(), 'dev-shell-modal.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Join' }).click();
    await page.getByText('Answer: joined').waitFor(WAIT);
    expect(await dialog.count()).toBe(0);
  }, 120_000);

  it('opens a page with a back button, goes back, and switches tabs', async () => {
    const tabs = page.locator('.dev-tabbar');
    expect(await tabs.locator('.dev-tab').allTextContents()).toEqual(['Home', 'Other']);
    await page.getByText('Open detail').click();
    await page.getByText('Detail 7').waitFor(WAIT);
    expect(await page.locator('.dev-title').textContent()).toBe('Detail');
    expect(await page.locator('.dev-back').isVisible()).toBe(true);
    expect(await tabs.isHidden()).toBe(true);

    await page.locator('.dev-back').click();
    await page.getByText('Answer: joined').waitFor(WAIT);
    expect(await page.locator('.dev-back').isHidden()).toBe(true);

    await tabs.getByText('Other').click();
    await page.getByText('Other tab').waitFor(WAIT);
    expect(await page.locator('.dev-tab-active').textContent()).toBe('Other');
    expect(await page.locator('.dev-title').textContent()).toBe('Other');
  }, 120_000);
});
