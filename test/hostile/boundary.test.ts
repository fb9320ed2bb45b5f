/**
 * Abuse of what crosses the boundary: oversized, cyclic, getter-laden, prototype-keyed or oddly
 * typed data and views, and oversized bridge arguments. The host reads only strings it parsed
 * itself and validates them; whatever it refuses ends the session with a stable code.
 */
import { describe, expect, it } from 'vitest';
import { defaultLimits, type Runtime } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, withTopology, expectSurvivedAndContained } from './hostile.ts';
import type { Neighbours } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;

/** A page whose render returns `view` (an expression over `this`). */
const rendering = (view: string) => hostileBundle(`render() { return ${view}; },`);

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
}, { pollutionCheck: true });

describe('setData', () => {
  it('of more than 1 MiB ends the session with too_large', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { this.setData({ x: 'x'.repeat(2e6) }); },`));
    await h.tap('spin');
    await h.expectEnds('too_large', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('of cyclic data is refused to the program, which keeps its last view and keeps running', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { const a = {}; a.self = a; this.setData({ a }); },`));
    const before = JSON.stringify(h.session!.view);
    await h.tap('spin');
    expect(h.logs.join('\n')).toMatch(/TypeError: circular reference/);
    expect(JSON.stringify(h.session!.view)).toBe(before);
    await expectSurvivedAndContained(h, neighbours);
  });

  it('with __proto__ keys or paths is refused to the program and pollutes no prototype', async () => {
    const h = await openHostile(
      rt,
      hostileBundle(`spin() {
        const out = [];
        for (const patch of [JSON.parse('{"__proto__": {"polluted": 1}}'), { '__proto__.polluted': 1 }, { 'a.constructor.prototype.polluted': 1 }]) {
          try { this.setData(patch); out.push('accepted'); } catch (e) { out.push('refused'); }
        }
        this.setData({ note: out.join(',') + ' ' + typeof ({}).polluted });
      },`),
    );
    await h.tap('spin');
    expect(h.note()).toBe('refused,refused,refused undefined');
    await expectSurvivedAndContained(h, neighbours);
  });
});

