import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { migrate, type Db } from '../db/index.ts';
import { createMemoryBus, createTopicLog, realtimeMigrations, type FeedMessage, type TopicLog } from './index.ts';

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.each(testDatabases())('durable topics on $name', (tdb) => {
  let db: Db<any>;
  let log: TopicLog;
  const bus = createMemoryBus();
  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [realtimeMigrations]);
    log = createTopicLog(db.kysely, bus);
  });
  afterAll(async () => {
    await bus.close();
    await db.close();
  });

  it('numbers the events of each topic from 1, one after another', async () => {
    await log.write(async (_trx, emit) => {
      await emit('chat:a', 'hello');
      await emit('chat:b', 'elsewhere');
      await emit('chat:a', 'again');
    });
    expect((await log.read('chat:a', 0)).map((m) => [m.id, m.data])).toEqual([[1, 'hello'], [2, 'again']]);
    expect(await log.lastSeq('chat:b')).toBe(1);
  });

  it('keeps nothing of a transaction that rolled back, and gives its numbers to the next one', async () => {
    await expect(log.write(async (_trx, emit) => {
      await emit('chat:r', 'never');
      throw new Error('changed my mind');
    })).rejects.toThrow();
    expect(await log.read('chat:r', 0)).toEqual([]);
    await log.write((_trx, emit) => emit('chat:r', 'kept'));
    expect(await log.read('chat:r', 0)).toEqual([{ id: 1, data: 'kept' }]);
  });

  it('numbers events without gap or repeat when many writers append to one topic at once', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => log.write((_trx, emit) => emit('chat:busy', i))));
    const all = await log.read<number>('chat:busy', 0, 1000);
    expect(all.map((m) => m.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(all.map((m) => m.data)).size).toBe(40);
  });

  it('gives a follower what came after its number, then each new event once, in order', async () => {
    for (const x of ['a', 'b', 'c']) await log.write((_trx, emit) => emit('chat:f', x));
    const got: FeedMessage<string>[] = [];
    const sub = await log.feed<string>('chat:f').follow(1, (m) => got.push(m));
    await log.write((_trx, emit) => emit('chat:f', 'd'));
    await until(() => got.length === 3);
    expect(got).toEqual([{ id: 2, data: 'b' }, { id: 3, data: 'c' }, { id: 4, data: 'd' }]);
    sub.close();
  });

  it('fills in an event whose announcement never came before the next one it hears', async () => {
    const got: number[] = [];
    const sub = await log.feed('chat:lost').follow(0, (m) => got.push(m.id));
    // Committed, but the process died before announcing it.
    await db.kysely.transaction().execute((trx) => log.append(trx, 'chat:lost', 'silent'));
    await log.write((_trx, emit) => emit('chat:lost', 'heard'));
    await until(() => got.length === 2);
    expect(got).toEqual([1, 2]);
    sub.close();
  });

  it('appends one event to many topics at once, each numbered in its own topic', async () => {
    await log.write((_trx, emit) => emit('inbox:x', 'first'));
    const seqs = await log.write((_trx, emit) => emit(['inbox:x', 'inbox:y', 'inbox:x'], { ref: 1 }));
    expect([...seqs]).toEqual([['inbox:x', 2], ['inbox:y', 1]]);
    expect(await log.read('inbox:y', 0)).toEqual([{ id: 1, data: { ref: 1 } }]);
  });

  it('gives followers the live form of an event at once and the same form, hydrated, when read back', async () => {
    const hydrate = async (events: FeedMessage<unknown>[]) => events.map((e) => ({ id: e.id, data: { ...(e.data as object), text: 'the whole message' } }));
    const live: unknown[] = [];
    const sub = await log.feed('inbox:h', { hydrate }).follow(0, (m) => live.push(m.data));
    await log.write((_trx, emit) => emit('inbox:h', { ref: 7 }, { ref: 7, text: 'the whole message' }));
    await until(() => live.length === 1);
    sub.close();
    const replayed: unknown[] = [];
    const again = await log.feed('inbox:h', { hydrate }).follow(0, (m) => replayed.push(m.data));
    await until(() => replayed.length === 1);
    again.close();
    expect(replayed).toEqual(live);
  });

  it('tells a follower to resync when the events after its number were trimmed away', async () => {
    for (const x of ['a', 'b', 'c']) await log.write((_trx, emit) => emit('inbox:t', x));
    expect(await log.trim('inbox:t', new Date(Date.now() + 1000).toISOString())).toBe(3);
    const sub = await log.feed('inbox:t').follow(1, () => {});
    expect(sub.gap).toBe(true);
    sub.close();
  });

  it('tells a follower with a number the topic never gave to start afresh', async () => {
    await log.write((_trx, emit) => emit('chat:g', 'one'));
    const sub = await log.feed('chat:g').follow(99, () => {});
    expect(sub.gap).toBe(true);
    sub.close();
  });
});
