import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../sdk/contract/index.ts';
import { rawProgram, pageConfig } from '../test/support/programs.ts';
import { Runtime, type OpenOptions, type Session } from './index.ts';

let rt: Runtime;
beforeAll(async () => {
  rt = await Runtime.create({ shards: 2 });
});
afterAll(() => rt.shutdown());

const counter = rawProgram({
  'pages/index': `{
    data: { count: 0, cart: { items: [{ qty: 1 }, { qty: 1 }] } },
    onLoad(q) { if (q.start) this.setData({ count: +q.start }); },
    add() { this.setData({ count: this.data.count + 1 }); },
    bump(e) { this.setData({ ['cart.items[' + e.data.i + '].qty']: this.data.cart.items[e.data.i].qty + 1 }); },
    render() {
      return { type: 'view', props: {}, children: [
        { type: 'text', props: { id: 'count' }, children: [String(this.data.count)] },
        { type: 'text', props: { id: 'qty' }, children: [this.data.cart.items.map(i => i.qty).join(',')] },
        { type: 'button', props: { onTap: 'add' }, children: ['add'] },
      ] };
    },
  }`,
});

function text(s: Session, id: string): string {
  const found = (function walk(n: any): any {
    if (typeof n === 'string') return null;
    if (n.props.id === id) return n;
    for (const c of n.children) {
      const f = walk(c);
      if (f) return f;
    }
    return null;
  })(s.view);
  return found ? found.children.join('') : '';
}

const ok = async (): Promise<Outcome<unknown>> => ({ ok: true, data: null });

function open(bundle: string, extra: Partial<OpenOptions> = {}) {
  return rt.open({ merchantId: 'm1', appId: 'a1', bundle, pages: pageConfig(['pages/index']), onCall: ok, ...extra });
}

describe('a session', () => {
  it('renders the first page with the query it was opened with', async () => {
    const s = await open(counter, { query: { start: '5' } });
    expect(text(s, 'count')).toBe('5');
    await s.close();
  });

  it('re-renders after a handler calls setData', async () => {
    const s = await open(counter);
    await s.event({ handler: 'add', type: 'tap' });
    await s.event({ handler: 'add', type: 'tap' });
    expect(text(s, 'count')).toBe('2');
    await s.close();
  });

  it('writes setData path keys into nested data', async () => {
    const s = await open(counter);
    await s.event({ handler: 'bump', type: 'tap', data: { i: 1 } });
    expect(text(s, 'qty')).toBe('1,2');
    await s.close();
  });

  it('sends a diff, not the whole view, when only a little changed', async () => {
    const updates: any[] = [];
    const s = await open(counter, { listener: { update: (u) => updates.push(u) } });
    await s.event({ handler: 'add', type: 'tap' });
    const last = updates.at(-1);
    expect(last.view).toBeUndefined();
    expect(last.patches).toEqual([{ op: 'replace', path: [0, 0], node: '1' }]);
    await s.close();
  });

  it('ignores an event for a handler the page does not have, and logs it', async () => {
    const logs: string[] = [];
    const s = await open(counter, { listener: { log: (_l, t) => logs.push(t) } });
    await s.event({ handler: 'nope', type: 'tap' });
    expect(s.ended).toBeNull();
    expect(logs.join('\n')).toMatch(/no handler "nope"/);
    await s.close();
  });

  it('refuses lifecycle functions as event handlers', async () => {
    const s = await open(counter, { query: { start: '3' } });
    await s.event({ handler: 'onLoad', type: 'tap', data: { start: '9' } });
    expect(text(s, 'count')).toBe('3');
    await s.close();
  });

  it('keeps running after a handler throws, and tells the app and the log', async () => {
    const logs: string[] = [];
    const bundle = rawProgram(
      {
        'pages/index': `{ data: { n: 0 }, boom() { throw new TypeError('bad thing'); }, ok() { this.setData({ n: getApp().errors }); },
          render() { return { type: 'text', props: { id: 'n' }, children: [String(this.data.n)] }; } }`,
      },
      `{ errors: 0, onError(msg) { this.errors++; } }`,
    ).replace('globalThis.__atrium.defineApp(', 'var theApp; function getApp() { return theApp; } globalThis.__atrium.defineApp(theApp = ');
    const s = await open(bundle, { listener: { log: (_l, t) => logs.push(t) } });
    await s.event({ handler: 'boom', type: 'tap' });
    await s.event({ handler: 'ok', type: 'tap' });
    expect(s.ended).toBeNull();
    expect(text(s, 'n')).toBe('1');
    expect(logs.join('\n')).toMatch(/TypeError: bad thing/);
    await s.close();
  });

  it('captures console output into the session log', async () => {
    const logs: [string, string][] = [];
    const bundle = rawProgram({
      'pages/index': `{ onLoad() { console.log('hello', { a: 1 }); console.warn('careful'); }, render() { return { type: 'view', props: {}, children: [] }; } }`,
    });
    const s = await open(bundle, { listener: { log: (l, t) => logs.push([l, t]) } });
    expect(logs).toContainEqual(['info', 'hello {"a":1}']);
    expect(logs).toContainEqual(['warn', 'careful']);
    await s.close();
  });

  it('ends with a clear error when the bundle throws while loading', async () => {
    await expect(open('throw new Error("broken bundle")')).rejects.toThrow(/broken bundle/);
  });

  it('ends when the first page does not render valid components', async () => {
    const bundle = rawProgram({ 'pages/index': `{ render() { return { type: 'iframe', props: {}, children: [] }; } }` });
    await expect(open(bundle)).rejects.toThrow(/unknown component "iframe"/);
  });
});