describe('a rendered view', () => {
  it('with a __proto__ key in its data ends the session with invalid_view', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'view', props: { data: JSON.parse('{"__proto__": {"polluted": 1}}') }, children: [] }`));
    expect(h.opened).toBe(false);
    await h.expectEnds('invalid_view', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it.each(['constructor', 'prototype'])('with a %s key in its data ends the session with invalid_view', async (key) => {
    const h = await openHostile(rt, rendering(`{ type: 'view', props: { data: { ${key}: { polluted: 1 } } }, children: [] }`));
    await h.expectEnds('invalid_view', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('with a getter that changes its answer on every read cannot slip an unknown component through', async () => {
    const h = await openHostile(rt, rendering(`(() => { let reads = 0; return { get type() { return reads++ === 0 ? 'view' : 'script'; }, props: {}, children: ['ok'] }; })()`));
    expect(h.opened).toBe(true);
    expect(h.session!.view).toEqual({ type: 'view', props: {}, children: ['ok'] });
    expect(h.reason).toBeNull();
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with an unknown component ends the session with invalid_view', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'script', props: {}, children: ['alert(1)'] }`));
    await h.expectEnds('invalid_view', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('with an unknown prop ends the session with invalid_view', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'view', props: { onclick: 'steal()', dangerouslySetInnerHTML: '<img onerror=x>' }, children: [] }`));
    await h.expectEnds('invalid_view', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('with a url() in a style ends the session with invalid_view', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'view', props: { style: { background: 'url(https://evil.example/x)' } }, children: [] }`));
    await h.expectEnds('invalid_view', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('with a javascript: image source ends the session with invalid_view', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'image', props: { src: 'javascript:alert(1)' }, children: [] }`));
    await h.expectEnds('invalid_view', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('of 10,001 nodes ends the session with invalid_view', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'view', props: {}, children: Array.from({ length: 10001 }, () => ({ type: 'text', props: {}, children: [] })) }`));
    await h.expectEnds('invalid_view', HANDLER_MS);
    expect(h.reason!.message).toMatch(/more than 10000 nodes/);
    await expectContained(h, neighbours);
  });

  it('nested 200 deep ends the session with invalid_view', async () => {
    const h = await openHostile(rt, rendering(`(() => { let n = { type: 'view', props: {}, children: [] }; for (let i = 0; i < 200; i++) n = { type: 'view', props: {}, children: [n] }; return n; })()`));
    await h.expectEnds('invalid_view', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('over 4 MiB as a frame ends the session with too_large', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'view', props: {}, children: Array.from({ length: 300 }, (_, i) => ({ type: 'text', props: {}, children: ['x'.repeat(19999)] })) }`));
    await h.expectEnds('too_large', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('with a BigInt in it ends the first render with program_error', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'view', props: { data: 1n }, children: [] }`));
    await h.expectEnds('program_error', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('with data nested 20,000 deep ends the session with invalid_view at once and leaves the module working', async () => {
    const deep = `(() => { let d = {}; for (let i = 0; i < 20000; i++) d = { d }; return d; })()`;
    const h = await openHostile(rt, rendering(`{ type: 'view', props: { data: ${deep} }, children: [] }`));
    await h.expectEnds('invalid_view', HANDLER_MS);
    expect(h.reason!.message).toMatch(/nested too deeply/);
    await expectContained(h, neighbours);
    const next = await openHostile(rt, rendering(`{ type: 'view', props: { data: { ok: [1] } }, children: ['fine'] }`));
    expect(next.session!.view).toEqual({ type: 'view', props: { data: { ok: [1] } }, children: ['fine'] });
    await next.session!.close();
  });

  it('with a Date, a toJSON and one object used twice comes through as JSON would make it', async () => {
    const h = await openHostile(
      rt,
      rendering(`(() => { const shared = { k: [1, { v: 2 }] }; return { type: 'view', props: { data: { when: new Date(0), t: { toJSON() { return 'T'; } }, a: shared, b: shared, f() {}, u: undefined, list: [undefined, () => 1, NaN] } }, children: [] }; })()`),
    );
    expect(h.opened).toBe(true);
    expect(h.session!.view).toEqual({
      type: 'view',
      props: { data: { when: '1970-01-01T00:00:00.000Z', t: 'T', a: { k: [1, { v: 2 }] }, b: { k: [1, { v: 2 }] }, list: [null, null, null] } },
      children: [],
    });
    await expectContained(h, neighbours);
    await h.session!.close();
  });

  it('with symbols in props and a number as a child comes through as plain JSON', async () => {
    const h = await openHostile(rt, rendering(`{ type: 'view', props: { id: Symbol('x'), data: { s: Symbol('y'), n: NaN } }, children: [42, undefined, true] }`));
    expect(h.opened).toBe(true);
    expect(h.session!.view).toEqual({ type: 'view', props: { data: { n: null } }, children: ['42'] });
    await expectContained(h, neighbours);
    await h.session!.close();
  });
});

describe('bridge arguments', () => {
  it('over 64 KiB are refused to the program with too_large and never reach the host', async () => {
    const h = await openHostile(
      rt,
      hostileBundle(`async spin() {
        try { await globalThis.__atrium.call('storage.set', { key: 'k', value: 'x'.repeat(1e5) }); this.setData({ note: 'sent' }); }
        catch (e) { this.setData({ note: e.code }); }
      },`),
    );
    await h.tap('spin');
    expect(h.note()).toBe('too_large');
    expect(h.calls).toEqual([]);
    await expectSurvivedAndContained(h, neighbours);
  });
});

describe('a bundle', () => {
  it('over 2 MiB is refused with too_large before it is evaluated', async () => {
    const h = await openHostile(rt, hostileBundle('', `/*${'x'.repeat(defaultLimits.bundleBytes)}*/`));
    expect(h.opened).toBe(false);
    await h.expectEnds('too_large', HANDLER_MS);
    await expectContained(h, neighbours);
  });
});
