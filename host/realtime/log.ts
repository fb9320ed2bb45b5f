import { sql, type Kysely, type Transaction } from 'kysely';
import { transact } from '../db/index.ts';
import type { Bus, Subscription } from './bus.ts';
import type { Feed, FeedMessage } from './feed.ts';
import type { RealtimeTables } from './tables.ts';

type Db = Kysely<RealtimeTables>;
type Trx = Transaction<any>;

/** Appends an event to a durable topic inside the caller's transaction; resolves to its number. */
export type Emit = (topic: string, data: unknown) => Promise<number>;

/** How often a follower reads the log for events whose announcement it never heard. */
const CATCH_UP_MS = 15_000;
const PAGE = 500;

/**
 * Durable topics: a sequenced log per topic in the database, for what must not be lost (chat
 * messages, room events). An event is written in the same transaction as the change it tells of,
 * so it exists if and only if that change committed; after the commit the bus announces it to
 * followers on every node. A follower that missed an announcement (a crash between commit and
 * announcement, a dropped connection) reads it from the log: by number on reconnect, and by a
 * periodic catch-up meanwhile. Numbers are the SSE event ids, so a stream resumes exactly.
 */
export function createTopicLog(db: Kysely<any>, bus: Bus) {
  const q = db as Db;
  const announced = (topic: string) => `log:${topic}`;

  async function append(trx: Trx, topic: string, data: unknown): Promise<number> {
    const row = await (trx as Transaction<RealtimeTables>)
      .insertInto('realtime_topics')
      .values({ topic, last_seq: 1 })
      .onConflict((oc) => oc.column('topic').doUpdateSet({ last_seq: sql`realtime_topics.last_seq + 1` }))
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const seq = Number(row.last_seq);
    await (trx as Transaction<RealtimeTables>).insertInto('realtime_events').values({ topic, seq, data: JSON.stringify(data), at: new Date().toISOString() }).execute();
    return seq;
  }

  /**
   * Runs `work` in a transaction (retried on deadlock; joining `within` if given); the events it
   * emits are appended in that transaction and announced once it has committed.
   */
  async function write<R>(work: (trx: Trx, emit: Emit) => Promise<R>, within?: Kysely<any> | Trx): Promise<R> {
    let emitted: { topic: string; seq: number; data: unknown }[] = [];
    const result = await transact(within ?? db, async (trx) => {
      emitted = [];
      return work(trx, async (topic, data) => {
        const seq = await append(trx, topic, data);
        emitted.push({ topic, seq, data });
        return seq;
      });
    });
    // Joined into a caller's transaction, the caller has not committed yet: it announces by
    // calling `announce` itself, or followers find the events at their next catch-up.
    if (!within?.isTransaction) for (const e of emitted) await announce(e.topic, e.seq, e.data);
    return result;
  }

  /** Tells followers an event committed (write() does it for its own transactions). */
  async function announce(topic: string, seq: number, data: unknown): Promise<void> {
    await bus.publish(announced(topic), { seq, data });
  }

  async function read<T>(topic: string, after: number, limit = PAGE, upTo?: number): Promise<FeedMessage<T>[]> {
    let query = q.selectFrom('realtime_events').select(['seq', 'data']).where('topic', '=', topic).where('seq', '>', after);
    if (upTo !== undefined) query = query.where('seq', '<=', upTo);
    const rows = await query.orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({ id: Number(r.seq), data: JSON.parse(r.data) as T }));
  }

  async function lastSeq(topic: string): Promise<number> {
    const row = await q.selectFrom('realtime_topics').select('last_seq').where('topic', '=', topic).executeTakeFirst();
    return row ? Number(row.last_seq) : 0;
  }

  /**
   * A durable topic as a feed: what the log holds after `after`, then each new event once, in
   * order. Announcements that arrive out of turn (or not at all) are filled in from the log.
   */
  function feed<T>(topic: string): Feed<T> {
    return {
      lastId: () => lastSeq(topic),
      async follow(after, fn): Promise<Subscription> {
        const last = await lastSeq(topic);
        // A number this topic never gave (a client from another database, a forged header): the
        // follower starts from now and hears that it must resync.
        const gap = after !== null && after > last;
        let delivered = after === null || gap ? last : after;
        let closed = false;
        /** Delivers what the log holds after what was delivered (up to `upTo`). */
        const fill = async (upTo?: number) => {
          for (;;) {
            if (closed) return;
            const page = await read<T>(topic, delivered, PAGE, upTo);
            for (const m of page) {
              if (closed) return;
              delivered = m.id;
              fn(m);
            }
            if (page.length < PAGE) return;
          }
        };
        // Everything happens on one chain, in order: an announcement waits for a catch-up in
        // flight, and one that skips numbers first fills them in from the log.
        let chain: Promise<void> = Promise.resolve();
        const enqueue = (step: () => Promise<void>) => {
          chain = chain.then(step).catch(() => {});
          return chain;
        };
        const catchUp = () => enqueue(() => fill());
        const sub = await bus.subscribe<{ seq: number; data: T }>(announced(topic), null, (m) => {
          const { seq, data } = m.data;
          void enqueue(async () => {
            if (closed || seq <= delivered) return;
            if (seq > delivered + 1) await fill(seq - 1);
            if (closed || seq <= delivered) return;
            delivered = seq;
            fn({ id: seq, data });
          });
        });
        await catchUp();
        const timer = setInterval(() => void catchUp(), CATCH_UP_MS);
        timer.unref();
        return {
          gap,
          close() {
            closed = true;
            clearInterval(timer);
            sub.close();
          },
        };
      },
    };
  }

  return { append, write, announce, read, lastSeq, feed };
}

export type TopicLog = ReturnType<typeof createTopicLog>;
