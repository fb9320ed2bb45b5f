/**
 * Realm tampering before the bridge ever runs: the framework works from intrinsics it captured
 * before merchant code, so host calls and renders still cross exactly, and nothing the program
 * does to its prototypes reaches the host's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLimits, type Runtime } from '../../runtime/index.ts';
import { rawProgram } from '../support/programs.ts';
import { expectContained, openHostile, until, type Hostile, withTopology } from './hostile.ts';
import { type Neighbours, text } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;

/**
 * Two pages: `save` makes a host call and renders what it answered; `go` and `back` navigate.
 * `tamper` runs first, at the top level of the bundle.
 */
function tampered(tamper: string): string {
  const page = (name: string) => `{
    data: { n: 0, note: '', list: [1, 2] },
    async save() {
      const r = await globalThis.__atrium.call('storage.get', { key: 'k' });
      this.setData({ note: 'value=' + r.value, n: this.data.n + 1, 'list[2]': 3 });
    },
    go() { globalThis.__atrium.call('ui.navigateTo', { url: '/pages/b?from=index' }); },
    back() { globalThis.__atrium.call('ui.navigateBack', {}); },
    render() {
      return { type: 'view', props: { id: 'root', data: { page: '${name}' } }, children: [
        { type: 'text', props: { id: 'note' }, children: [this.data.note] },
        { type: 'text', props: { id: 'n' }, children: [String(this.data.n)] },
        { type: 'text', props: { id: 'list' }, children: this.data.list.map(String) },
      ] };
    },
  }`;
  return `${tamper}\n${rawProgram({ 'pages/index': page('index'), 'pages/b': page('b') })}`;
}

async function openTampered(tamper: string): Promise<Hostile> {
  return openHostile(rt, tampered(tamper), {
    pages: ['pages/index', 'pages/b'],
    onCall: async () => ({ ok: true, data: { value: 'v', __proto__: { polluted: 'host' } } }),
  });
}

/** A host call and the render after it crossed exactly as in an untouched realm. */
async function expectCallAndRenderWork(h: Hostile): Promise<void> {
  expect(h.opened).toBe(true);
  expect(h.session!.view).toEqual({
    type: 'view',
    props: { id: 'root', data: { page: 'index' } },
    children: [
      { type: 'text', props: { id: 'note' }, children: [''] },
      { type: 'text', props: { id: 'n' }, children: ['0'] },
      { type: 'text', props: { id: 'list' }, children: ['1', '2'] },
    ],
  });
  await h.tap('save');
  await until(() => text(h.session!, 'note') !== '');
  expect(h.calls).toEqual([{ method: 'storage.get', args: { key: 'k' }, gesture: true }]);
  expect(text(h.session!, 'note')).toBe('value=v');
  expect(text(h.session!, 'n')).toBe('1');
  expect(text(h.session!, 'list')).toBe('123');
  expect(h.reason).toBeNull();
}

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
});
afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
});

