import type { Bus, BusMessage } from './bus.ts';

interface Topic {
  next: number;
  kept: BusMessage[];
  subscribers: Set<(m: BusMessage) => void>;
}

/** The bus of a single node: topics in memory, the last `keep` messages of each kept for replay. */
export function createMemoryBus(keep = 200): Bus {
  const topics = new Map<string, Topic>();
  const topic = (name: string): Topic => {
    let t = topics.get(name);
    if (!t) {
      t = { next: 1, kept: [], subscribers: new Set() };
      topics.set(name, t);
    }
    return t;
  };

  return {
    publish<T>(name: string, data: T): BusMessage<T> {
      const t = topic(name);
      const m = { id: t.next++, data };
      t.kept.push(m);
      if (t.kept.length > keep) t.kept.shift();
      for (const fn of t.subscribers) fn(m);
      return m;
    },
    subscribe<T>(name: string, afterId: number | null, fn: (m: BusMessage<T>) => void) {
      const t = topic(name);
      const first = t.kept[0]?.id ?? t.next;
      const gap = afterId !== null && afterId + 1 < first;
      if (afterId !== null && !gap) for (const m of t.kept) if (m.id > afterId) fn(m as BusMessage<T>);
      const f = fn as (m: BusMessage) => void;
      t.subscribers.add(f);
      return { gap, close: () => t.subscribers.delete(f) };
    },
    lastId(name: string) {
      return (topics.get(name)?.next ?? 1) - 1;
    },
    drop(name: string) {
      topics.delete(name);
    },
  };
}
