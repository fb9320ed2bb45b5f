/** Catastrophic backtracking: the matcher polls the deadline, so the session ends with cpu_exceeded. */
import { describe, expect, it } from 'vitest';
import { defaultLimits, type Runtime } from '../../runtime/index.ts';
import { expectContained, hostileBundle, openHostile, withTopology, expectSurvivedAndContained } from './hostile.ts';
import type { Neighbours } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
});

describe('a catastrophic regular expression', () => {
  it('with nested quantifiers on a near-match ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { /^(a+)+$/.test('a'.repeat(40) + 'b'); },`));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('with overlapping repetitions over a long input ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { /(x+x+)+y/.test('x'.repeat(5000)); },`));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('built at run time from a string and used by replace ends the session with cpu_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { ('a'.repeat(32) + '!').replace(new RegExp('(a|aa)+$'), ''); },`));
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    await expectContained(h, neighbours);
  });

  it('run at the top level of the bundle ends the open with cpu_exceeded', async () => {
    const evalMs = 200;
    const h = await openHostile(rt, hostileBundle('', `/^(a+)+$/.test('a'.repeat(40) + 'b');`), { limits: { evalMs } });
    expect(h.opened).toBe(false);
    await h.expectEnds('cpu_exceeded', evalMs);
    await expectContained(h, neighbours);
  });

  it('nested too deeply to compile is a program error the session survives', async () => {
    const h = await openHostile(
      rt,
      hostileBundle(`spin() { try { new RegExp('(?:'.repeat(1e5) + ')'.repeat(1e5)); } catch (e) { this.setData({ note: e.name }); } },`),
    );
    await h.tap('spin');
    expect(h.note()).toBe('SyntaxError');
    await expectSurvivedAndContained(h, neighbours);
  });
});
