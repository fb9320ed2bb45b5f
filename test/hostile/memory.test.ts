/**
 * Memory bombs against a merchant module with a fixed 32 MiB maximum: the guest runs out of memory
 * cleanly and its session ends with memory_exceeded; other merchants live in other modules.
 */
import { describe, expect, it } from 'vitest';
import { type Runtime } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, withTopology, expectSurvivedAndContained } from './hostile.ts';
import type { Neighbours } from './neighbour.ts';

/**
 * A generous CPU budget, so the bound under test is memory even on a loaded machine; each bomb
 * exhausts 32 MiB in well under a second.
 */
const HANDLER_MS = 3000;
const limits = { memoryBytes: 32 * 1024 * 1024, handlerMs: HANDLER_MS, evalMs: HANDLER_MS };

const BOMBS = {
  'many small objects kept in a global': 'globalThis.hog = []; for (let i = 0; ; i++) hog.push({ i });',
  'many small objects in a local array': 'const a = []; for (let i = 0; ; i++) a.push({ i, b: [i] });',
  'big strings': `const a = []; for (;;) a.push('x'.repeat(1 << 20) + a.length);`,
  'one string bigger than the module': `globalThis.s = 'x'.repeat(64 * 1024 * 1024);`,
  'one ArrayBuffer bigger than the module': 'globalThis.b = new ArrayBuffer(64 * 1024 * 1024);',
  'many 1 MiB ArrayBuffers': 'const a = []; for (;;) a.push(new ArrayBuffer(1 << 20));',
  'a growing Map': `const m = new Map(); for (let i = 0; ; i++) m.set(i, 'v' + i);`,
};

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
});

describe('running out of memory', () => {
  it.each(Object.entries(BOMBS))('with %s in a handler ends the session with memory_exceeded', async (_, code) => {
    const h = await openHostile(rt, hostileBundle(`spin() { ${code} },`), { limits });
    await h.tap('spin');
    await h.expectEnds('memory_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('at the top level of the bundle ends the open with memory_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle('', BOMBS['many small objects kept in a global']), { limits });
    expect(h.opened).toBe(false);
    await h.expectEnds('memory_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('while rendering ends the session with memory_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { this.setData({ big: true }); }, render() { if (this.data.big) { ${BOMBS['big strings']} } return { type: 'view', props: {}, children: [] }; },`), { limits });
    expect(h.opened).toBe(true);
    await h.tap('spin');
    await h.expectEnds('memory_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('in a program that catches it itself and lets go of the memory is contained, and it keeps running', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { try { ${BOMBS['big strings']} } catch (e) { this.setData({ note: e.name }); } },`), { limits });
    await h.tap('spin');
    expect(h.note()).toBe('InternalError');
    await expectSurvivedAndContained(h, neighbours);
  });

  it('leaves the merchant able to open a new session that works', async () => {
    const bomb = await openHostile(rt, hostileBundle(`spin() { ${BOMBS['many small objects kept in a global']} },`), { limits });
    await bomb.tap('spin');
    await bomb.expectEnds('memory_exceeded', HANDLER_MS);
    const h = await openHostile(rt, hostileBundle(''), { limits });
    expect(h.opened).toBe(true);
    await expectSurvivedAndContained(h, neighbours);
  });
});