describe('host calls', () => {
  const caller = rawProgram({
    'pages/index': `{
      data: { out: '' },
      async go() {
        try { const r = await globalThis.__atrium.call('storage.get', { key: 'k' }); this.setData({ out: 'ok:' + JSON.stringify(r) }); }
        catch (e) { this.setData({ out: 'err:' + e.code + ':' + (e instanceof globalThis.__atrium.AtriumError) }); }
      },
      render() { return { type: 'text', props: { id: 'out' }, children: [this.data.out] }; },
    }`,
  });

  it('resolves the guest promise with what the host answered', async () => {
    const s = await open(caller, { onCall: async (c) => ({ ok: true, data: { value: c.args } }) });
    await s.event({ handler: 'go', type: 'tap' });
    await waitFor(() => text(s, 'out') !== '');
    expect(text(s, 'out')).toBe('ok:{"value":{"key":"k"}}');
    await s.close();
  });

  it('rejects the guest promise with the stable code the host gave', async () => {
    const s = await open(caller, { onCall: async () => ({ ok: false, error: { code: 'quota_exceeded', message: 'full' } }) });
    await s.event({ handler: 'go', type: 'tap' });
    await waitFor(() => text(s, 'out') !== '');
    expect(text(s, 'out')).toBe('err:quota_exceeded:true');
    await s.close();
  });

  it('settles a call the host answers much later', async () => {
    let answer!: (o: Outcome<unknown>) => void;
    const s = await open(caller, { onCall: () => new Promise((r) => (answer = r)) });
    await s.event({ handler: 'go', type: 'tap' });
    expect(text(s, 'out')).toBe('');
    answer({ ok: true, data: 7 });
    await waitFor(() => text(s, 'out') !== '');
    expect(text(s, 'out')).toBe('ok:7');
    await s.close();
  });

  it('refuses a result over the size limit instead of passing it in', async () => {
    const s = await open(caller, { onCall: async () => ({ ok: true, data: 'x'.repeat(2 * 1024 * 1024) }) });
    await s.event({ handler: 'go', type: 'tap' });
    await waitFor(() => text(s, 'out') !== '');
    expect(text(s, 'out')).toBe('err:too_large:true');
    await s.close();
  });
});

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('navigation', () => {
  const pages = ['pages/a', 'pages/b', 'pages/c', 'pages/tab2'];
  const page = (name: string) => `{
    title: '${name}',
    data: { q: '', shown: 0 },
    onLoad(q) { this.setData({ q: JSON.stringify(q) }); },
    onShow() { this.setData({ shown: this.data.shown + 1 }); },
    to(e) { globalThis.__atrium.call('ui.navigateTo', { url: e.data }); },
    back() { globalThis.__atrium.call('ui.navigateBack'); },
    redirect(e) { globalThis.__atrium.call('ui.redirectTo', { url: e.data }); },
    tab(e) { globalThis.__atrium.call('ui.switchTab', { url: e.data }).catch(err => console.error(err.code)); },
    render() { return { type: 'text', props: { id: 'q' }, children: ['${name}', this.data.q, ' shown ' + this.data.shown] }; },
  }`;
  const bundle = rawProgram(Object.fromEntries(pages.map((p) => [p, page(p)])));
  const openNav = () => open(bundle, { pages: pageConfig(pages, ['pages/a', 'pages/tab2']) });

  it('pushes a page with its query onto the stack', async () => {
    const s = await openNav();
    await s.event({ handler: 'to', type: 'tap', data: '/pages/b?id=42&name=green%20tea' });
    expect(s.route).toBe('pages/b');
    expect(s.stack).toEqual(['pages/a', 'pages/b']);
    expect(text(s, 'q')).toContain('{"id":"42","name":"green tea"}');
    expect(s.title).toBe('pages/b');
    await s.close();
  });

  it('goes back and shows the page below again', async () => {
    const s = await openNav();
    await s.event({ handler: 'to', type: 'tap', data: '/pages/b' });
    await s.event({ handler: 'back', type: 'tap' });
    expect(s.stack).toEqual(['pages/a']);
    expect(text(s, 'q')).toContain('shown 2');
    await s.close();
  });

  it('redirects by replacing the current page', async () => {
    const s = await openNav();
    await s.event({ handler: 'to', type: 'tap', data: '/pages/b' });
    await s.event({ handler: 'redirect', type: 'tap', data: '/pages/c' });
    expect(s.stack).toEqual(['pages/a', 'pages/c']);
    await s.close();
  });

  it('switches tabs by closing every other page', async () => {
    const s = await openNav();
    await s.event({ handler: 'to', type: 'tap', data: '/pages/b' });
    await s.event({ handler: 'tab', type: 'tap', data: '/pages/tab2' });
    expect(s.stack).toEqual(['pages/tab2']);
    await s.close();
  });

  it('refuses to switch to a page that is not a tab', async () => {
    const logs: string[] = [];
    const s = await open(bundle, { pages: pageConfig(pages, ['pages/a', 'pages/tab2']), listener: { log: (_l, t) => logs.push(t) } });
    await s.event({ handler: 'tab', type: 'tap', data: '/pages/b' });
    await waitFor(() => logs.length > 0);
    expect(logs).toContain('invalid_args');
    expect(s.stack).toEqual(['pages/a']);
    await s.close();
  });

  it('follows a navigator tap from the shell', async () => {
    const s = await openNav();
    await s.event({ handler: '$nav', type: 'tap', value: { url: '/pages/c?x=1', openType: 'navigate' } });
    expect(s.route).toBe('pages/c');
    await s.close();
  });

  it('opens a page other than the first when asked', async () => {
    const s = await open(bundle, { pages: pageConfig(pages), route: 'pages/c', query: { k: 'v' } });
    expect(s.route).toBe('pages/c');
    expect(text(s, 'q')).toContain('{"k":"v"}');
    await s.close();
  });

  it('refuses to open a page the program does not have', async () => {
    await expect(open(bundle, { pages: pageConfig(pages), route: 'pages/zzz' })).rejects.toThrow(/no page "pages\/zzz"/);
  });
});

