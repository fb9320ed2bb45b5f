import { describe, expect, it } from 'vitest';
import { createMemoryBus } from './index.ts';

describe('the in-process bus', () => {
  it('delivers messages to subscribers in order, numbered per topic', async () => {
    const bus = createMemoryBus();
    const got: unknown[] = [];
    await bus.subscribe('s1', null, (m) => got.push([m.id, m.data]));
    await bus.publish('s1', 'a');
    await bus.publish('s2', 'other');
    await bus.publish('s1', 'b');
    expect(got).toEqual([[1, 'a'], [2, 'b']]);
  });

  it('replays what a reconnecting subscriber missed', async () => {
    const bus = createMemoryBus();
    for (const x of ['a', 'b', 'c']) await bus.publish('t', x);
    const got: unknown[] = [];
    const sub = await bus.subscribe('t', 1, (m) => got.push(m.data));
    expect(sub.gap).toBe(false);
    expect(got).toEqual(['b', 'c']);
  });

  it('says when the missed messages are no longer kept', async () => {
    const bus = createMemoryBus({ keep: 2 });
    for (const x of ['a', 'b', 'c', 'd']) await bus.publish('t', x);
    const got: unknown[] = [];
    expect((await bus.subscribe('t', 0, (m) => got.push(m.data))).gap).toBe(true);
    expect(got).toEqual([]);
  });

  it('says there is a gap for an id the topic never gave, as after the topic was dropped and began again', async () => {
    const bus = createMemoryBus();
    for (const x of ['a', 'b', 'c']) await bus.publish('t', x);
    await bus.drop('t');
    await bus.publish('t', 'again');
    const got: unknown[] = [];
    expect((await bus.subscribe('t', 3, (m) => got.push(m.data))).gap).toBe(true);
    expect(got).toEqual([]);
  });

  it('stops delivering after close', async () => {
    const bus = createMemoryBus();
    const got: unknown[] = [];
    const sub = await bus.subscribe('t', null, (m) => got.push(m.data));
    sub.close();
    await bus.publish('t', 'x');
    expect(got).toEqual([]);
  });

  it('forgets a dropped topic and what it kept', async () => {
    const bus = createMemoryBus();
    await bus.publish('t', 'x');
    expect(bus.topicCount()).toBe(1);
    await bus.drop('t');
    expect(bus.topicCount()).toBe(0);
    expect(await bus.lastId('t')).toBe(0);
  });

  it('drops a topic nobody listened to or published on for its idle time, and keeps one with a listener', async () => {
    let now = 0;
    const bus = createMemoryBus({ idleMs: 1000, clock: () => now });
    await bus.publish('forgotten', 'x');
    await bus.subscribe('watched', null, () => {});
    now = 1500;
    expect(bus.sweep()).toBe(1);
    expect(bus.topicCount()).toBe(1);
    await bus.close();
  });
});
