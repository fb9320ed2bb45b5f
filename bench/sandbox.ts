/**
 * The sandbox's figures (issue: runtime, SDK and CLI): cold start, parse cost per KiB, first view
 * from a warm pool, event round trip across the shard boundary, live sessions per GiB. Each is
 * printed beside Node's own `vm` doing the same work in the same run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSSyncVariant } from 'quickjs-emscripten-core';
import ngImport from '@jitl/quickjs-ng-wasmfile-release-sync';
import { Runtime, type Session } from '../runtime/index.ts';
import { shardCode } from '../runtime/pool/worker-file.ts';
import { built, shopOrHello, syntheticCode } from './programs.ts';
import { percentile, printFigures, samples, type Figure } from './stats.ts';
import { VmSession } from './vm-baseline.ts';

const ng = ngImport as unknown as QuickJSSyncVariant;
const require = createRequire(import.meta.url);
const ok = async () => ({ ok: true as const, data: null });
const median = (xs: number[]) => percentile(xs, 50);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function parseCost(bootstrap: string): Promise<Figure[]> {
  const wasm = await WebAssembly.compile(readFileSync(require.resolve('@jitl/quickjs-ng-wasmfile-release-sync/wasm')));
  const qjs = await newQuickJSWASMModuleFromVariant(
    newVariant(ng, { wasmModule: wasm, wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: 2048 }) }),
  );
  const evalIn = (code: string) => {
    const rt = qjs.newRuntime();
    const ctx = rt.newContext();
    const t = performance.now();
    const r = ctx.evalCode(code);
    const ms = performance.now() - t;
    (r.error ?? r.value).dispose();
    ctx.dispose();
    rt.dispose();
    return ms;
  };
  const small = syntheticCode(16);
  const large = syntheticCode(256);
  const qs = median(Array.from({ length: 15 }, () => evalIn(small)));
  const ql = median(Array.from({ length: 15 }, () => evalIn(large)));
  const vmRun = (code: string) => {
    const vm = new VmSession(bootstrap, '');
    const t = performance.now();
    new (require('node:vm').Script)(code).runInContext((vm as unknown as { ctx: object }).ctx);
    return performance.now() - t;
  };
  const vs = median(Array.from({ length: 15 }, () => vmRun(small)));
  const vl = median(Array.from({ length: 15 }, () => vmRun(large)));
  const perKiB = ((ql - qs) / 240) * 1000;
  const vmPerKiB = ((vl - vs) / 240) * 1000;
  return [{ name: 'parse + evaluate, per KiB of bundle', value: perKiB, unit: 'µs', baseline: { name: 'node vm', value: Math.max(vmPerKiB, 0.001) } }];
}

async function coldStart(rt: Runtime, bundle: string, pages: string[], bootstrap: string, label: string, target?: number): Promise<Figure> {
  let n = 0;
  const times = await samples(25, async () => {
    // Cold starts of new merchants come one at a time, not in bursts: let the shard's spare
    // module refill between them, as it would between real first opens.
    await new Promise((r) => setTimeout(r, 60));
    const t = performance.now();
    const s = await rt.open({ merchantId: `cold-${label}-${n++}`, appId: 'bench', bundle, pages: { pages, tabs: [] }, onCall: ok });
    const ms = performance.now() - t;
    await s.close();
    return ms;
  });
  const vmTimes = await samples(25, () => new VmSession(bootstrap, bundle).launch(pages));
  return {
    name: `cold start to first view, ${label}`,
    value: median(times),
    unit: 'ms',
    baseline: { name: 'node vm', value: median(vmTimes) },
    ...(target ? { target: { kind: 'max' as const, value: target } } : {}),
  };
}

async function moduleInstantiation(): Promise<Figure> {
  const wasm = await WebAssembly.compile(readFileSync(require.resolve('@jitl/quickjs-ng-wasmfile-release-sync/wasm')));
  const times = await samples(15, () =>
    newQuickJSWASMModuleFromVariant(newVariant(ng, { wasmModule: wasm, wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: 2048 }) })),
  );
  return { name: 'instantiate a merchant module (done ahead, off the open path)', value: median(times), unit: 'ms' };
}

async function warmFirstView(rt: Runtime, bundle: string, pages: string[], bootstrap: string): Promise<Figure> {
  const spec = { merchantId: 'warm-bench', appId: 'bench', bundle, pages: { pages, tabs: [] } };
  await rt.warm(spec, 40);
  const opened: Session[] = [];
  const times = await samples(30, async () => {
    // Latency, not throughput: the shop's onShow reads storage and renders again when the answer
    // comes, so back-to-back opens would each wait behind the previous open's second render.
    await new Promise((r) => setTimeout(r, 20));
    const t = performance.now();
    opened.push(await rt.open({ ...spec, onCall: ok }));
    return performance.now() - t;
  });
  await Promise.all(opened.map((s) => s.close()));
  const ready = Array.from({ length: 30 }, () => new VmSession(bootstrap, bundle));
  const vmTimes = await samples(30, (i) => ready[i]!.launch(pages));
  return { name: 'first view from a warm pool', value: median(times), unit: 'ms', baseline: { name: 'node vm', value: median(vmTimes) }, target: { kind: 'max', value: 5 } };
}

async function postMessageRoundTrip(): Promise<number[]> {
  const w = new Worker('const { parentPort } = require("node:worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m));', { eval: true });
  const once = () => new Promise((r) => { w.once('message', r); w.postMessage({ op: 'event', sessionId: 'x', event: { handler: 'add', type: 'tap' } }); });
  for (let i = 0; i < 200; i++) await once();
  const times = await samples(2000, once);
  await w.terminate();
  return times;
}

async function eventRoundTrip(rt: Runtime, hello: { bundle: string; pages: string[] }, bootstrap: string): Promise<Figure[]> {
  const s = await rt.open({ merchantId: 'rtt', appId: 'hello', bundle: hello.bundle, pages: { pages: hello.pages, tabs: [] }, onCall: ok });
  for (let i = 0; i < 300; i++) await s.event({ handler: 'add', type: 'tap' });
  const times = await samples(3000, () => s.event({ handler: 'add', type: 'tap' }));
  await s.close();
  const vm = new VmSession(bootstrap, hello.bundle);
  vm.launch(hello.pages);
  const vmTimes = await samples(3000, () => vm.event('add'));
  const pm = await postMessageRoundTrip();
  const base = { name: 'node vm in-process', value: median(vmTimes) * 1000 };
  return [
    { name: 'event round trip p50 (tap → view out of shard)', value: median(times) * 1000, unit: 'µs', baseline: base, target: { kind: 'max', value: 500 } },
    { name: 'event round trip p99', value: percentile(times, 99) * 1000, unit: 'µs', baseline: { name: 'node vm p99', value: percentile(vmTimes, 99) * 1000 } },
    { name: 'plain postMessage round trip p50 (reference)', value: median(pm) * 1000, unit: 'µs' },
  ];
}

async function sessionsPerGiB(rt: Runtime, bundle: string, pages: string[], bootstrap: string): Promise<Figure> {
  const N = 600;
  gc();
  await new Promise((r) => setTimeout(r, 100));
  const before = process.memoryUsage().rss;
  const sessions: Session[] = [];
  for (let i = 0; i < N; i++) {
    sessions.push(await rt.open({ merchantId: `mem-${i % 4}`, appId: 'bench', bundle, pages: { pages, tabs: [] }, onCall: ok }));
  }
  gc();
  await new Promise((r) => setTimeout(r, 100));
  const used = process.memoryUsage().rss - before;
  await Promise.all(sessions.map((s) => s.close()));
  gc();
  const vmBefore = process.memoryUsage().rss;
  const vms: VmSession[] = [];
  for (let i = 0; i < N; i++) {
    const v = new VmSession(bootstrap, bundle);
    v.launch(pages);
    vms.push(v);
  }
  gc();
  const vmUsed = process.memoryUsage().rss - vmBefore;
  const perGiB = (bytes: number) => N / (bytes / 2 ** 30);
  return { name: `live sessions per GiB (${N} open)`, value: perGiB(used), unit: 'sessions', baseline: { name: 'node vm contexts', value: perGiB(vmUsed) }, target: { kind: 'min', value: 2000 } };
}

export async function runSandboxBench(): Promise<void> {
  const { bootstrap } = await shardCode();
  const shopDir = shopOrHello();
  const shop = await built(shopDir);
  const hello = await built('examples/hello');
  const filler = syntheticCode(Math.max(1, 50 - Math.ceil(shop.bundle.length / 1024)));
  const bundle50 = `${filler}\n${shop.bundle}`;
  const rt = await Runtime.create({ shards: 2 });
  const figures: Figure[] = [];
  figures.push(await coldStart(rt, shop.bundle, shop.manifest.pages, bootstrap, `${shopDir} (${(shop.bundle.length / 1024).toFixed(1)} KiB, fresh module)`));
  figures.push(await coldStart(rt, bundle50, shop.manifest.pages, bootstrap, '50 KiB bundle (fresh module)', 10));
  figures.push(await moduleInstantiation());
  figures.push(...(await parseCost(bootstrap)));
  figures.push(await warmFirstView(rt, shop.bundle, shop.manifest.pages, bootstrap));
  figures.push(...(await eventRoundTrip(rt, { bundle: hello.bundle, pages: hello.manifest.pages }, bootstrap)));
  figures.push(await sessionsPerGiB(rt, shop.bundle, shop.manifest.pages, bootstrap));
  await rt.shutdown();
  printFigures('Sandbox (QuickJS-ng in worker-thread shards)', figures);
}