describe('timers', () => {
  const timed = rawProgram({
    'pages/index': `{
      data: { ticks: 0, done: false },
      onLoad() {
        this.iv = setInterval(() => { this.setData({ ticks: this.data.ticks + 1 }); if (this.data.ticks === 3) clearInterval(this.iv); }, 100);
        setTimeout(() => this.setData({ done: true }), 250);
      },
      render() { return { type: 'text', props: { id: 't' }, children: [this.data.ticks + ':' + this.data.done] }; },
    }`,
  });

  it('fires timers in order as the manual clock advances', async () => {
    const s = await open(timed, { clock: 'manual' });
    expect(text(s, 't')).toBe('0:false');
    await s.advanceClock(150);
    expect(text(s, 't')).toBe('1:false');
    await s.advanceClock(150);
    expect(text(s, 't')).toBe('3:true');
    await s.advanceClock(1000);
    expect(text(s, 't')).toBe('3:true');
    await s.close();
  });

  it('fires timers on the real clock by themselves', async () => {
    const s = await open(timed);
    await waitFor(() => text(s, 't') === '3:true');
    await s.close();
  });
});

describe('snapshots', () => {
  it('brings a session back on its page stack with its data', async () => {
    const pages = ['pages/index', 'pages/b'];
    const bundle = rawProgram({
      'pages/index': `{ data: { count: 0 }, add() { this.setData({ count: this.data.count + 1 }); }, go() { globalThis.__atrium.call('ui.navigateTo', { url: '/pages/b?x=1' }); },
        render() { return { type: 'text', props: { id: 'count' }, children: [String(this.data.count)] }; } }`,
      'pages/b': `{ data: { v: 'b' }, onLoad() { this.setData({ v: 'loaded' }); }, render() { return { type: 'text', props: { id: 'v' }, children: [this.data.v] }; } }`,
    });
    const s = await open(bundle, { pages: pageConfig(pages) });
    await s.event({ handler: 'add', type: 'tap' });
    await s.event({ handler: 'add', type: 'tap' });
    await s.event({ handler: 'go', type: 'tap' });
    const snap = await s.takeSnapshot();
    await s.close();
    const back = await open(bundle, { pages: pageConfig(pages), snapshot: snap });
    expect(back.stack).toEqual(['pages/index', 'pages/b']);
    expect(text(back, 'v')).toBe('loaded');
    await back.event({ handler: '$nav', type: 'tap', value: { openType: 'back' } });
    expect(text(back, 'count')).toBe('2');
    await back.close();
  });

  it('keeps the latest snapshot on the main thread after every change', async () => {
    const s = await open(counter);
    await s.event({ handler: 'add', type: 'tap' });
    expect(s.snapshot?.stack[0]?.data).toMatchObject({ count: 1 });
    await s.close();
  });
});

