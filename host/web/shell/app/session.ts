/**
 * One run of a mini-program on the host: opening its session, the user's events sent one at a
 * time in the order they were made (each answered with the frame after it), the host's prompts
 * answered, and what the host pushes read from the session's stream: frames (kept in order and
 * mended with a whole frame after a gap, ../frames.ts), host-drawn UI, and the end. It draws
 * nothing: a `SessionView` does.
 */
import type { ViewUpdate } from '../../../../lib/frames.ts';
import type { ShellEvent } from '../../../../sdk/contract/view.ts';
import type { ShellMessage } from '../../../sessions/browser.ts';
import { api, must, type Schemas } from '../../api/client.ts';
import { ApiError } from '../../common/http.ts';
import { FrameState } from '../frames.ts';
import { openStream, type Stream } from '../sse.ts';
import { callFailed, endedBy, openFailed, streamRefused, type Ending } from './stops.ts';

export interface AppTarget {
  appId: string;
  page: string | null;
  query: Record<string, string>;
}

/** Host-drawn UI the stream asks for: toasts, the loading toast, dialogs, sheets, a prompt taken away. */
export type HostUi = Exclude<ShellMessage, { kind: 'frame' | 'ended' }>;

export interface SessionView {
  /** The session is open, as the host names the app: get ready to draw. */
  opened(app: OpenedApp): void;
  /** A frame was applied: draw `frames.view` (`newRoute`: another page than before). */
  drew(frames: FrameState, newRoute: boolean): void;
  heard(ui: HostUi): void;
  /** The run is over, and why. */
  ended(how: Ending): void;
  /** A call failed and the run goes on. */
  failed(e: ApiError): void;
}

async function openSession(target: AppTarget) {
  const body = { query: target.query, ...(target.page ? { route: target.page } : {}) };
  return must(api.POST('/api/apps/{appId}/sessions', { params: { path: { appId: target.appId } }, body }));
}
export type OpenedApp = Awaited<ReturnType<typeof openSession>>['app'];

/**
 * A frame from the host. The document describes its view and patches as any JSON: they are the
 * renderer's format (lib/frames.ts), written by the host's runtime, and FrameState checks their order.
 */
const frameOf = (f: Schemas['Frame']) => f as ViewUpdate;

/** Not in the document: the session's server-sent events, read by ../sse.ts. */
const streamUrl = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/stream`;

export class AppSession {
  readonly frames = new FrameState();
  #id: string | null = null;
  #stream: Stream | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #ended = false;
  #gone = false;

  constructor(private readonly view: SessionView) {}

  get ended(): boolean {
    return this.#ended;
  }

  async open(target: AppTarget): Promise<void> {
    let opened: Awaited<ReturnType<typeof openSession>>;
    try {
      opened = await openSession(target);
    } catch (e) {
      if (!this.#gone) this.#end(openFailed(e));
      return;
    }
    this.#id = opened.sessionId;
    if (this.#gone) return this.closeOnHost();
    this.view.opened(opened.app);
    this.#apply(frameOf(opened.frame));
    this.#stream = openStream({
      url: streamUrl(opened.sessionId),
      // From the session's first message: what the program did while opening (a toast, a consent
      // prompt in onLoad) happened before this stream existed.
      lastEventId: '0',
      onEvent: (kind, data) => this.#heard(kind, data),
      onRefused: (status, body) => {
        const how = streamRefused(status, body);
        if (how) this.#end(how);
        return how !== null;
      },
    });
  }

  /** The user's actions go out one at a time, in the order they were made. */
  send(ev: ShellEvent): void {
    this.#queue = this.#queue.then(async () => {
      const sessionId = this.#id;
      if (sessionId === null || this.#ended || this.#gone) return;
      // With the frame the shell has, the answer is the changes from it when the host still knows them.
      const since = this.frames.seq >= 0 ? this.frames.seq : undefined;
      try {
        const { frame } = await must(api.POST('/api/sessions/{sessionId}/events', { params: { path: { sessionId }, query: { since } }, body: ev }));
        this.#apply(frameOf(frame));
      } catch (e) {
        this.#failed(e);
      }
    });
  }

  /** The user answered a host prompt (true or false). */
  answer(promptId: string, answer: boolean): void {
    const sessionId = this.#id;
    if (sessionId === null || this.#ended || this.#gone) return;
    must(api.POST('/api/sessions/{sessionId}/prompts/{promptId}', { params: { path: { sessionId, promptId } }, body: { answer } })).catch((e: unknown) => this.#failed(e));
  }

  /** Tells the host the session can close (the page is going); the request outlives the page. */
  closeOnHost(): void {
    const sessionId = this.#id;
    if (sessionId === null || this.#ended) return;
    void api.DELETE('/api/sessions/{sessionId}', { params: { path: { sessionId } }, keepalive: true }).catch(() => {});
  }

  /** The page went: the session closes, and nothing more is heard or drawn. */
  dispose(): void {
    this.closeOnHost();
    this.#gone = true;
    this.#stream?.close();
  }

  #apply(u: ViewUpdate): void {
    if (this.#ended || this.#gone) return;
    const before = this.frames.route;
    const result = this.frames.apply(u);
    if (result === 'gap') return this.#stream?.resync();
    if (result === 'stale' || !this.frames.view) return;
    this.view.drew(this.frames, this.frames.route !== before);
  }

  #heard(kind: string, data: string): void {
    if (this.#ended || this.#gone) return;
    const m = JSON.parse(data) as ShellMessage;
    if (m.kind !== kind) return;
    if (m.kind === 'frame') return this.#apply(m.update);
    if (m.kind === 'ended') return this.#end(endedBy(m.reason));
    this.view.heard(m);
  }

  #failed(e: unknown): void {
    if (this.#ended || this.#gone) return;
    if (!(e instanceof ApiError)) return console.error('shell:', e);
    const how = callFailed(e);
    if (how) this.#end(how);
    else this.view.failed(e);
  }

  #end(how: Ending): void {
    this.#ended = true;
    this.#stream?.close();
    this.view.ended(how);
  }
}
