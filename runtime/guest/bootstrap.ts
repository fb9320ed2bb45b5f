/**
 * Runs inside QuickJS before any merchant code. It takes the one bridge function the host put on
 * the global object, hides it, and builds the mini-program framework (app, page stack, setData,
 * render, host calls as promises, timers, console) out of intrinsics captured now, so that nothing
 * merchant code later does to `JSON`, prototypes or globals can change what crosses the bridge.
 * The host still treats everything that comes out as untrusted.
 */
import { parsePath, assignPath, splitUrl } from './paths.ts';
import { normalizeView, type InlineHandlers } from './normalize.ts';
import { intrinsics as I } from './intrinsics.ts';

type Fn = (...args: any[]) => any;
type Obj = Record<string, any>;
interface PageDef extends Obj { data?: Obj; render?: Fn }
interface Page { route: string; query: Obj; def: PageDef; inst: Obj }
interface LaunchArg { route: string; query: Obj; scene?: Obj | null; pages: string[]; tabs: string[] }
interface SnapshotPage { route: string; query: Obj; data: Obj; title: string | null }
interface Snapshot { stack: SnapshotPage[]; globalData: unknown; lost?: { timers?: unknown; calls?: unknown } }

const g = globalThis as any;
const rawBridge: Fn = g.__atrium_bridge;
delete g.__atrium_bridge;
function bridge(op: string, payload: string): string {
  return I.apply(rawBridge, undefined, [op, payload]);
}

const MAX_STACK = 10;
const RUNTIME_METHODS = I.create(null) as Record<string, true>;
for (const m of ['ui.navigateTo', 'ui.redirectTo', 'ui.navigateBack', 'ui.switchTab', 'ui.setTitle']) RUNTIME_METHODS[m] = true;
const LIFECYCLE = I.create(null) as Record<string, true>;
for (const m of ['onLoad', 'onShow', 'onHide', 'onUnload', 'onReady', 'onRestore', 'render', 'data']) LIFECYCLE[m] = true;

class AtriumError extends I.Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'AtriumError';
  }
}

/** Tells the host a bound was broken: it ends the session once this entry returns. */
function fatal(code: string, message: string): never {
  bridge('fatal', I.stringify({ code, message }));
  throw new AtriumError(code, message);
}

const pages = I.create(null) as Record<string, PageDef>;
let appDef: Obj = {};
let stack: Page[] = [];
let config: { pages: string[]; tabs: string[] } = { pages: [], tabs: [] };
let dirty = false;
let titles = I.create(null) as Record<string, string>;
let inline: InlineHandlers = I.create(null);
let nextCallId = 1;
const pending = I.create(null) as Record<string, { resolve: Fn; reject: Fn }>;
let nextTimerId = 1;
const timers = I.create(null) as Record<string, { fn: Fn; args: unknown[]; repeat: boolean }>;
const setDataLimit = 1024 * 1024;

function top(): Page | undefined {
  return stack[stack.length - 1];
}

function safeCall(fn: unknown, self: unknown, args: unknown[]): unknown {
  if (typeof fn !== 'function') return undefined;
  try {
    const out = I.apply(fn as Fn, self, args);
    if (out && typeof (out as any).then === 'function') {
      I.then(out as Promise<unknown>, undefined, (e: unknown) => reportError(e));
    }
    return out;
  } catch (e) {
    reportError(e);
    return undefined;
  }
}

function describe(e: unknown): string {
  if (e && typeof e === 'object') {
    const name = I.string((e as any).name ?? 'Error');
    const message = I.string((e as any).message ?? '');
    const st = (e as any).stack ? '\n' + I.string((e as any).stack) : '';
    return name + ': ' + message + st;
  }
  return I.string(e);
}

function reportError(e: unknown): void {
  if (e instanceof AtriumError && e.code !== 'program_error' && isBreach(e.code)) throw e;
  const bound = boundOf(e);
  if (bound) fatal(bound.code, bound.message);
  bridge('log', I.stringify({ level: 'error', text: describe(e) }));
  if (typeof appDef.onError === 'function') {
    try {
      I.apply(appDef.onError, appDef, [describe(e)]);
    } catch {
      /* an error handler that throws has nothing left to tell */
    }
  }
}

function isBreach(code: string): boolean {
  return code === 'limit_exceeded' || code === 'too_large' || code === 'memory_exceeded' || code === 'stack_exceeded';
}