describe('pre-warmed sessions', () => {
  it('open from the warm pool and still get their own data', async () => {
    const spec = { merchantId: 'm-warm', appId: 'warm', bundle: counter, pages: pageConfig(['pages/index']) };
    await rt.warm(spec, 2);
    const a = await rt.open({ ...spec, onCall: ok, query: { start: '10' } });
    const b = await rt.open({ ...spec, onCall: ok });
    await a.event({ handler: 'add', type: 'tap' });
    expect(text(a, 'count')).toBe('11');
    expect(text(b, 'count')).toBe('0');
    await a.close();
    await b.close();
    await rt.warm(spec, 0);
  });

  it('keep their count: an open takes one and the pool tops itself up', async () => {
    const spec = { merchantId: 'm-refill', appId: 'warm', bundle: counter, pages: pageConfig(['pages/index']) };
    await rt.warm(spec, 2);
    expect(rt.warmCount).toBe(2);
    const a = await rt.open({ ...spec, onCall: ok });
    expect(rt.warmCount).toBe(1);
    await vi.waitFor(() => expect(rt.warmCount).toBe(2));
    await a.close();
    await rt.warm(spec, 0);
  });

  it('opened one after another land on every shard, not all on the first', async () => {
    const spec = { merchantId: 'm-spread', appId: 'warm', bundle: counter, pages: pageConfig(['pages/index']) };
    await rt.warm(spec, 1);
    const opened = [];
    for (let i = 0; i < 6; i++) {
      await vi.waitFor(() => expect(rt.warmCount).toBe(1));
      opened.push(await rt.open({ ...spec, onCall: ok }));
    }
    expect(new Set(opened.map((s) => s.shard!.index))).toEqual(new Set([0, 1]));
    await Promise.all(opened.map((s) => s.close()));
    await rt.warm(spec, 0);
  });

  it('are closed when the count goes to 0', async () => {
    const spec = { merchantId: 'm-cool', appId: 'warm', bundle: counter, pages: pageConfig(['pages/index']) };
    const sessionsOnShards = async () => (await rt.stats()).reduce((n, s) => n + s.sessions, 0);
    const before = await sessionsOnShards();
    await rt.warm(spec, 3);
    expect(await sessionsOnShards()).toBe(before + 3);
    await rt.warm(spec, 0);
    expect(rt.warmCount).toBe(0);
    expect(await sessionsOnShards()).toBe(before);
  });

  it("are never handed to another merchant's open of the same code", async () => {
    const mine = { merchantId: 'm-owner', appId: 'warm', bundle: counter, pages: pageConfig(['pages/index']) };
    await rt.warm(mine, 1);
    const theirs = await rt.open({ ...mine, merchantId: 'm-copycat', onCall: ok });
    expect(rt.warmCount).toBe(1);
    await theirs.close();
    await rt.warm(mine, 0);
  });
});

