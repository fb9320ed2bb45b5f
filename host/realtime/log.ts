import { sql, type Kysely, type Transaction } from 'kysely';
import { transact } from '../db/index.ts';
import type { Bus, Subscription } from './bus.ts';
import type { Feed, FeedMessage } from './feed.ts';
import type { RealtimeTables } from './tables.ts';

type Db = Kysely<RealtimeTables>;
type Trx = Transaction<any>;

/**
 * Appends an event to one durable topic, or the same event to several (a message to each member's
 * inbox), inside the caller's transaction; resolves to its number in each. `live`, when given, is
 * what followers hear now instead of `data` (the whole message, where the log keeps a reference).
 */
export type Emit = (topics: string | string[], data: unknown, live?: unknown) => Promise<Map<string, number>>;

export interface FeedOptions<T> {
  /** Turns events read back from the log into what followers heard live (references into messages). */
  hydrate?(events: FeedMessage<unknown>[]): Promise<FeedMessage<T>[]>;
}

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
    return (await appendMany(trx, [topic], data)).get(topic)!;
  }

  /**
   * The same event on many topics in two statements, however many there are. Topics are locked in
   * sorted order, so two writers to overlapping sets (two groups sharing members) wait rather than
   * deadlock.
   */
  async function appendMany(trx: Trx, topics: string[], data: unknown): Promise<Map<string, number>> {
    const unique = [...new Set(topics)].sort();
    const out = new Map<string, number>();
    if (!unique.length) return out;
    const t = trx as Transaction<RealtimeTables>;
    const rows = await t
      .insertInto('realtime_topics')
      .values(unique.map((topic) => ({ topic, last_seq: 1 })))
      .onConflict((oc) => oc.column('topic').doUpdateSet({ last_seq: sql`realtime_topics.last_seq + 1` }))
      .returning(['topic', 'last_seq'])
      .execute();
    for (const r of rows) out.set(r.topic, Number(r.last_seq));
    const text = JSON.stringify(data);
    const at = new Date().toISOString();
    await t.insertInto('realtime_events').values(unique.map((topic) => ({ topic, seq: out.get(topic)!, data: text, at }))).execute();
    return out;
  }

  /**
   * Runs `work` in a transaction (retried on deadlock; joining `within` if given); the events it
   * emits are appended in that transaction and announced once it has committed.
   */
  async function write<R>(work: (trx: Trx, emit: Emit) => Promise<R>, within?: Kysely<any> | Trx): Promise<R> {
    let emitted: { topic: string; seq: number; data: unknown }[] = [];
    const result = await transact(within ?? db, async (trx) => {
      emitted = [];
      return work(trx, async (topics, data, live) => {
        const seqs = await appendMany(trx, typeof topics === 'string' ? [topics] : topics, data);
        for (const [topic, seq] of seqs) emitted.push({ topic, seq, data: live === undefined ? data : live });
        return seqs;
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

  /** The oldest event the log still keeps of a topic (0 when it keeps none). */
  async function firstSeq(topic: string): Promise<number> {
    const row = await q.selectFrom('realtime_events').select('seq').where('topic', '=', topic).orderBy('seq').limit(1).executeTakeFirst();
    return row ? Number(row.seq) : 0;
  }

  /**
   * Forgets events older than `before` (ISO time) on topics starting with `prefix`: a follower
   * that was away longer hears a gap and resyncs from the whole state. Resolves to how many went.
   */
  async function trim(prefix: string, before: string): Promise<number> {
    const r = await q.deleteFrom('realtime_events').where('topic', 'like', `${prefix}%`).where('at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async function lastSeq(topic: string): Promise<number> {
    const row = await q.selectFrom('realtime_topics').select('last_seq').where('topic', '=', topic).executeTakeFirst();
    return row ? Number(row.last_seq) : 0;
  }

  /**
   * A durable topic as a feed: what the log holds after `after`, then each new event once, in
   * order. Announcements that arrive out of turn (or not at all) are filled in from the log.
   */
  function feed<T>(topic: string, options: FeedOptions<T> = {}): Feed<T> {
    const page = async (after: number, upTo?: number): Promise<FeedMessage<T>[]> => {
      const raw = await read<unknown>(topic, after, PAGE, upTo);
      return options.hydrate ? options.hydrate(raw) : (raw as FeedMessage<T>[]);
    };
    return {
      lastId: () => lastSeq(topic),
      async follow(after, fn): Promise<Subscription> {
        const last = await lastSeq(topic);
        // A number this topic never gave (a client from another database, a forged header), or
        // one older than what the log still keeps: the follower starts from now and must resync.
        let gap = after !== null && after > last;
        if (after !== null && !gap && after < last) {
          const first = await firstSeq(topic);
          gap = first === 0 || first > after + 1;
        }
        let delivered = after === null || gap ? last : after;
        let closed = false;
        /** Delivers what the log holds after what was delivered (up to `upTo`). */
        const fill = async (upTo?: number) => {
          for (;;) {
            if (closed) return;
            const events = await page(delivered, upTo);
            for (const m of events) {
              if (closed) return;
              delivered = m.id;
              fn(m);
            }
            if (events.length < PAGE) return;
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

  return { append, appendMany, write, announce, read, lastSeq, firstSeq, trim, feed };
}

export type TopicLog = ReturnType<typeof createTopicLog>;
