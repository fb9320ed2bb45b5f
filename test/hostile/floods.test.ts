/** Floods of microtasks, timers and log lines: each is bounded, and none starves a neighbour. */
import { describe, expect, it } from 'vitest';
import { defaultLimits, type Runtime } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, until, withTopology, expectSurvivedAndContained } from './hostile.ts';
import type { Neighbours } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
});

describe('a microtask flood', () => {
  it('of promise jobs that queue themselves ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { const f = () => Promise.resolve().then(f); f(); },'));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  // QuickJS-ng turns the interruption inside these jobs into a rejection nobody sees; the session
  // must end anyway, not go quiet and carry on.
  it('of thenables whose then() queues the next one ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { const loop = () => Promise.resolve({ then(r) { loop(); r(); } }); loop(); },'));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('of an async loop awaiting nothing ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { (async () => { for (;;) await null; })(); },'));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('of queueMicrotask callbacks that queue themselves ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { const f = () => queueMicrotask(f); f(); },'));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('started at the top level of the bundle ends the open with cpu_exceeded', async () => {
    const evalMs = 200;
    const h = await openHostile(rt, hostileBundle('', 'const f = () => Promise.resolve().then(f); f();'), { limits: { evalMs } });
    expect(h.opened).toBe(false);
    // Jobs queued while the bundle loads drain in the launch entry, under the handler budget.
    await h.expectEnds('cpu_exceeded', Math.max(evalMs, HANDLER_MS));
    await expectContained(h, neighbours);
  });
});

describe('a timer flood', () => {
  it('of more than 100 pending timers ends the session with limit_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { for (let i = 0; i < 200; i++) setTimeout(() => {}, 60000); },'));
    await h.tap('spin');
    await h.expectEnds('limit_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('of 100 timers that each re-arm 100 more ends the session with limit_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { const arm = () => { for (let i = 0; i < 100; i++) setTimeout(arm, 0); }; arm(); },'));
    await h.tap('spin');
    await h.expectEnds('limit_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('of 100 intervals at the 10 ms floor stays within bounds, does not starve a neighbour, and stops at close', async () => {
    const h = await openHostile(
      rt,
      hostileBundle(`spin() {
        globalThis.ticks = 0;
        for (let i = 0; i < 99; i++) setInterval(() => { globalThis.ticks++; }, 0);
        setInterval(() => this.setData({ note: String(globalThis.ticks) }), 0);
      },`),
    );
    await h.tap('spin');
    await until(() => Number(h.note()) > 99);
    await expectContained(h, neighbours);
    expect(h.reason).toBeNull();
    await h.session!.close();
    await sleep(50);
    const updates = h.updates.length;
    await sleep(200);
    expect(h.updates.length).toBe(updates);
    expect(h.reason?.code).toBe('session_ended');
  });
});

describe('a log flood', () => {
  it('reaches the host as at most 100 lines per entry', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { for (let i = 0; i < 1000; i++) console.log('line ' + i); this.setData({ note: 'done' }); },`));
    await h.tap('spin');
    expect(h.note()).toBe('done');
    expect(h.logs.filter((l) => l.includes('line ')).length).toBe(defaultLimits.logLinesPerEntry);
    await expectSurvivedAndContained(h, neighbours);
  });

  it('of megabyte lines reaches the host cut to 4 KiB a line', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { for (let i = 0; i < 10; i++) console.log('x'.repeat(1 << 20)); },`));
    await h.tap('spin');
    const lines = h.logs.filter((l) => l.includes('xxxx'));
    expect(lines.length).toBe(10);
    for (const l of lines) expect(l.length).toBeLessThan(4200);
    await expectSurvivedAndContained(h, neighbours);
  });
});
