/**
 * Abuse of host calls: too many, too many waiting, re-entrant, malformed, answered after the
 * session ended, or aimed at the host's prototypes through the real dispatcher.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher, defaultLimits, type Runtime, type Session } from '../../runtime/index.ts';
import type { Outcome } from '../../sdk/contract/index.ts';
import { createMemoryHost } from '../../sdk/testing/memory-host.ts';
import { expectContained, hostileBundle, openHostile, until, withTopology, expectSurvivedAndContained } from './hostile.ts';
import type { Neighbours } from './neighbour.ts';

const HANDLER_MS = defaultLimits.handlerMs;
/**
 * A thousand host calls take 50-150 ms of guest time on this machine kind, as much as the default
 * CPU budget: tests of the call bounds give the CPU room so that the bound under test is the one hit.
 */
const ROOMY = { handlerMs: 2000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A host that answers only when told to. */
function heldHost() {
  const held: ((o: Outcome<unknown>) => void)[] = [];
  return {
    held,
    onCall: () => new Promise<Outcome<unknown>>((resolve) => held.push(resolve)),
    answerAll() {
      for (const answer of held.splice(0)) answer({ ok: true, data: { value: 'late' } });
    },
  };
}

let rt: Runtime;
let neighbours: Neighbours;
withTopology((r, n) => {
  rt = r;
  neighbours = n;
}, { pollutionCheck: true });

describe('host calls', () => {
  it('more than 1,000 in one handler end the session with limit_exceeded', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { for (let i = 0; i < 1500; i++) globalThis.__atrium.call('storage.get', { key: 'k' }).catch(() => {}); },`), {
      limits: ROOMY,
    });
    await h.tap('spin');
    await h.expectEnds('limit_exceeded', ROOMY.handlerMs);
    expect(h.calls.length).toBe(defaultLimits.hostCallsPerEntry);
    await expectContained(h, neighbours);
  });

  it('more than 1,000 waiting at once, across handlers, end the session with limit_exceeded', async () => {
    const host = heldHost();
    const h = await openHostile(rt, hostileBundle(`spin() { for (let i = 0; i < 600; i++) globalThis.__atrium.call('storage.get', { key: 'k' + i }).catch(() => {}); },`), {
      onCall: host.onCall,
      limits: ROOMY,
    });
    await h.tap('spin');
    expect(h.reason).toBeNull();
    await h.tap('spin');
    await h.expectEnds('limit_exceeded', ROOMY.handlerMs);
    expect(h.reason!.message).toMatch(/waiting at once/);
    host.answerAll();
    await expectContained(h, neighbours);
  });

  it('made re-entrantly from a getter while another call’s arguments are read count too, and the 1,001st ends the session', async () => {
    const h = await openHostile(
      rt,
      hostileBundle(`spin() {
        const args = { key: 'outer', get value() { for (let i = 0; i < 1001; i++) globalThis.__atrium.call('storage.get', { key: 'inner' }).catch(() => {}); return 1; } };
        globalThis.__atrium.call('storage.set', args).catch(() => {});
      },`),
      { limits: ROOMY },
    );
    await h.tap('spin');
    await h.expectEnds('limit_exceeded', ROOMY.handlerMs);
    expect(h.calls.every((c) => (c.args as { key: string }).key === 'inner')).toBe(true);
    await expectContained(h, neighbours);
  });

  it('answered after the session ended change nothing and reach no one', async () => {
    const host = heldHost();
    const h = await openHostile(rt, hostileBundle(`spin() { globalThis.__atrium.call('storage.get', { key: 'k' }).then((r) => this.setData({ note: r.value })); for (;;) {} },`), {
      onCall: host.onCall,
    });
    await h.tap('spin');
    await h.expectEnds('cpu_exceeded', HANDLER_MS);
    const updates = h.updates.length;
    expect(host.held.length).toBe(1);
    host.answerAll();
    await sleep(50);
    expect(h.updates.length).toBe(updates);
    expect(rt.busy).toBe(0);
    await expectContained(h, neighbours);
  });

  it('from timers stop reaching the host once the session is closed, and late answers are dropped', async () => {
    const host = heldHost();
    const h = await openHostile(rt, hostileBundle(`spin() { setInterval(() => globalThis.__atrium.call('storage.get', { key: 'tick' }), 10); },`), {
      onCall: host.onCall,
    });
    await h.tap('spin');
    await sleep(100);
    expect(h.calls.length).toBeGreaterThan(0);
    await h.session!.close();
    const calls = h.calls.length;
    host.answerAll();
    await sleep(100);
    expect(h.calls.length).toBe(calls);
    expect(h.reason?.code).toBe('session_ended');
    await expectContained(h, neighbours);
  });

  it('with a method name over 64 characters are refused to the program and never reach the host', async () => {
    const h = await openHostile(
      rt,
      hostileBundle(`async spin() {
        try { await globalThis.__atrium.call('storage.' + 'x'.repeat(100), {}); } catch (e) { this.setData({ note: e.code }); }
      },`),
    );
    await h.tap('spin');
    expect(h.note()).toBe('invalid_args');
    expect(h.calls).toEqual([]);
    await expectSurvivedAndContained(h, neighbours);
  });
});

describe('a session ended by too many host calls', () => {
  it('refuses later events and snapshots with the code it ended with', async () => {
    const h = await openHostile(rt, hostileBundle(`spin() { for (let i = 0; i < 1001; i++) globalThis.__atrium.call('storage.get', { key: 'k' }).catch(() => {}); },`), {
      limits: ROOMY,
    });
    await h.tap('spin');
    await h.expectEnds('limit_exceeded', ROOMY.handlerMs);
    await h.tap('probe');
    await expect(h.session!.takeSnapshot()).rejects.toMatchObject({ body: { code: 'limit_exceeded' } });
    expect(h.rejections.map((r) => r.code)).toEqual(['limit_exceeded']);
    await expectContained(h, neighbours);
  });
});

describe('host calls through the real dispatcher', () => {
  it('aimed at prototypes are unknown methods, and __proto__ in arguments stays plain data', async () => {
    const memory = createMemoryHost();
    const dispatch = createDispatcher<Session>({ implementation: memory.implementation, permissions: {} as never });
    const h = await openHostile(
      rt,
      hostileBundle(`async spin() {
        const call = (m, a) => globalThis.__atrium.call(m, a).then(() => 'ok', (e) => e.code);
        const out = [];
        for (const m of ['__proto__.polluted', 'constructor.constructor', 'storage.__proto__', 'storage.constructor', 'toString', 'storage.hasOwnProperty']) out.push(await call(m, {}));
        out.push(await call('storage.set', { key: 'k', value: JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') }));
        const got = await globalThis.__atrium.call('storage.get', { key: 'k' });
        out.push(JSON.stringify(got.value), typeof got.value.polluted);
        this.setData({ note: out.join(' ') });
      },`),
      { onCall: (call) => dispatch(call, h.session!) },
    );
    await h.tap('spin');
    await until(() => h.note() !== '');
    const unknown = Array(6).fill('unknown_method').join(' ');
    expect(h.note()).toBe(`${unknown} ok {"a":1} undefined`);
    const stored = memory.state.storage.get('k') as Record<string, unknown>;
    expect(stored.polluted).toBeUndefined();
    await expectSurvivedAndContained(h, neighbours);
  });
});