/**
 * Running out of stack or memory breaks a bound of the session, not just the handler it happened
 * in, so it is never reported as a mere program error (a program that catches it itself goes on).
 */
function boundOf(e: unknown): { code: string; message: string } | null {
  if (e instanceof I.RangeError && e.message === 'Maximum call stack size exceeded') {
    return { code: 'stack_exceeded', message: 'RangeError: Maximum call stack size exceeded' };
  }
  const outOfMemory = { code: 'memory_exceeded', message: 'InternalError: out of memory' };
  if (e instanceof I.InternalError && e.message === 'out of memory') return outOfMemory;
  // QuickJS throws null when it cannot even allocate the error; a program may throw null itself,
  // so the host, which sees the module's memory, tells which it was.
  if (e === null && bridge('memory', '0') === 'exhausted') return outOfMemory;
  return null;
}

function makeInstance(route: string, query: Obj, def: PageDef, data?: Obj): Page {
  const inst = I.create(def) as Obj;
  const initial = data ?? (def.data ? I.parse(I.stringify(def.data)) : {});
  I.defineProperty(inst, 'data', { value: initial, writable: true, enumerable: true });
  I.defineProperty(inst, 'route', { value: route, enumerable: true });
  I.defineProperty(inst, 'options', { value: query, enumerable: true });
  I.defineProperty(inst, 'setData', {
    value: function setData(patch: Obj) {
      if (!patch || typeof patch !== 'object') throw new AtriumError('invalid_args', 'setData takes an object');
      const size = I.stringify(patch)?.length ?? 0;
      if (size > setDataLimit) fatal('too_large', `setData of ${size} bytes is over the ${setDataLimit}-byte limit`);
      const ks = I.keys(patch);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i]!;
        assignPath(inst.data, parsePath(k), patch[k]);
      }
      dirty = true;
    },
  });
  return { route, query, def, inst };
}

function pageDef(route: string): PageDef {
  const def = pages[route];
  if (!def) throw new AtriumError('not_found', `no page "${route}" (pages: ${I.join(config.pages, ', ')})`);
  return def;
}

function openPage(route: string, query: Obj): void {
  const p = makeInstance(route, query, pageDef(route));
  stack[stack.length] = p;
  safeCall(p.def.onLoad, p.inst, [query]);
  safeCall(p.def.onShow, p.inst, []);
  dirty = true;
}

function unload(p: Page): void {
  safeCall(p.def.onUnload, p.inst, []);
  delete titles[p.route];
}

const navigation: Record<string, (args: any) => void> = {
  navigateTo(args) {
    const { route, query } = splitUrl(args?.url);
    pageDef(route);
    if (I.includes(config.tabs, route)) throw new AtriumError('invalid_args', `"${route}" is a tab page: use switchTab`);
    if (stack.length >= MAX_STACK) throw new AtriumError('limit_exceeded', `at most ${MAX_STACK} pages can be open`);
    const cur = top();
    if (cur) safeCall(cur.def.onHide, cur.inst, []);
    openPage(route, query);
  },
  redirectTo(args) {
    const { route, query } = splitUrl(args?.url);
    pageDef(route);
    const cur = I.pop(stack);
    if (cur) unload(cur);
    openPage(route, query);
  },
  navigateBack(args) {
    const delta = args?.delta ?? 1;
    if (typeof delta !== 'number' || delta < 1) throw new AtriumError('invalid_args', 'delta must be a positive number');
    if (stack.length <= 1) throw new AtriumError('invalid_args', 'already on the first page');
    for (let i = 0; i < delta && stack.length > 1; i++) unload(I.pop(stack)!);
    const cur = top()!;
    safeCall(cur.def.onShow, cur.inst, []);
    dirty = true;
  },
  switchTab(args) {
    const { route } = splitUrl(args?.url);
    if (!I.includes(config.tabs, route)) throw new AtriumError('invalid_args', `"${route}" is not a tab page`);
    while (stack.length) unload(I.pop(stack)!);
    openPage(route, {});
  },
  setTitle(args) {
    const cur = top();
    if (!cur || typeof args?.title !== 'string') throw new AtriumError('invalid_args', 'setTitle takes { title }');
    titles[cur.route] = I.slice(args.title, 0, 40);
    dirty = true;
  },
};

