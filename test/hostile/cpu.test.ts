/** Loops wherever guest code can run: each is stopped at its CPU deadline and ends only its session. */
import { describe, expect, it } from 'vitest';
import { defaultLimits, type Runtime } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, withTopology } from './hostile.ts';
import type { Neighbours } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;
const EVAL_MS = 200;

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
});

describe('an endless loop', () => {
  it('at the top level of the bundle ends the open with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('', 'for (;;) {}'), { limits: { evalMs: EVAL_MS } });
    expect(h.opened).toBe(false);
    await h.expectEnds('cpu_exceeded', EVAL_MS);
    await expectContained(h, neighbours);
  });

  it('in onLoad ends the launch with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('onLoad() { for (;;) {} },'));
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('in an event handler ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { for (;;) {} },'));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('that catches its own interruption and loops again still ends with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { for (;;) { try { for (;;) {} } catch (e) {} } },'));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('in a getter read while the view is collected ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`render() { return { type: 'view', props: { get id() { for (;;) {} } }, children: [] }; },`));
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('in toJSON of rendered data ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`render() { return { type: 'view', props: { data: { toJSON() { for (;;) {} } } }, children: [] }; },`));
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('in toJSON of data passed to setData ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { this.setData({ x: { toJSON() { for (;;) {} } } }); },`));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('in a Proxy trap over the rendered tree ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`render() { return new Proxy({}, { get() { for (;;) {} } }); },`));
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('in a Proxy ownKeys trap over rendered props ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`render() { return { type: 'view', props: new Proxy({}, { ownKeys() { for (;;) {} } }), children: [] }; },`));
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('in a sort comparator ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { [3, 1, 2].sort(() => { for (;;) {} }); },'));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('after an await, in a promise job, ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('async spin() { await null; for (;;) {} },'));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('after awaiting a host call, when the host settles it, ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`async spin() { await globalThis.__atrium.call('storage.get', { key: 'k' }); for (;;) {} },`));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    expect(h.calls.map((c) => c.method)).toEqual(['storage.get']);
    await expectContained(h, neighbours);
  });

  it('in a timer callback ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('spin() { setTimeout(() => { for (;;) {} }, 1); },'));
    await h.tap('spin');
    expect(h.reason).toBeNull();
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });
});
