import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Feed, FeedMessage } from './feed.ts';

export interface StreamOptions<T> {
  feed: Feed<T>;
  /** The id the client saw last (`Last-Event-ID`), or null for a fresh start. */
  lastEventId: number | null;
  /**
   * What a client that starts afresh, or whose resume point is gone, gets first (the whole
   * current state, say); sent with the feed's current id so a later resume continues from there.
   */
  start?: () => Promise<T[]> | T[];
  /** The SSE event name of a message. */
  event(data: T): string;
  /** The stream ends after this message (the session ended). */
  isLast?(data: T): boolean;
  /** A comment this often keeps proxies from closing an idle stream; default 25 s. */
  heartbeatMs?: number;
  /**
   * Messages waiting for a client that does not read: past this many the stream closes, and the
   * client reconnects with its Last-Event-ID, resuming from where it was instead of the server
   * holding an unbounded queue for it. Default 1000.
   */
  maxQueued?: number;
  /** Called once the stream has ended, however it ended. */
  onClose?(): void;
}

/**
 * One message fanned out to a thousand streams is one object written a thousand times: its JSON
 * is made once and remembered for as long as the object lives.
 */
const serialized = new WeakMap<object, string>();
function jsonOf(data: unknown): string {
  if (typeof data !== 'object' || data === null) return JSON.stringify(data);
  let text = serialized.get(data);
  if (text === undefined) serialized.set(data, (text = JSON.stringify(data)));
  return text;
}

/** `Last-Event-ID` (or `?lastEventId=` for clients that cannot set headers), when it is a plain number. */
export function lastEventIdOf(c: Context): number | null {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/**
 * Streams a feed as server-sent events: each message with its number as the event id, resuming
 * after `Last-Event-ID` when the feed still has what follows it, with heartbeats, and closed
 * rather than buffered without end when the client stops reading.
 */
export function streamFeed<T>(c: Context, o: StreamOptions<T>): Response {
  const heartbeatMs = o.heartbeatMs ?? 25_000;
  const maxQueued = o.maxQueued ?? 1000;
  return streamSSE(c, async function feedStream(sse) {
    const queue: FeedMessage<T>[] = [];
    let wake: (() => void) | null = null;
    let overflowed = false;
    let sub: Awaited<ReturnType<typeof o.feed.follow>> | undefined;
    try {
      sub = await o.feed.follow(o.lastEventId, (m) => {
        if (queue.length >= maxQueued) overflowed = true;
        else queue.push(m);
        wake?.();
      });
      if ((o.lastEventId === null || sub.gap) && o.start) {
        const id = await o.feed.lastId();
        // Live messages that arrived meanwhile stay after it: they are newer.
        queue.unshift(...(await o.start()).map((data) => ({ id, data })));
      }
      sse.onAbort(() => wake?.());
      while (!sse.aborted && !sse.closed && !overflowed) {
        while (queue.length && !overflowed) {
          const m = queue.shift()!;
          await sse.writeSSE({ id: String(m.id), event: o.event(m.data), data: jsonOf(m.data) });
          if (o.isLast?.(m.data)) return;
        }
        if (overflowed) break;
        let timer: NodeJS.Timeout | undefined;
        const beat = await new Promise<boolean>((resolve) => {
          wake = () => resolve(false);
          timer = setTimeout(() => resolve(true), heartbeatMs);
          timer.unref();
        });
        clearTimeout(timer);
        wake = null;
        if (beat && !queue.length && !sse.aborted) await sse.write(': keep-alive\n\n');
      }
    } finally {
      // Also when following failed: the stream is over and counts no more.
      sub?.close();
      o.onClose?.();
    }
  });
}
