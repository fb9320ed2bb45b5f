import { describe, expect, it } from 'vitest';
import { createMemoryBus } from './index.ts';

describe('the in-process bus', () => {
  it('delivers messages to subscribers in order, numbered per topic', () => {
    const bus = createMemoryBus();
    const got: unknown[] = [];
    bus.subscribe('s1', null, (m) => got.push([m.id, m.data]));
    bus.publish('s1', 'a');
    bus.publish('s2', 'other');
    bus.publish('s1', 'b');
    expect(got).toEqual([[1, 'a'], [2, 'b']]);
  });

  it('replays what a reconnecting subscriber missed', () => {
    const bus = createMemoryBus();
    for (const x of ['a', 'b', 'c']) bus.publish('t', x);
    const got: unknown[] = [];
    const sub = bus.subscribe('t', 1, (m) => got.push(m.data));
    expect(sub.gap).toBe(false);
    expect(got).toEqual(['b', 'c']);
  });

  it('says when the missed messages are no longer kept', () => {
    const bus = createMemoryBus(2);
    for (const x of ['a', 'b', 'c', 'd']) bus.publish('t', x);
    const got: unknown[] = [];
    expect(bus.subscribe('t', 0, (m) => got.push(m.data)).gap).toBe(true);
    expect(got).toEqual([]);
  });

  it('stops delivering after close', () => {
    const bus = createMemoryBus();
    const got: unknown[] = [];
    const sub = bus.subscribe('t', null, (m) => got.push(m.data));
    sub.close();
    bus.publish('t', 'x');
    expect(got).toEqual([]);
  });
});