describe('a realm tampered with before the bridge runs', () => {
  it('with JSON.stringify and JSON.parse replaced still calls the host and renders exactly', async () => {
    const h = await openTampered(`
      JSON.stringify = () => '{"frame":{"route":"pages/index","stack":[],"view":{"type":"script","props":{},"children":[]}}}';
      JSON.parse = () => JSON_PARSED;
      const JSON_PARSED = { __proto__: { polluted: 1 }, ok: true };
    `);
    await expectCallAndRenderWork(h);
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with Promise.prototype.then and the Promise global replaced still settles host calls', async () => {
    const h = await openTampered(`
      const RealPromise = Promise;
      RealPromise.prototype.then = function () { return this; };
      globalThis.Promise = function FakePromise() { throw new Error('no promises for you'); };
    `);
    // The page's own async function still uses the engine's promises, which the framework settles.
    await expectCallAndRenderWork(h);
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with Function.prototype.call, apply and Reflect.apply replaced still calls handlers and the host', async () => {
    const h = await openTampered(`
      Function.prototype.call = function () { throw new Error('call'); };
      Function.prototype.apply = function () { throw new Error('apply'); };
      Function.prototype.bind = function () { throw new Error('bind'); };
      Reflect.apply = function () { throw new Error('Reflect.apply'); };
    `);
    await expectCallAndRenderWork(h);
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with a __proto__ setter on Object.prototype changes nothing that crosses', async () => {
    const h = await openTampered(`
      Object.defineProperty(Object.prototype, '__proto__', {
        get() { return { polluted: 1 }; },
        set(v) { globalThis.seen = v; },
        configurable: true,
      });
    `);
    await expectCallAndRenderWork(h);
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with accessors on Object.prototype for the framework’s own keys changes nothing that crosses', async () => {
    const h = await openTampered(`
      for (const k of ['id', 'type', 'props', 'children', 'key', 'ok', 'error', 'code', 'frame', 'view', 'value', 'data', 'route', 'stack', 'snapshot', 'method', 'args', 'resolve', 'reject', 'then', 'polluted']) {
        const d = Object.create(null);
        d.get = () => undefined;
        d.set = () => { globalThis.stolen = (globalThis.stolen || 0) + 1; };
        d.configurable = true;
        Object.defineProperty(Object.prototype, k, d);
      }
    `);
    await expectCallAndRenderWork(h);
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with Array.prototype.push, pop, includes, join and map replaced still navigates and renders', async () => {
    const h = await openTampered(`
      const map = Array.prototype.map;
      Array.prototype.push = function () { throw new Error('push'); };
      Array.prototype.pop = function () { throw new Error('pop'); };
      Array.prototype.includes = () => true;
      Array.prototype.join = () => 'joined';
      Array.isArray = () => false;
      globalThis.keepMap = map;
    `);
    await expectCallAndRenderWork(h);
    await h.tap('go');
    expect(h.session!.stack).toEqual(['pages/index', 'pages/b']);
    expect(h.session!.route).toBe('pages/b');
    await h.tap('back');
    expect(h.session!.stack).toEqual(['pages/index']);
    expect(text(h.session!, 'note')).toBe('value=v');
    expect(h.reason).toBeNull();
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with Object, String and Error statics and prototypes replaced still calls the host and renders exactly', async () => {
    const h = await openTampered(`
      Object.keys = () => ['polluted'];
      Object.create = () => ({ polluted: 1 });
      Object.defineProperty = () => {};
      Object.freeze = (x) => x;
      Object.entries = () => [];
      String.prototype.slice = () => 'evil';
      String.prototype.indexOf = () => 0;
      String.prototype.split = () => ['__proto__=1'];
      globalThis.decodeURIComponent = () => '__proto__';
      Object.defineProperty(Error.prototype, 'message', { get() { for (;;) {} } });
    `);
    await expectCallAndRenderWork(h);
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('frozen throughout still calls the host and renders exactly', async () => {
    const h = await openTampered(`
      for (const o of [Object.prototype, Array.prototype, Function.prototype, Promise.prototype, String.prototype, globalThis]) Object.freeze(o);
    `);
    await expectCallAndRenderWork(h);
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with an index getter on Array.prototype that deepens data already read changes nothing that crosses', async () => {
    const program = `
      const style = { color: '#333' };
      Object.defineProperty(Array.prototype, 3, {
        get() { let d = {}; for (let i = 0; i < 20000; i++) d = { d }; style.color = d; return 'three'; },
        set(v) {},
        configurable: true,
      });
      ${rawProgram({ 'pages/index': `{ render() { return { type: 'view', props: { style, data: { list: [0, 1, 2, , 4] } }, children: ['x'] }; } }` })}
    `;
    const h = await openHostile(rt, program);
    expect(h.opened).toBe(true);
    expect(h.session!.view).toEqual({ type: 'view', props: { style: { color: '#333' }, data: { list: [0, 1, 2, 'three', 4] } }, children: ['x'] });
    expect(h.reason).toBeNull();
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with a setter on Array.prototype that keeps the arrays it sees and deepens them later cannot crash the shard', async () => {
    // Installed as render returns, the setter sees the first array the framework assigns into.
    // It defines the element itself, so the append looks normal, keeps the array and removes
    // itself; a getter read later in the same render hangs 400,000 levels under what it kept,
    // far past what the engine's writer could recurse through.
    const program = `
      const kept = new Set();
      const trap = () => Object.defineProperty(Array.prototype, 0, {
        set(v) { delete Array.prototype[0]; kept.add(this); Object.defineProperty(this, 0, { value: v, writable: true, enumerable: true, configurable: true }); },
        configurable: true,
      });
      const later = { type: 'text', children: [], get props() { let d = []; for (let i = 0; i < 400000; i++) d = [d]; for (const a of kept) a.push(d); return {}; } };
      ${rawProgram({ 'pages/index': `{ render() { trap(); return { type: 'view', props: { data: { list: [1] } }, children: ['x', { type: 'text', props: {}, children: ['y'] }, later] }; } }` })}
    `;
    const h = await openHostile(rt, program, { limits: { ...defaultLimits, handlerMs: 3000 } });
    expect(h.rejections).toEqual([]);
    expect(h.opened).toBe(true);
    expect(h.session!.view).toEqual({
      type: 'view',
      props: { data: { list: [1] } },
      children: ['x', { type: 'text', props: {}, children: ['y'] }, { type: 'text', props: {}, children: [] }],
    });
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with index accessors on Array.prototype ends the open with program_error, never a session without a page', async () => {
    const h = await openTampered(`
      for (let i = 0; i < 4; i++) Object.defineProperty(Array.prototype, i, { get() { return undefined; }, set(v) {}, configurable: true });
    `);
    expect(h.opened).toBe(false);
    await h.expectEnds('program_error', HANDLER_MS);
    expect(h.reason!.message).toMatch(/opened no page/);
    await expectContained(h, neighbours);
  });
});
