/**
 * Builtins never poll the interrupt handler, so only the main thread's watchdog can stop them: it
 * terminates the shard, ends the culprit with cpu_exceeded and brings its neighbours back from
 * their snapshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits, Runtime } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, type Hostile } from './hostile.ts';
import { Neighbour, Neighbours } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;
/** The watchdog's own message: the interrupt handler never saw these. */
const STOPPED_BY_WATCHDOG = /inside one call \(budget \d+ ms\) and was stopped/;

async function expectStoppedByWatchdog(h: Hostile, budgetMs: number): Promise<void> {
  const reason = await h.expectEnds('cpu_exceeded', budgetMs);
  expect(reason.message).toMatch(STOPPED_BY_WATCHDOG);
}

describe('a builtin that ignores the deadline', () => {
  let rt: Runtime;
  let neighbours: Neighbours;
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 2 });
    neighbours = await Neighbours.open(rt, 2);
  });
  afterAll(() => rt.shutdown());

  it('new Array(3e7).join() in a handler is ended by the watchdog with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { new Array(3e7).join('x'); },`));
    await h.tap('spin');
    await expectStoppedByWatchdog(h, HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('JSON.stringify of a million items is ended by the watchdog with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { JSON.stringify(new Array(1e6).fill({ a: 'xxxxxxxx', b: [1, 2, 3] })); },`));
    await h.tap('spin');
    await expectStoppedByWatchdog(h, HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('JSON.stringify of 30,000 nested objects, quadratic in depth, is ended by the watchdog', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { let o = {}; for (let i = 0; i < 3e4; i++) o = { o }; JSON.stringify(o); },`));
    await h.tap('spin');
    await expectStoppedByWatchdog(h, HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('a big replaceAll is ended by the watchdog with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { 'ab'.repeat(5e6).replaceAll('a', 'xyzxyzxyz'); },`));
    await h.tap('spin');
    await expectStoppedByWatchdog(h, HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('at the top level of the bundle is ended by the watchdog while the session opens', async () => {
    const evalMs = 100;
    const h = await openHostile(rt, hostileBundle('', `new Array(3e7).join('x');`), { limits: { evalMs } });
    expect(h.opened).toBe(false);
    await expectStoppedByWatchdog(h, evalMs);
    await expectContained(h, neighbours);
  });

  it('in a timer callback is ended by the watchdog with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { setTimeout(() => { new Array(3e7).join('x'); }, 1); },`));
    await h.tap('spin');
    await expectStoppedByWatchdog(h, HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('leaves later events to the ended session refused with the same cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { new Array(3e7).join('x'); },`));
    await h.tap('spin');
    await expectStoppedByWatchdog(h, HANDLER_MS);
    await h.tap('probe');
    expect(h.rejections.at(-1)?.code).toBe('cpu_exceeded');
    await expectContained(h, neighbours);
  });
});

describe('a builtin that overruns its budget but returns before the watchdog would act', () => {
  let rt: Runtime;
  let neighbours: Neighbours;
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 2 });
    neighbours = await Neighbours.open(rt, 2);
  });
  afterAll(() => rt.shutdown());

  // 1.5-2.5 s of CPU on this machine kind (the engine is slower while cold): well past a 1 s
  // budget and well short of the watchdog's bound for it (4.1 s), so only measuring the call
  // can catch it.
  const BUDGET_MS = 1000;
  const OVERRUN = `'a'.repeat(1e7).replaceAll('a', 'bb')`;

  it('in a handler ends the session with cpu_exceeded, measured after the call', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { ${OVERRUN}; this.setData({ note: 'kept going' }); },`), { limits: { handlerMs: BUDGET_MS } });
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', BUDGET_MS);
    expect(h.note()).not.toBe('kept going');
    await expectContained(h, neighbours);
  });

  it('at the top level of the bundle fails the open with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('', `${OVERRUN};`), { limits: { evalMs: BUDGET_MS } });
    expect(h.opened).toBe(false);
    await h.expectEnds('cpu_exceeded', BUDGET_MS);
    await expectContained(h, neighbours);
  });
});

describe('a watchdog kill of the shard a neighbour shares', () => {
  let rt: Runtime;
  let neighbour: Neighbour;
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 1 });
    neighbour = await Neighbour.open(rt);
    await neighbour.expectAnswers();
  });
  afterAll(() => rt.shutdown());

  it('brings the neighbour back from its snapshot, with its count and secret, still answering', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { new Array(3e7).join('x'); },`));
    expect(h.session!.shard).toBe(neighbour.session.shard);
    await h.tap('spin');
    await expectStoppedByWatchdog(h, HANDLER_MS);
    expect(neighbour.logs.join('\n')).toMatch(/shard was restarted/);
    await expectContained(h, Neighbours.of([neighbour]));
  });
});
