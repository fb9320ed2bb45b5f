/**
 * Programs that break no per-call bound yet would take a shard for themselves: CPU over time is
 * bounded per session, and a shard gives its turns to the sessions that used the least of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Runtime, type Session } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, until } from './hostile.ts';
import { Neighbour, Neighbours } from './neighbour.ts';

/** Keeps the shard busy for `ms` in plain bytecode: within the per-call budget, never interrupted. */
const burn = (ms: number) => `const until = Date.now() + ${ms}; while (Date.now() < until) {}`;

describe('a program that keeps its shard busy one short call after another', () => {
  let rt: Runtime;
  let neighbours: Neighbours;
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 1 });
    neighbours = await Neighbours.open(rt, 1);
  });
  afterAll(() => rt.shutdown());

  it('with a setInterval(0) burning most of its 100 ms budget a tick ends with cpu_exceeded once it used its CPU allowance', async () => {
    const limits = { cpuPerWindowMs: 500, cpuWindowMs: 5000 };
    // 80 ms, not the 95 first seen: a tick must stay inside its budget on a busy machine too.
    const h = await openHostile(rt, hostileBundle(`spin() { setInterval(() => { ${burn(80)} }, 0); },`), { limits });
    await h.tap('spin');
    // However slowly a busy machine lets it reach its allowance, it ends: it never runs for ever.
    await until(() => h.reason !== null, 20_000);
    expect(h.reason).toMatchObject({ code: 'cpu_exceeded', message: expect.stringMatching(/ms of CPU in the last 5 s, over its 500 ms allowance/) });
    await expectContained(h, neighbours);
  }, 30_000);

  it('with a burst of taps under the allowance keeps running', async () => {
    const h = await openHostile(rt, hostileBundle(`busy() { ${burn(30)} },`), { limits: { cpuPerWindowMs: 500, cpuWindowMs: 5000 } });
    for (let i = 0; i < 5; i++) await h.tap('busy');
    await h.expectStillAnswers();
    await h.session!.close();
  });
});

describe('a shard shared with sessions that queued a lot of work', () => {
  let rt: Runtime;
  let neighbour: Neighbour;
  const busy: Session[] = [];
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 1 });
    neighbour = await Neighbour.open(rt);
    for (let i = 0; i < 6; i++) {
      const h = await openHostile(rt, hostileBundle(`busy() { ${burn(40)} },`));
      busy.push(h.session!);
    }
  });
  afterAll(() => rt.shutdown());

  it("runs a light session's tap before the work busy sessions queued ahead of it", async () => {
    // Each busy session has used the shard already; the neighbour has barely.
    await Promise.all(busy.map((s) => s.event({ handler: 'busy', type: 'tap' })));
    let doneBefore = 0;
    const queued = busy.flatMap((s) => [1, 2, 3].map(() => s.event({ handler: 'busy', type: 'tap' }).then(() => void doneBefore++)));
    await neighbour.expectAnswers();
    const finishedAhead = doneBefore;
    await Promise.all(queued);
    // First come, first served, all 18 ran first. Now at most the one running when the tap came
    // (and one more if the tap reached the shard a moment after it chose).
    expect(finishedAhead).toBeLessThanOrEqual(2);
    expect(busy.every((s) => s.ended === null)).toBe(true);
  });
});

describe('a shard shared with sessions whose intervals keep it busy', () => {
  let rt: Runtime;
  let neighbour: Neighbour;
  let ticks = 0;
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 1 });
    neighbour = await Neighbour.open(rt);
    // Within every bound, allowance included: only the sharing is under test here.
    const limits = { cpuPerWindowMs: 1_000_000 };
    for (let i = 0; i < 6; i++) {
      const h = await openHostile(rt, hostileBundle(`spin() { setInterval(() => { ${burn(40)}; this.setData({ n: this.data.n + 1 }); }, 0); },`), { limits });
      h.session!.listen({ update: () => void ticks++ });
      await h.tap('spin');
    }
    // Each has used the shard a while; a session that just started has used less than anyone.
    await until(() => ticks >= 18, 10_000);
  });
  afterAll(() => rt.shutdown());

  it("answers a light session's taps after at most the tick already running, not after every due one", async () => {
    // First come, first served (and Node running every due timer before it reads a message), a
    // tap mostly waited for the whole round of six ticks. Now it waits for the one running, if any.
    const waited: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = ticks;
      await neighbour.expectAnswers();
      waited.push(ticks - before);
    }
    expect(Math.max(...waited), `ticks seen while each tap waited: ${waited.join(', ')}`).toBeLessThanOrEqual(2);
  });
});

