/**
 * A server-sent event stream read with fetch rather than EventSource: the shell sees the status of
 * a refused stream (401: sign in again; 404: the session is gone) instead of a silent retry loop,
 * and decides the `Last-Event-ID` it resumes from.
 */

export interface StreamOptions {
  url: string;
  /** Resume after this event id; 0 replays a new session's stream from its start. */
  lastEventId?: string | null;
  onEvent(event: string, data: string): void;
  /** The stream was refused with this status; true to stop trying. */
  onRefused(status: number, body: unknown): boolean;
  /** Connected (true) or lost and retrying (false). */
  onConnection?(connected: boolean): void;
}

export interface Stream {
  close(): void;
  /** Drops the resume point and reconnects: the host answers with a whole frame first. */
  resync(): void;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

export function openStream(o: StreamOptions): Stream {
  let lastId = o.lastEventId ?? null;
  let closed = false;
  let controller: AbortController | null = null;
  let wakeRetry: (() => void) | null = null;
  let immediate = false;

  async function run(): Promise<void> {
    for (let attempt = 0; !closed; ) {
      controller = new AbortController();
      const headers: Record<string, string> = { accept: 'text/event-stream', 'x-atrium-account': 'user' };
      if (lastId !== null) headers['last-event-id'] = lastId;
      try {
        const res = await fetch(o.url, { headers, credentials: 'same-origin', cache: 'no-store', signal: controller.signal });
        if (!res.ok || !res.body) {
          if (o.onRefused(res.status, await res.json().catch(() => null))) return;
        } else {
          attempt = 0;
          o.onConnection?.(true);
          await read(res.body, controller.signal);
        }
      } catch {
        // Aborted by resync() or close(), or the network dropped: both go round again (or stop).
      }
      if (closed) return;
      if (immediate) {
        immediate = false;
        continue;
      }
      o.onConnection?.(false);
      const wait = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt++);
      await new Promise<void>((r) => {
        wakeRetry = r;
        setTimeout(r, wait);
      });
      wakeRetry = null;
      immediate = false;
    }
  }

  function deliver(event: string, data: string): void {
    try {
      o.onEvent(event, data);
    } catch (e) {
      // One bad message must not drop the stream (and replay everything after it).
      console.error('shell: could not handle a stream message', e);
    }
  }

  /** The event stream format: `field: value` lines, an event per blank line. */
  async function read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    signal.addEventListener('abort', () => void reader.cancel().catch(() => {}));
    let buffer = '';
    let event = '';
    let data: string[] = [];
    let id: string | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done || closed) return;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + (buffer[nl] === '\r' && buffer[nl + 1] === '\n' ? 2 : 1));
        if (line === '') {
          if (id !== null) lastId = id;
          if (data.length) deliver(event || 'message', data.join('\n'));
          if (closed || signal.aborted) return;
          event = '';
          data = [];
          id = null;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const v = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = v;
        else if (field === 'data') data.push(v);
        else if (field === 'id' && !v.includes('\0')) id = v;
      }
    }
  }

  void run();
  return {
    close() {
      closed = true;
      controller?.abort();
      wakeRetry?.();
    },
    resync() {
      lastId = null;
      immediate = true;
      controller?.abort();
      wakeRetry?.();
    },
  };
}