function call(method: string, args: unknown): Promise<unknown> {
  if (RUNTIME_METHODS[method]) {
    return new I.Promise((resolve, reject) => {
      try {
        navigation[I.slice(method, 3)]!(args);
        resolve(null);
      } catch (e) {
        reject(e);
      }
    });
  }
  const id = nextCallId++;
  const payload = args === undefined ? I.stringify({ id, method }) : I.stringify({ id, method, args });
  return new I.Promise((resolve, reject) => {
    const refused = bridge('call', payload);
    if (refused) {
      const err = I.parse(refused);
      reject(new AtriumError(err.code, err.message));
      return;
    }
    pending[id] = { resolve, reject };
  });
}

function setTimer(fn: unknown, ms: unknown, args: unknown[], repeat: boolean): number {
  if (typeof fn !== 'function') throw new AtriumError('invalid_args', 'a timer needs a function');
  const id = nextTimerId++;
  const delay = typeof ms === 'number' && ms > 0 ? ms : 0;
  const refused = bridge('timer', I.stringify({ id, ms: delay, repeat }));
  if (refused) {
    const err = I.parse(refused);
    throw new AtriumError(err.code, err.message);
  }
  timers[id] = { fn: fn as Fn, args, repeat };
  return id;
}

function clearTimer(id: unknown): void {
  if (typeof id !== 'number' || !timers[id]) return;
  delete timers[id];
  bridge('clearTimer', I.string(id));
}

function format(args: unknown[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let s: string;
    if (typeof a === 'string') s = a;
    else {
      try {
        s = a instanceof I.Error ? describe(a) : I.stringify(a) ?? I.string(a);
      } catch {
        s = I.string(a);
      }
    }
    out += (i ? ' ' : '') + s;
    if (out.length > 4096) return I.slice(out, 0, 4096) + '…';
  }
  return out;
}

const consoleObj = I.create(null) as Obj;
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  consoleObj[level] = (...args: unknown[]) => {
    bridge('log', I.stringify({ level: level === 'log' ? 'info' : level, text: format(args) }));
  };
}

function snapshot(): Snapshot {
  const s: SnapshotPage[] = [];
  for (let i = 0; i < stack.length; i++) {
    const p = stack[i]!;
    s[i] = { route: p.route, query: p.query, data: p.inst.data, title: titles[p.route] ?? null };
  }
  return { stack: s, globalData: appDef.globalData ?? null };
}

/**
 * The frame, as an object the host reads straight out of the engine (a twentieth of what
 * `JSON.stringify` costs here), or as JSON text when the view holds something that way of
 * reading could not take safely (see normalizeView).
 */
function render(): Obj | string {
  const p = top();
  if (!p) return '';
  inline = I.create(null);
  if (typeof p.def.render !== 'function') throw new AtriumError('program_error', `page "${p.route}" has no render()`);
  const tree = I.apply(p.def.render, p.inst, []);
  const { view, direct } = normalizeView(tree, inline);
  const routes = I.create(null) as { length: number; [i: number]: string };
  routes.length = 0;
  for (let i = 0; i < stack.length; i++) routes[routes.length++] = stack[i]!.route;
  const title = titles[p.route] ?? p.def.title ?? '';
  const out = {
    frame: { route: p.route, title: typeof title === 'string' ? title : '', stack: I.arrayFrom(routes), view },
    // Page data is the program's own, of any shape: it always goes as JSON text.
    snapshot: I.stringify(snapshot()),
  };
  return direct ? out : I.stringify(out);
}

