import type { ErrorBody, Json, Outcome, ShellEvent, ViewNode } from '../../sdk/contract/index.ts';
import type { Limits } from '../limits.ts';
import type { LostWork, PageConfig, Snapshot, ViewUpdate } from '../shard/protocol.ts';
import { applyPatches, type Patch } from '../view/diff.ts';
import type { Shard } from './shard.ts';

/** A host API call a guest made, as the runtime hands it to the host. */
export interface GuestCall {
  method: string;
  /** Parsed JSON from the guest: untrusted until the dispatcher validated it. */
  args: unknown;
  /** Made while handling the user's tap, in that same turn. */
  gesture?: boolean;
}

/** Answers guest calls; the runtime serialises the outcome and settles the guest's promise. */
export type CallHandler = (call: GuestCall, session: Session) => Promise<Outcome<unknown>>;

export interface SessionListener {
  update?(update: ViewUpdate, session: Session): void;
  log?(level: 'debug' | 'info' | 'warn' | 'error', text: string, session: Session): void;
  ended?(reason: ErrorBody, session: Session): void;
  /**
   * The session was brought back after its shard restarted; `lost` is what it was waiting for
   * that died with the shard (the program was told too, through its `onRestore` hook).
   */
  restored?(lost: LostWork, session: Session): void;
}

/** What opening a session needs; also kept to rehydrate it on another shard. */
export interface SessionSpec {
  merchantId: string;
  appId: string;
  bundle: string;
  bundleKey: string;
  pages: PageConfig;
  limits: Limits;
  clock: 'real' | 'manual';
}

/** How many frames back an event's answer can still be sent as patches. */
const RECENT_FRAMES = 16;

/** The transport a session talks through; implemented by the runtime. */
export interface SessionChannel {
  event(s: Session, ev: ShellEvent): Promise<void>;
  advance(s: Session, ms: number): Promise<void>;
  snapshot(s: Session): Promise<Snapshot>;
  close(s: Session): Promise<void>;
}

/**
 * The main thread's view of one running session: the current frame (kept whole by applying the
 * shard's patches), the latest snapshot, and the calls into it. If its shard dies it is brought
 * back from the snapshot on the next event.
 */
export class Session {
  view: ViewNode | null = null;
  route = '';
  title = '';
  stack: string[] = [];
  /** Frames applied so far, across rehydrations. */
  seq = 0;
  /** The latest frames' patches (null: that frame was whole), oldest first, for `changesSince`. */
  private readonly recent: { seq: number; patches: Patch[] | null }[] = [];
  private snapshotText: string | null = null;
  private lastSnapshot: Snapshot | null = null;
  ended: ErrorBody | null = null;
  /** Host calls the host has not answered yet. */
  inFlight = 0;
  /** The guest's host calls waiting for an answer on its current shard, by call id. */
  readonly calls = new Map<number, { method: string }>();
  /** Timers the guest has pending, as its shard last told. */
  timers = 0;
  /** What died with its last shard, until the session is brought back and told. */
  lost: LostWork | null = null;
  /** The bringing back under way, so an event and the runtime's own revival share it. */
  reviving: Promise<void> | null = null;
  shard: Shard | null = null;
  private readonly listeners = new Set<SessionListener>();

  constructor(
    readonly id: string,
    public slot: number,
    readonly spec: SessionSpec,
    readonly onCall: CallHandler,
    private readonly channel: SessionChannel,
  ) {}

  get merchantId(): string {
    return this.spec.merchantId;
  }

  get appId(): string {
    return this.spec.appId;
  }

  listen(l: SessionListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Sends a shell event (a tap, an input) to the page; resolves once the view it caused is applied. */
  event(ev: ShellEvent): Promise<void> {
    return this.channel.event(this, ev);
  }

  /** Manual-clock sessions only: moves time forward, firing due timers. */
  advanceClock(ms: number): Promise<void> {
    return this.channel.advance(this, ms);
  }

  /** Asks the guest for a fresh snapshot of its page stack and data. */
  takeSnapshot(): Promise<Snapshot> {
    return this.channel.snapshot(this);
  }

  close(): Promise<void> {
    return this.channel.close(this);
  }

  /**
   * The latest snapshot. Frames bring it as the guest's JSON text, read here only when it is
   * needed (to bring the session back), not on every frame; text that is not JSON counts as none.
   */
  get snapshot(): Snapshot | null {
    if (this.snapshotText !== null) {
      try {
        this.lastSnapshot = JSON.parse(this.snapshotText) as Snapshot;
      } catch {
        this.lastSnapshot = null;
      }
      this.snapshotText = null;
    }
    return this.lastSnapshot;
  }

  set snapshot(s: Snapshot | null) {
    this.lastSnapshot = s;
    this.snapshotText = null;
  }

  applyUpdate(u: ViewUpdate, snapshot: string | undefined): void {
    if (u.view) this.view = u.view;
    else if (u.patches && this.view) this.view = applyPatches(this.view, u.patches);
    this.route = u.route;
    this.title = u.title;
    this.stack = u.stack;
    this.seq++;
    this.recent.push({ seq: this.seq, patches: u.view ? null : (u.patches ?? []) });
    if (this.recent.length > RECENT_FRAMES) this.recent.shift();
    if (snapshot !== undefined) this.snapshotText = snapshot;
    const out: ViewUpdate = { ...u, seq: this.seq };
    for (const l of this.listeners) l.update?.(out, this);
  }

  /**
   * The patches that take the view of frame `seq` to the current one, in order; null when that
   * frame is too old (or not this session's) to be patched and only the whole view will do.
   */
  changesSince(seq: number): Patch[] | null {
    if (seq === this.seq) return [];
    if (seq > this.seq || !this.view) return null;
    const from = this.recent.findIndex((f) => f.seq === seq + 1);
    if (from < 0) return null;
    const out: Patch[] = [];
    for (let i = from; i < this.recent.length; i++) {
      const patches = this.recent[i]!.patches;
      if (!patches) return null;
      for (const p of patches) out.push(p);
    }
    return out;
  }

  log(level: 'debug' | 'info' | 'warn' | 'error', text: string): void {
    for (const l of this.listeners) l.log?.(level, text, this);
  }

  restored(lost: LostWork): void {
    for (const l of this.listeners) l.restored?.(lost, this);
  }

  end(reason: ErrorBody): void {
    if (this.ended) return;
    this.ended = reason;
    this.shard = null;
    // The merchant's log says why the user saw "this mini-program stopped".
    if (reason.code !== 'session_ended') this.log('error', `session ended (${reason.code}): ${reason.message}`);
    for (const l of this.listeners) l.ended?.(reason, this);
  }
}

export type { Json };
