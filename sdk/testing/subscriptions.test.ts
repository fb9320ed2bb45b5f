import { afterEach, describe, expect, it } from 'vitest';
import { rawProgram } from '../../test/support/programs.ts';
import type { BuiltProgram } from '../build/index.ts';
import { manifestSchema } from '../contract/index.ts';
import { openProgram, type OpenProgramOptions, type ProgramTester } from './index.ts';

const manifest = manifestSchema.parse({
  name: 'Tea House',
  version: '1.0.0',
  pages: ['pages/index'],
  permissions: { subscribe: { reason: 'to tell you when your order ships' } },
  subscriptions: {
    templates: [
      { id: 'order-shipped', title: 'Order shipped', fields: [{ key: 'carrier', label: 'Carrier', type: 'text' }] },
      { id: 'restock', title: 'Back in stock', fields: [{ key: 'item', label: 'Tea', type: 'text' }] },
    ],
  },
});

/** Asks for the templates its buttons name, on a tap, after an await, and on load; shows each answer. */
const bundle = rawProgram({
  'pages/index': `{
    data: { said: '' },
    onLoad() { this.ask(['order-shipped'], 'load'); },
    ask(templateIds, when) {
      return globalThis.__atrium.call('subscribe.requestSubscribe', { templateIds }).then(
        (r) => this.setData({ said: this.data.said + when + ': ' + JSON.stringify(r.results) + '; ' }),
        (e) => this.setData({ said: this.data.said + when + ': ' + e.code + ' ' + e.message + '; ' }),
      );
    },
    both() { return this.ask(['order-shipped', 'restock'], 'tap'); },
    unknown() { return this.ask(['order-shipped', 'newsletter'], 'tap'); },
    async later() { await globalThis.__atrium.call('storage.get', { key: 'x' }); await this.ask(['restock'], 'after await'); },
    render() {
      return { type: 'view', props: {}, children: [
        { type: 'text', props: { id: 'said' }, children: [this.data.said] },
        { type: 'button', props: { onTap: 'both' }, children: ['Notify me'] },
        { type: 'button', props: { onTap: 'unknown' }, children: ['Newsletter'] },
        { type: 'button', props: { onTap: 'later' }, children: ['Later'] },
      ] };
    },
  }`,
});
const program: BuiltProgram = { manifest, bundle, assets: [], bytes: { bundle: bundle.length, assets: 0 } };

let t: ProgramTester;
afterEach(() => t?.close());
const open = (options: OpenProgramOptions = {}) => openProgram(program, options);

describe('subscribe in atrium/testing, by the host\'s rules', () => {
  it('records one grant per template accepted on a tap; accepting again adds another', async () => {
    t = await open();
    await t.tap('Notify me');
    await t.tap('Notify me');
    expect(t.text({ id: 'said' })).toContain('tap: {"order-shipped":"accept","restock":"accept"}; tap: {"order-shipped":"accept","restock":"accept"}');
    expect(t.host.subscriptions.grants).toEqual({ 'order-shipped': 2, restock: 2 });
    expect(t.host.subscriptions.prompts[0]).toEqual({ templateIds: ['order-shipped', 'restock'], titles: ['Order shipped', 'Back in stock'], results: { 'order-shipped': 'accept', restock: 'accept' } });
  });

  it('answers as the test says: reject all, or per template', async () => {
    t = await open({ subscribe: 'reject' });
    await t.tap('Notify me');
    expect(t.text({ id: 'said' })).toContain('tap: {"order-shipped":"reject","restock":"reject"}');
    expect(t.host.subscriptions.grants).toEqual({});
    await t.close();
    t = await open({ subscribe: { restock: 'accept' } });
    await t.tap('Notify me');
    expect(t.text({ id: 'said' })).toContain('tap: {"order-shipped":"reject","restock":"accept"}');
    expect(t.host.subscriptions.grants).toEqual({ restock: 1 });
  });

  it('refuses a template the manifest does not declare with invalid_args, and asks nothing', async () => {
    t = await open();
    await t.tap('Newsletter');
    expect(t.text({ id: 'said' })).toContain('tap: invalid_args subscribe.requestSubscribe: "newsletter" is not under subscriptions.templates in atrium.json; it declares "order-shipped", "restock"');
    expect(t.host.subscriptions.prompts).toEqual([]);
  });

  it('refuses a request made on load or after an await with gesture_required', async () => {
    t = await open();
    expect(t.text({ id: 'said' })).toMatch(/^load: gesture_required/);
    await t.tap('Later');
    expect(t.text({ id: 'said' })).toContain('after await: gesture_required');
    expect(t.host.subscriptions.grants).toEqual({});
  });

  it('refuses a program without the subscribe scope with permission_denied', async () => {
    const { subscribe: _, ...others } = manifest.permissions;
    t = await openProgram({ ...program, manifest: { ...manifest, permissions: others } });
    await t.tap('Notify me');
    expect(t.text({ id: 'said' })).toContain('tap: permission_denied');
  });
});
