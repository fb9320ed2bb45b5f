/**
 * Real-time fan-out behind one asynchronous interface: the in-process bus by default; several
 * nodes put NATS behind the same interface without their callers changing. Messages on a topic
 * are numbered; a subscriber that reconnects with the last number it saw gets what it missed
 * while the bus still keeps it, or hears that there is a gap and must start afresh.
 */
export interface BusMessage<T = unknown> {
  /** Increasing per topic; the SSE event id. */
  id: number;
  data: T;
}

export interface Subscription {
  /**
   * True when messages after the given id can no longer be had (too old, or the id is not one
   * this topic gave: it was dropped and began again). The subscriber must start afresh.
   */
  gap: boolean;
  close(): void;
}

export interface Bus {
  publish<T>(topic: string, data: T): Promise<BusMessage<T>>;
  /** Calls `fn` for every message after `afterId` (replaying the kept ones first), then for each new one. */
  subscribe<T>(topic: string, afterId: number | null, fn: (m: BusMessage<T>) => void): Promise<Subscription>;
  /** The id of the newest message on a topic (0 when there is none). */
  lastId(topic: string): Promise<number>;
  /** Forgets a topic and what it kept: nobody can need it any more (a session that ended). */
  drop(topic: string): Promise<void>;
  /** Stops the bus's own timers and connections. */
  close(): Promise<void>;
}
