import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShellEvent, ViewNode } from '../../sdk/contract/view.ts';
import { componentCss } from '../../sdk/view/styles.ts';
import { launchChromium } from './chromium.ts';

declare global {
  interface Window {
    atrium: { render(v: unknown): void; patch(p: unknown): void; events: ShellEvent[] };
  }
}

const n = (type: ViewNode['type'], props: Record<string, unknown> = {}, ...children: (ViewNode | string)[]): ViewNode => ({ type, props, children });
const keyed = (key: string, text: string): ViewNode => ({ type: 'view', key, props: {}, children: [text] });

/** One of every component, plus text that would be markup if anything parsed it. */
const view = n(
  'view',
  { id: 'root', style: { padding: 12, opacity: 0.9, backgroundColor: '#fafafa' } },
  n('text', { id: 'evil' }, '<img src=x onerror="window.pwned=1"><b>bold?</b>'),
  n('image', { id: 'asset', src: 'assets/logo.png', mode: 'aspectFill' }),
  n('image', { id: 'remote', src: 'https://example.com/a.png' }),
  n('image', { id: 'bad', src: 'javascript:window.pwned=1' }),
  n('button', { id: 'buy', kind: 'primary', onTap: 'buy', data: { sku: 'tea' } }, 'Buy'),
  n('view', { id: 'row', onTap: 'row', data: 7 }, n('text', {}, 'Row text')),
  n('navigator', { id: 'nav', url: '/pages/cart?from=home', openType: 'navigate' }, n('text', {}, 'Cart')),
  n(
    'form',
    { id: 'form', onSubmit: 'save', data: 'profile' },
    n('input', { id: 'nick', name: 'nick', placeholder: 'Nickname', onInput: 'typing', onConfirm: 'done' }),
    n('textarea', { id: 'bio', name: 'bio', value: 'Tea lover' }),
    n('switch', { id: 'news', name: 'news', checked: true, onChange: 'newsChanged' }),
    n('checkbox', { id: 'a', name: 'tags', value: 'a', checked: true }, 'A'),
    n('checkbox', { id: 'b', name: 'tags', value: 'b' }, 'B'),
    n('picker', { id: 'size', name: 'size', options: ['S', 'M', 'L'], value: 1, onChange: 'pick' }, 'Size'),
    n('button', { id: 'save', formType: 'submit' }, 'Save'),
  ),
  n('list', { id: 'list' }, keyed('a', 'Apple'), keyed('b', 'Banana')),
  n('scroll-view', { id: 'scroll', direction: 'horizontal' }, n('text', {}, 'one'), n('text', {}, 'two')),
);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: `import { createRenderer } from './sdk/view/dom.ts';
        const events = [];
        const r = createRenderer(document.getElementById('page'), { onEvent: (e) => events.push(e) });
        window.atrium = { render: (v) => r.render(v), patch: (p) => r.patch(p), events };`,
      resolveDir: new URL('../..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 400, height: 900 } });
  await page.setContent('<!doctype html><html><body><div class="at-page" id="page"></div></body></html>');
  await page.addStyleTag({ content: componentCss });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  await page.evaluate((v) => window.atrium.render(v), view);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const events = () => page.evaluate(() => window.atrium.events.splice(0));
const at = (id: string) => page.locator(`[data-id="${id}"]`);

describe('the DOM renderer', () => {
  it('draws every component with the element it maps to', async () => {
    const tags = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[data-id]')].map((e) => [e.getAttribute('data-id'), `${e.tagName.toLowerCase()}.${e.className.split(' ')[0]}`])),
    );
    expect(tags).toMatchObject({
      root: 'div.at-view',
      evil: 'span.at-text',
      asset: 'img.at-image',
      buy: 'button.at-button',
      row: 'div.at-view',
      nav: 'div.at-navigator',
      form: 'form.at-form',
      nick: 'input.at-input',
      bio: 'textarea.at-textarea',
      news: 'label.at-switch',
      a: 'label.at-checkbox',
      size: 'label.at-picker',
      list: 'div.at-list',
      scroll: 'div.at-scroll-view',
    });
    expect(await at('news').locator('input').getAttribute('role')).toBe('switch');
    expect(await at('size').locator('option').allTextContents()).toEqual(['S', 'M', 'L']);
  });

  it('never interprets program strings as markup or script', async () => {
    expect(await at('evil').textContent()).toBe('<img src=x onerror="window.pwned=1"><b>bold?</b>');
    expect(await at('evil').locator('*').count()).toBe(0);
    expect(await at('asset').getAttribute('src')).toBe('assets/logo.png');
    expect(await at('remote').getAttribute('src')).toBe('https://example.com/a.png');
    expect(await at('bad').getAttribute('src')).toBeNull();
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('applies style through whitelisted properties, numbers as pixels', async () => {
    const s = await at('root').evaluate((e) => ({ padding: e.style.padding, opacity: e.style.opacity, bg: e.style.backgroundColor }));
    expect(s).toEqual({ padding: '12px', opacity: '0.9', bg: 'rgb(250, 250, 250)' });
  });

  it('sends taps with the data prop, bubbling to the nearest handler', async () => {
    await at('buy').click();
    await page.getByText('Row text').click();
    await page.getByText('Cart').click();
    expect(await events()).toEqual([
      { handler: 'buy', type: 'tap', data: { sku: 'tea' } },
      { handler: 'row', type: 'tap', data: 7 },
      { handler: '$nav', type: 'tap', value: { url: '/pages/cart?from=home', openType: 'navigate' } },
    ]);
  });

  it('sends input, confirm, switch and picker changes', async () => {
    await at('nick').fill('Ada');
    await at('nick').press('Enter');
    await at('news').click();
    await at('size').locator('select').selectOption('2');
    expect(await events()).toEqual([
      { handler: 'typing', type: 'input', value: 'Ada' },
      { handler: 'done', type: 'confirm', value: 'Ada' },
      { handler: 'newsChanged', type: 'change', value: false },
      { handler: 'pick', type: 'change', value: 2 },
    ]);
  });

  it('submits a form as { name: value } of its fields', async () => {
    await at('b').click();
    await at('save').click();
    expect(await events()).toEqual([
      { handler: 'save', type: 'submit', data: 'profile', value: { nick: 'Ada', bio: 'Tea lover', news: false, tags: ['a', 'b'], size: 2 } },
    ]);
  });

  it('patches in place: keyed rows move, a focused field keeps focus and text', async () => {
    const apple = await at('list').locator('.at-view').first().elementHandle();
    await at('nick').focus();
    // Root children: 0 evil, ..., 7 form, 8 list. Swap the rows and change the placeholder.
    await page.evaluate(() =>
      window.atrium.patch([
        { op: 'children', path: [8], children: [{ type: 'view', key: 'b', props: {}, children: ['Banana'] }, { type: 'view', key: 'a', props: {}, children: ['Apple'] }] },
        { op: 'props', path: [7, 0], set: { placeholder: 'Your name' }, unset: [] },
      ]),
    );
    expect(await at('list').locator('.at-view').allTextContents()).toEqual(['Banana', 'Apple']);
    expect(await apple!.evaluate((e) => e.textContent)).toBe('Apple');
    expect(await apple!.evaluate((e) => e === e.parentElement!.lastElementChild)).toBe(true);
    expect(await at('nick').evaluate((e) => [document.activeElement === e, (e as HTMLInputElement).value, (e as HTMLInputElement).placeholder])).toEqual([
      true,
      'Ada',
      'Your name',
    ]);
  });
});
