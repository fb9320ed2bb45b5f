/**
 * Escape attempts: they may run, but they find only the sandbox's own global object, never the
 * host's process, modules, files or the raw bridge. Each program reports what it found in `#note`.
 */
import { describe, expect, it } from 'vitest';
import { defaultLimits, type Runtime } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, until, type Hostile, withTopology, expectSurvivedAndContained } from './hostile.ts';
import type { Neighbours } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;

/** Host things a sandboxed program must never see. */
const HOST_NAMES = ['process', 'require', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename', 'std', 'os', 'WebAssembly', 'fetch', 'XMLHttpRequest', 'Worker', 'setImmediate', '__atrium_bridge', '__atrium_enter'];

/** Runs `attempt` (a function body returning a string, possibly async) and reports the result. */
async function attempt(body: string): Promise<Hostile> {
  const h = await openHostile(rt, hostileBundle(`async spin() { const found = await (async () => { ${body} })(); this.setData({ note: String(found) }); },`));
  await h.tap('spin');
  await until(() => h.note() !== '');
  return h;
}

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
}, { pollutionCheck: true });

describe('an escape attempt', () => {
  it('through constructor.constructor("return process")() finds no process', async () => {
    const h = await attempt(`try { return typeof ({}).constructor.constructor('return process')(); } catch (e) { return e.name + ': ' + e.message; }`);
    expect(h.note()).toBe('ReferenceError: process is not defined');
    await expectSurvivedAndContained(h, neighbours);
  });

  it('through Function("return this")() reaches only the sandbox global, without the bridge', async () => {
    const names = JSON.stringify(HOST_NAMES);
    const h = await attempt(`const g = Function('return this')(); return ${names}.filter((n) => n in g).join(',') || 'nothing';`);
    expect(h.note()).toBe('nothing');
    await expectSurvivedAndContained(h, neighbours);
  });

  it('listing every global name finds none of the host’s', async () => {
    const h = await attempt(`return Object.getOwnPropertyNames(globalThis).join(',');`);
    const globals = h.note().split(',');
    expect(globals).toContain('JSON');
    expect(globals).toContain('__atrium');
    for (const name of HOST_NAMES) expect(globals).not.toContain(name);
    await expectSurvivedAndContained(h, neighbours);
  });

  it('through import() of node modules, QuickJS std/os and file paths is rejected every time', async () => {
    const specifiers = ['fs', 'node:fs', 'node:child_process', 'std', 'os', '/etc/passwd', '../../runtime/index.ts', 'file:///etc/hosts', 'data:text/javascript,export default 1'];
    const h = await attempt(`
      const out = [];
      for (const m of ${JSON.stringify(specifiers)}) {
        try { await import(m); out.push('LOADED ' + m); } catch (e) { out.push(e.name); }
      }
      return out.join(',');
    `);
    expect(h.note()).toBe(specifiers.map(() => 'ReferenceError').join(','));
    await expectSurvivedAndContained(h, neighbours);
  });

  it('with a static import in the bundle fails to open with program_error', async () => {
    const h = await openHostile(rt, `import fs from 'fs';\n${hostileBundle('')}`);
    expect(h.opened).toBe(false);
    await h.expectEnds('program_error', defaultLimits.evalMs);
    expect(h.reason!.message).toMatch(/SyntaxError/);
    await expectContained(h, neighbours);
  });

  it('through require, process and Buffer finds none of them', async () => {
    const h = await attempt(`return [typeof require, typeof process, typeof Buffer, typeof module, typeof globalThis.process].join(',');`);
    expect(h.note()).toBe('undefined,undefined,undefined,undefined,undefined');
    await expectSurvivedAndContained(h, neighbours);
  });

  it('finds the raw bridge and the host’s entry point gone before merchant code runs', async () => {
    const h = await openHostile(
      rt,
      hostileBundle(`spin() { this.setData({ note: globalThis.captured }); },`, `globalThis.captured = [typeof globalThis.__atrium_bridge, typeof globalThis.__atrium_enter, Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith('__atrium')).join('+')].join(',');`),
    );
    await h.tap('spin');
    expect(h.note()).toBe('undefined,undefined,__atrium');
    await expectSurvivedAndContained(h, neighbours);
  });

  it('to replace or extend the __atrium API changes nothing', async () => {
    const h = await attempt(`
      const api = globalThis.__atrium;
      const call = api.call;
      const tries = [
        () => { globalThis.__atrium = { call() {} }; },
        () => { delete globalThis.__atrium; },
        () => { api.call = () => 'hijacked'; },
        () => { api.bridge = 1; },
        () => { Object.defineProperty(globalThis, '__atrium', { value: {} }); },
      ];
      for (const t of tries) { try { t(); } catch (e) {} }
      return [globalThis.__atrium === api, Object.isFrozen(api), typeof api.bridge, api.call === call].join(',');
    `);
    expect(h.note()).toBe('true,true,undefined,true');
    await expectSurvivedAndContained(h, neighbours);
  });

  it('through new Function and eval runs code that sees only the sandbox', async () => {
    const h = await attempt(`
      const viaFunction = new Function('return typeof process + "," + typeof require + "," + typeof __atrium_bridge')();
      const viaEval = eval('typeof process + "," + typeof require + "," + typeof __atrium_bridge');
      const indirect = (0, eval)('typeof globalThis.process');
      return [viaFunction, viaEval, indirect].join('|');
    `);
    expect(h.note()).toBe('undefined,undefined,undefined|undefined,undefined,undefined|undefined');
    await expectSurvivedAndContained(h, neighbours);
  });

  it('through error stacks and the console reveals no host paths', async () => {
    const h = await attempt(`try { null.x; } catch (e) { console.log(e.stack); return e.stack; }`);
    expect(h.note()).toMatch(/bundle\.js/);
    expect(h.produced()).not.toMatch(/\/work\/|node_modules|node:internal|worker_threads/);
    await expectSurvivedAndContained(h, neighbours);
  });

  it('through timers given strings instead of functions runs no code', async () => {
    const h = await attempt(`
      const out = [];
      for (const t of [() => setTimeout('globalThis.ran = 1', 0), () => setInterval('globalThis.ran = 1', 0)]) {
        try { t(); out.push('accepted'); } catch (e) { out.push(e.code); }
      }
      await null;
      return out.join(',') + ',' + typeof globalThis.ran;
    `);
    expect(h.note()).toBe('invalid_args,invalid_args,undefined');
    await expectSurvivedAndContained(h, neighbours);
  });
});

describe('an escape attempt that breaks a bound on the way', () => {
  it('still ends only its own session with the bound’s code', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { const f = Function('for (;;) {}'); f(); },`));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });
});
