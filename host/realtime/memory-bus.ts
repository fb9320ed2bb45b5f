import type { Bus, BusMessage } from './bus.ts';

interface Topic {
  next: number;
  kept: BusMessage[];
  subscribers: Set<(m: BusMessage) => void>;
  /** When it last saw a publish or lost its last subscriber. */
  touched: number;
}

export interface MemoryBusOptions {
  /** Messages kept per topic for subscribers that reconnect; default 200. */
  keep?: number;
  /**
   * A topic nobody listens to and nobody published on for this long is dropped, whatever its
   * owner forgot to drop; default 30 minutes. A shell coming back later hears a gap and resyncs.
   */
  idleMs?: number;
  clock?: () => number;
}

/** The bus of a single node: topics in memory, each with its last `keep` messages for replay. */
export function createMemoryBus(options: MemoryBusOptions = {}): Bus & { topicCount(): number; sweep(): number } {
  const keep = options.keep ?? 200;
  const idleMs = options.idleMs ?? 30 * 60_000;
  const clock = options.clock ?? Date.now;
  const topics = new Map<string, Topic>();
  const topic = (name: string): Topic => {
    let t = topics.get(name);
    if (!t) {
      t = { next: 1, kept: [], subscribers: new Set(), touched: clock() };
      topics.set(name, t);
    }
    return t;
  };

  /** Drops topics idle past `idleMs` with no subscriber; returns how many. */
  function sweep(): number {
    const before = clock() - idleMs;
    let n = 0;
    for (const [name, t] of topics) {
      if (t.subscribers.size === 0 && t.touched <= before) {
        topics.delete(name);
        n++;
      }
    }
    return n;
  }
  const sweeper = setInterval(sweep, Math.max(1000, Math.min(idleMs, 60_000)));
  sweeper.unref();

  return {
    async publish<T>(name: string, data: T): Promise<BusMessage<T>> {
      const t = topic(name);
      const m = { id: t.next++, data };
      t.kept.push(m);
      if (t.kept.length > keep) t.kept.shift();
      t.touched = clock();
      for (const fn of t.subscribers) fn(m);
      return m;
    },
    async subscribe<T>(name: string, afterId: number | null, fn: (m: BusMessage<T>) => void) {
      const t = topic(name);
      const first = t.kept[0]?.id ?? t.next;
      const gap = afterId !== null && (afterId + 1 < first || afterId >= t.next);
      if (afterId !== null && !gap) for (const m of t.kept) if (m.id > afterId) fn(m as BusMessage<T>);
      const f = fn as (m: BusMessage) => void;
      t.subscribers.add(f);
      return {
        gap,
        close: () => {
          if (t.subscribers.delete(f) && t.subscribers.size === 0) t.touched = clock();
        },
      };
    },
    async lastId(name: string) {
      return (topics.get(name)?.next ?? 1) - 1;
    },
    async drop(name: string) {
      topics.delete(name);
    },
    async close() {
      clearInterval(sweeper);
    },
    topicCount: () => topics.size,
    sweep,
  };
}
