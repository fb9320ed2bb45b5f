/**
 * Deep recursion and deep nesting: QuickJS's own stack bound (inside a worker with a large native
 * stack) turns each into stack_exceeded for that session, and never into a host-side overflow that
 * would retire the merchant's module or crash the shard.
 */
import { describe, expect, it } from 'vitest';
import { defaultLimits, Runtime } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, withTopology, expectSurvivedAndContained } from './hostile.ts';
import { Neighbours, SECRET } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;
const EVAL_MS = defaultLimits.evalMs;

const DEEP = {
  recursion: 'function f(n) { return f(n + 1) + 1; } f(0);',
  'JSON.parse': `JSON.parse('['.repeat(1e5));`,
  'array literals': `eval('['.repeat(1e5) + ']'.repeat(1e5));`,
};

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
});

describe('too deep', () => {
  it.each(Object.entries(DEEP))('%s in a handler ends the session with stack_exceeded', async (_, code) => {
    const h = await openHostile(rt, hostileBundle(`spin() { ${code} },`));
    await h.tap('spin');
    await h.expectEnds('stack_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it.each(Object.entries(DEEP))('%s at the top level of the bundle ends the open with stack_exceeded', async (_, code) => {
    const h = await openHostile(rt, hostileBundle('', code));
    expect(h.opened).toBe(false);
    await h.expectEnds('stack_exceeded', EVAL_MS);
    await expectContained(h, neighbours);
  });

  it('a bundle that is 100,000 nested array literals fails to open with stack_exceeded', async () => {
    const h = await openHostile(rt, '['.repeat(1e5) + ']'.repeat(1e5));
    expect(h.opened).toBe(false);
    await h.expectEnds('stack_exceeded', EVAL_MS);
    await expectContained(h, neighbours);
  });

  it('a render that recurses without end ends the session with stack_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { this.setData({ deep: true }); }, render() { return this.data.deep ? this.render() : { type: 'view', props: {}, children: [] }; },`));
    expect(h.opened).toBe(true);
    await h.tap('spin');
    await h.expectEnds('stack_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('recursion in an async handler, surfacing as a rejection, ends the session with stack_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('async spin() { await null; const f = (n) => f(n + 1) + 1; f(0); },'));
    await h.tap('spin');
    await h.expectEnds('stack_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('a program that catches its own stack overflow keeps running', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { try { ${DEEP.recursion} } catch (e) { this.setData({ note: e.name }); } },`));
    await h.tap('spin');
    expect(h.note()).toBe('RangeError');
    await expectSurvivedAndContained(h, neighbours);
  });
});

describe('stack overflows repeated on one merchant module', () => {
  it('twenty-one of them, seven of each kind, leave the module healthy for the merchant’s next session', async () => {
    const one = await Runtime.create({ shards: 1 });
    try {
      const local = await Neighbours.open(one, 1);
      const kinds = Object.values(DEEP);
      let modules = 0;
      for (let i = 0; i < 21; i++) {
        const h = await openHostile(one, hostileBundle(`spin() { ${kinds[i % kinds.length]} },`));
        await h.tap('spin');
        await h.expectEnds('stack_exceeded', HANDLER_MS);
        expect(h.produced()).not.toContain(SECRET);
        if (i === 0) modules = (await one.stats())[0]!.modules;
      }
      // Same merchant, same memory size: a module that had to be retired would show as a new one.
      const h = await openHostile(
        one,
        hostileBundle(`sum() { const f = (n) => (n === 0 ? 0 : n + f(n - 1)); this.setData({ note: f(1000) + ' ' + JSON.stringify(JSON.parse('['.repeat(100) + ']'.repeat(100))).length }); },`),
      );
      expect((await one.stats())[0]!.modules).toBe(modules);
      await h.tap('sum');
      expect(h.note()).toBe('500500 200');
      await h.expectStillAnswers();
      await expectContained(h, local);
    } finally {
      await one.shutdown();
    }
  });
});
