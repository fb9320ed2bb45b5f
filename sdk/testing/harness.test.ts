import { afterEach, describe, expect, it } from 'vitest';
import { rawProgram } from '../../test/support/programs.ts';
import type { BuiltProgram } from '../build/index.ts';
import { AtriumError, openProgram, type ProgramTester } from './index.ts';

function program(pages: Record<string, string>, tabs?: string[]): BuiltProgram {
  const routes = Object.keys(pages);
  return {
    manifest: {
      name: 'T', version: '1.0.0', pages: routes, permissions: {}, network: { domains: [] },
      ...(tabs ? { tabBar: { items: tabs.map((page) => ({ page, text: page.slice(6) })) } } : {}),
    },
    bundle: rawProgram(pages),
    assets: [],
    bytes: { bundle: 0, assets: 0 },
  };
}

const view = (text: string) => `{ type: 'view', props: {}, children: [${text}] }`;
let t: ProgramTester;
afterEach(() => t?.close());

describe('the testing harness', () => {
  it('opens with the storage the test gives', async () => {
    t = await openProgram(
      program({ 'pages/index': `{ data: { v: '' }, async onLoad() { const r = await globalThis.__atrium.call('storage.get', { key: 'k' }); this.setData({ v: r.value }); }, render() { return ${view('this.data.v')}; } }` }),
      { storage: { k: 'from the test' } },
    );
    expect(t.text()).toBe('from the test');
  });

  it('goes back like the host back button', async () => {
    t = await openProgram(program({
      'pages/a': `{ go() { globalThis.__atrium.call('ui.navigateTo', { url: '/pages/b' }); }, render() { return ${view(`'A'`)}; } }`,
      'pages/b': `{ render() { return ${view(`'B'`)}; } }`,
    }));
    await t.send({ handler: 'go', type: 'tap' });
    expect(t.text()).toBe('B');
    await t.back();
    expect(t.text()).toBe('A');
  });

  it('switches tabs like the host tab bar', async () => {
    t = await openProgram(program({ 'pages/a': `{ render() { return ${view(`'A'`)}; } }`, 'pages/b': `{ render() { return ${view(`'B'`)}; } }` }, ['pages/a', 'pages/b']));
    await t.switchTab('pages/b');
    expect(t.route).toBe('pages/b');
  });

  it("passes a stub's stable error code to the program", async () => {
    t = await openProgram(
      program({ 'pages/index': `{ data: { v: '' }, onLoad() { globalThis.__atrium.call('storage.get', { key: 'k' }).catch((e) => this.setData({ v: e.code })); }, render() { return ${view('this.data.v')}; } }` }),
      { stubs: { 'storage.get': () => { throw new AtriumError('quota_exceeded'); } } },
    );
    expect(t.text()).toBe('quota_exceeded');
  });

  it('fails settle() with the methods still waiting when a stub never answers', async () => {
    await expect(
      openProgram(
        program({ 'pages/index': `{ onLoad() { globalThis.__atrium.call('storage.get', { key: 'k' }); }, render() { return ${view(`'x'`)}; } }` }),
        { stubs: { 'storage.get': () => new Promise(() => {}) }, settleTimeoutMs: 200 },
      ),
    ).rejects.toThrow(/still waiting for storage.get/);
  });

  it('prints the view when a query finds nothing', async () => {
    t = await openProgram(program({ 'pages/index': `{ render() { return ${view(`'hello'`)}; } }` }));
    expect(() => t.find('goodbye')).toThrow(/no node matches "goodbye"[\s\S]*"hello"/);
  });
});
