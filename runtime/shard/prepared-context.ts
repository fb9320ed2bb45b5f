import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';

/** Answers a call of the guest's one bridge function with the handle it returns to the guest. */
export type BridgeHandler = (op: QuickJSHandle | undefined, payload: QuickJSHandle | undefined) => QuickJSHandle;

/**
 * A QuickJS runtime and context with the bootstrap evaluated and nothing of any program in it
 * yet. Evaluating the bootstrap costs a couple of milliseconds, so each module keeps one of these
 * made ahead, in idle time, and opening a session only has to evaluate the bundle.
 */
export interface PreparedContext {
  rt: QuickJSRuntime;
  ctx: QuickJSContext;
  /** The guest's entry point, already taken off the global object. */
  enter: QuickJSHandle;
  /** `JSON.stringify` as it was before any program ran, for frames the host cannot read directly. */
  json: QuickJSHandle;
  /** Connects the bridge to the session that takes this context. */
  bind(handler: BridgeHandler): void;
}

const unbound = JSON.stringify({ code: 'internal', message: 'the bridge is not connected yet' });

export function prepareContext(qjs: QuickJSWASMModule, bootstrap: string): PreparedContext {
  const rt = qjs.newRuntime();
  const ctx = rt.newContext();
  try {
    let handler: BridgeHandler | null = null;
    const fn = ctx.newFunction('bridge', (op, payload) => (handler ? handler(op, payload) : ctx.newString(unbound)));
    ctx.setProp(ctx.global, '__atrium_bridge', fn);
    fn.dispose();
    // The bootstrap is our own code, so it runs without a CPU deadline; guest code never runs here.
    const take = `(() => { const g = globalThis, e = [g.__atrium_enter, g.__atrium_json]; delete g.__atrium_enter; delete g.__atrium_json; return e; })()`;
    const r = ctx.evalCode(`${bootstrap}\n;${take}`, 'bootstrap.js', { type: 'global' });
    if (r.error) {
      const why = String(ctx.dump(r.error)?.message ?? 'unknown error');
      r.error.dispose();
      throw new Error(`the bootstrap failed: ${why}`);
    }
    const enter = ctx.getProp(r.value, 0);
    const json = ctx.getProp(r.value, 1);
    r.value.dispose();
    return { rt, ctx, enter, json, bind: (h) => void (handler = h) };
  } catch (e) {
    ctx.dispose();
    rt.dispose();
    throw e;
  }
}
