import type { Bus, Subscription } from './bus.ts';

/** One numbered message of a feed; the number is the SSE event id. */
export interface FeedMessage<T> {
  id: number;
  data: T;
}

/**
 * What a stream reads: the messages of one topic after a given id, then each new one, in order.
 * A bus topic is a feed that may have gaps (it keeps only recent messages); a durable log
 * (log.ts) is one that never does while it keeps its events.
 */
export interface Feed<T> {
  follow(after: number | null, fn: (m: FeedMessage<T>) => void): Promise<Subscription>;
  lastId(): Promise<number>;
}

/** A bus topic as a feed. */
export function busFeed<T>(bus: Bus, topic: string): Feed<T> {
  return {
    follow: (after, fn) => bus.subscribe<T>(topic, after, fn),
    lastId: () => bus.lastId(topic),
  };
}
