import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../sdk/contract/index.ts';
import { openProgram } from '../../sdk/testing/index.ts';
import { rawProgram } from '../support/programs.ts';

const manifest = { name: 'Sharer', version: '1.0.0', pages: ['pages/index'], permissions: {} } as unknown as Manifest;

/** A page that asks to share from a tap directly, after an await, and from a timer, and shows each answer. */
const bundle = rawProgram({
  'pages/index': `{
    data: { said: '' },
    onLoad() {
      globalThis.__atrium.call('ui.share', { title: 'Tea', page: 'pages/index' }).then(() => this.say('load: shared'), (e) => this.say('load: ' + e.code));
    },
    say(s) { this.setData({ said: this.data.said + s + '; ' }); },
    async direct() {
      try { const r = await globalThis.__atrium.call('ui.share', { title: 'Tea', page: 'pages/index' }); this.say('tap: ' + r.shared); } catch (e) { this.say('tap: ' + e.code); }
    },
    async later() {
      await globalThis.__atrium.call('storage.get', { key: 'x' });
      try { await globalThis.__atrium.call('ui.share', { title: 'Tea', page: 'pages/index' }); this.say('after await: shared'); } catch (e) { this.say('after await: ' + e.code); }
    },
    render() {
      return { type: 'view', props: {}, children: [
        { type: 'text', props: {}, children: [this.data.said] },
        { type: 'button', props: { onTap: 'direct' }, children: ['Share now'] },
        { type: 'button', props: { onTap: 'later' }, children: ['Share later'] },
      ] };
    },
  }`,
});

describe("host APIs that answer only the user's tap", () => {
  const open = () => openProgram({ manifest, bundle, assets: [], bytes: { bundle: bundle.length, assets: 0 } });
  const said = (t: Awaited<ReturnType<typeof open>>) => JSON.stringify(t.view);

  it('answer a call made in the handler of a tap', async () => {
    const t = await open();
    await t.tap('Share now');
    expect(said(t)).toContain('tap: true');
    expect(t.host.shares).toEqual([{ title: 'Tea', page: 'pages/index', query: {}, shared: true }]);
    await t.close();
  });

  it('refuse one made when the page loads, with gesture_required', async () => {
    const t = await open();
    expect(said(t)).toContain('load: gesture_required');
    await t.close();
  });

  it('refuse one made after an await in the tap handler, with gesture_required', async () => {
    const t = await open();
    await t.tap('Share later');
    expect(said(t)).toContain('after await: gesture_required');
    expect(t.host.shares).toEqual([]);
    await t.close();
  });
});
