/**
 * Real-time fan-out behind one interface: the in-process bus here; several nodes put NATS
 * JetStream behind the same interface. Messages on a topic are numbered, and a subscriber that
 * reconnects with the last number it saw gets what it missed, while it is still kept.
 */
export interface BusMessage<T = unknown> {
  /** Increasing per topic; the SSE event id. */
  id: number;
  data: T;
}

export interface Bus {
  publish<T>(topic: string, data: T): BusMessage<T>;
  /**
   * Calls `fn` for every message published after `afterId` (replaying the kept ones first).
   * `gap` is true when messages after `afterId` were already dropped: the subscriber must resync.
   */
  subscribe<T>(topic: string, afterId: number | null, fn: (m: BusMessage<T>) => void): { gap: boolean; close(): void };
  /** The id of the newest message on a topic (0 when there is none). */
  lastId(topic: string): number;
  /** Forgets a topic and its kept messages (a session that ended). */
  drop(topic: string): void;
}