describe('a broken bound', () => {
  it('ends only that session, with a stable code and a line in the merchant log', async () => {
    const logs: string[] = [];
    const bundle = rawProgram({ 'pages/index': `{ spin() { for (;;) {} }, render() { return { type: 'view', props: {}, children: [] }; } }` });
    const s = await open(bundle, { listener: { log: (_l, t) => logs.push(t) } });
    const other = await open(counter);
    await s.event({ handler: 'spin', type: 'tap' });
    expect(s.ended?.code).toBe('cpu_exceeded');
    expect(logs.join('\n')).toMatch(/session ended \(cpu_exceeded\)/);
    await other.event({ handler: 'add', type: 'tap' });
    expect(text(other, 'count')).toBe('1');
    await other.close();
  });
});

describe('odd render output', () => {
  it('ends only the session when a node has no type', async () => {
    const bundle = rawProgram({ 'pages/index': `{ render() { return { props: {}, children: [{ type: undefined, props: {}, children: [] }] }; } }` });
    await expect(open(bundle)).rejects.toThrow(/unknown component/);
    const other = await open(counter);
    await other.event({ handler: 'add', type: 'tap' });
    expect(text(other, 'count')).toBe('1');
    await other.close();
  });

  it('leaves out props whose values JSON cannot carry', async () => {
    const bundle = rawProgram({ 'pages/index': `{ render() { return { type: 'view', props: { id: Symbol('x'), hidden: undefined }, children: ['ok'] }; } }` });
    const s = await open(bundle);
    expect(s.view).toEqual({ type: 'view', props: {}, children: ['ok'] });
    await s.close();
  });
});

describe('frames', () => {
  const frames = async () => {
    const all = await rt.stats();
    return { direct: all.reduce((n, s) => n + s.frames.direct, 0), json: all.reduce((n, s) => n + s.frames.json, 0) };
  };

  it('of an ordinary view are read straight out of the engine, not as JSON', async () => {
    const before = await frames();
    const s = await open(counter);
    await s.event({ handler: 'add', type: 'tap' });
    const after = await frames();
    expect(after.direct - before.direct).toBe(2);
    expect(after.json).toBe(before.json);
    await s.close();
  });

  it('holding a value with toJSON come as JSON, and render as JSON would', async () => {
    const dated = rawProgram({
      'pages/index': `{ render() { return { type: 'view', props: { data: { when: new Date(0) } }, children: ['d'] }; } }`,
    });
    const before = await frames();
    const s = await open(dated);
    expect(s.view).toEqual({ type: 'view', props: { data: { when: '1970-01-01T00:00:00.000Z' } }, children: ['d'] });
    expect((await frames()).json - before.json).toBe(1);
    await s.close();
  });
});

describe('modules of merchants with no session left', () => {
  const modules = async (r: Runtime) => (await r.stats()).reduce((n, s) => n + s.modules, 0);
  const once = async (r: Runtime, merchantId: string) => (await r.open({ merchantId, appId: 'a1', bundle: counter, pages: pageConfig(['pages/index']), onCall: ok })).close();

  it('are kept for the most recent merchants only, up to the bound', async () => {
    const r = await Runtime.create({ shards: 1, idleModules: 3 });
    try {
      for (let i = 0; i < 6; i++) await once(r, `m-idle-${i}`);
      expect(await modules(r)).toBe(3);
    } finally {
      await r.shutdown();
    }
  });

  it('are dropped once idle for longer than the bound', async () => {
    const r = await Runtime.create({ shards: 1, idleModuleMs: 100 });
    try {
      await once(r, 'm-idle-short');
      expect(await modules(r)).toBe(1);
      await vi.waitFor(async () => expect(await modules(r)).toBe(0), { timeout: 3000, interval: 50 });
    } finally {
      await r.shutdown();
    }
  });
});