function dispatch(ev: Obj): void {
  const p = top();
  if (!p) throw new AtriumError('invalid_args', 'no page is open');
  const name = ev.handler;
  if (name === '$nav') {
    const v = ev.value ?? {};
    const kind = v.openType ?? 'navigate';
    const map: Record<string, string> = { navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', back: 'navigateBack' };
    const fn = map[kind];
    if (!fn) throw new AtriumError('invalid_args', `unknown openType "${kind}"`);
    try {
      navigation[fn]!(kind === 'back' ? {} : { url: v.url });
    } catch (e) {
      reportError(e);
    }
    return;
  }
  const evt = { type: ev.type, data: ev.data ?? null, value: ev.value ?? null };
  if (typeof name === 'string' && name[0] === '$') {
    const fn = inline[name];
    if (!fn) return void bridge('log', I.stringify({ level: 'warn', text: `event for a handler of an older view: ${name}` }));
    safeCall(fn, p.inst, [evt]);
    return;
  }
  const fn = typeof name === 'string' && !LIFECYCLE[name] ? p.def[name] : undefined;
  if (typeof fn !== 'function') {
    bridge('log', I.stringify({ level: 'warn', text: `page "${p.route}" has no handler "${I.string(name)}"` }));
    return;
  }
  safeCall(fn, p.inst, [evt]);
}

const ops: Record<string, (arg: string) => unknown> = {
  launch(arg) {
    const a = I.parse(arg) as LaunchArg;
    config = { pages: a.pages, tabs: a.tabs };
    safeCall(appDef.onLaunch, appDef, [{ route: a.route, query: a.query, scene: a.scene ?? null }]);
    openPage(a.route, a.query);
    return null;
  },
  restore(arg) {
    const a = I.parse(arg) as { snapshot: Snapshot; pages: string[]; tabs: string[] };
    config = { pages: a.pages, tabs: a.tabs };
    if (a.snapshot.globalData !== null && a.snapshot.globalData !== undefined) appDef.globalData = a.snapshot.globalData;
    stack = [];
    for (const sp of a.snapshot.stack) {
      stack[stack.length] = makeInstance(sp.route, sp.query, pageDef(sp.route), sp.data);
      if (sp.title !== null) titles[sp.route] = sp.title;
    }
    // Timers and awaited host calls died with the old runtime: the program hears what it lost
    // (the whole session's, on the app and on every page brought back) and can arm its timers
    // again or check on what it asked for, before the visible page is shown.
    const lost = a.snapshot.lost;
    const info = () => ({
      timers: typeof lost?.timers === 'number' ? lost.timers : 0,
      calls: I.isArray(lost?.calls) ? I.arrayFrom(lost.calls as unknown[]) : [],
    });
    safeCall(appDef.onRestore, appDef, [info()]);
    for (let i = 0; i < stack.length; i++) safeCall(stack[i]!.def.onRestore, stack[i]!.inst, [info()]);
    const cur = top();
    if (cur) safeCall(cur.def.onShow, cur.inst, []);
    dirty = true;
    return null;
  },
  event(arg) {
    dispatch(I.parse(arg));
    return null;
  },
  settle(arg) {
    const s = I.parse(arg) as { id: number; ok: boolean; data?: unknown; error?: { code: string; message: string } };
    const p = pending[s.id];
    if (!p) return null;
    delete pending[s.id];
    if (s.ok) p.resolve(s.data);
    else p.reject(new AtriumError(s.error!.code, s.error!.message));
    return null;
  },
  timer(arg) {
    const id = +arg;
    const t = timers[id];
    if (!t) return null;
    if (!t.repeat) delete timers[id];
    safeCall(t.fn, undefined, t.args);
    return null;
  },
  flush() {
    if (!dirty) return '';
    dirty = false;
    return render();
  },
  snapshot() {
    return I.stringify(snapshot());
  },
  close() {
    while (stack.length) unload(I.pop(stack)!);
    return null;
  },
};

/**
 * The host's only way in: `enter(op, arg)` returns a JSON string made by the captured stringify,
 * except that `flush` returns the frame itself.
 */
function enter(op: string, arg: string): string | Obj {
  const fn = ops[op];
  if (!fn) return I.stringify({ ok: false, error: { code: 'invalid_args', message: 'unknown op' } });
  try {
    const value = fn(arg);
    return typeof value === 'string' || (op === 'flush' && value) ? value : I.stringify({ ok: true });
  } catch (e) {
    const bound = e instanceof AtriumError ? null : boundOf(e);
    if (bound) bridge('fatal', I.stringify(bound));
    const code = e instanceof AtriumError ? e.code : (bound?.code ?? 'program_error');
    return I.stringify({ ok: false, error: { code, message: describe(e) } });
  }
}

const api = I.freeze({
  definePage(route: string, def: PageDef) {
    if (def && typeof def === 'object') pages[route] = def;
  },
  defineApp(def: Obj) {
    if (def && typeof def === 'object') appDef = def;
  },
  call,
  AtriumError,
});

I.defineProperty(g, '__atrium', { value: api, writable: false, enumerable: false, configurable: false });
I.defineProperty(g, '__atrium_enter', { value: enter, writable: false, enumerable: false, configurable: true });
I.defineProperty(g, '__atrium_json', { value: I.stringify, writable: false, enumerable: false, configurable: true });
g.console = consoleObj;
g.setTimeout = (fn: unknown, ms?: unknown, ...args: unknown[]) => setTimer(fn, ms, args, false);
g.setInterval = (fn: unknown, ms?: unknown, ...args: unknown[]) => setTimer(fn, ms, args, true);
g.clearTimeout = clearTimer;
g.clearInterval = clearTimer;
