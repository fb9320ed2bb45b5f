/** Messages between the main thread and a shard worker. Both sides import these types. */
import type { ErrorBody, Frame, Json, ShellEvent } from '../../sdk/contract/index.ts';
import type { Limits } from '../limits.ts';
import type { ViewUpdate } from '../../lib/frames.ts';

export type { ViewUpdate } from '../../lib/frames.ts';

/** What the runtime needs of a manifest: the page routes (first is home) and the tab pages. */
export interface PageConfig {
  pages: string[];
  tabs: string[];
}

/** A session's page stack and data, enough to bring it back in a fresh runtime on any node. */
export interface Snapshot {
  stack: { route: string; query: Record<string, string>; data: Json; title: string | null }[];
  globalData: Json;
  /**
   * What the session was waiting for when it stopped, which a fresh runtime cannot have back:
   * timers are closures and a host call's promise died with its runtime. The program is told on
   * restore (its `onRestore` hook) so it can arm its timers again and check what it asked for.
   */
  lost?: LostWork;
}

/** Timers that were pending and host calls (by method) whose answers will never reach the program. */
export interface LostWork {
  timers: number;
  calls: string[];
}

export interface OpenRequest {
  sessionId: string;
  /** Small number the watchdog uses to name the session that was inside the guest. */
  slot: number;
  merchantId: string;
  /** Identifies the bundle, for pre-warmed sessions: same key, same code. */
  bundleKey: string;
  bundle: string;
  pages: PageConfig;
  limits: Limits;
  clock: 'real' | 'manual';
  /** Pre-warm only: evaluate the bundle and wait for `launch`. */
  warmOnly?: boolean;
  launch?: { route: string; query: Record<string, string>; scene?: Json };
  snapshot?: Snapshot;
}

export type Request =
  | { op: 'open'; open: OpenRequest }
  | { op: 'launch'; sessionId: string; newSessionId: string; slot: number; clock: 'real' | 'manual'; route: string; query: Record<string, string>; scene?: Json }
  | { op: 'event'; sessionId: string; event: ShellEvent }
  | { op: 'settle'; sessionId: string; callId: number; json: string }
  | { op: 'advance'; sessionId: string; ms: number }
  | { op: 'snapshot'; sessionId: string }
  | { op: 'close'; sessionId: string }
  | { op: 'stats' };

export type Envelope = Request & { id: number };

export type Response = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: ErrorBody };


/** Told by a shard without being asked. */
export type Notice =
  /**
   * `snapshot` is the guest's JSON text of its snapshot, passed on unread: it is needed only to
   * bring the session back, so it is parsed then rather than on every frame.
   */
  | { kind: 'update'; sessionId: string; update: ViewUpdate; snapshot?: string }
  /** `gesture`: made while the program handled the user's tap, in that same turn (not after an await). */
  | { kind: 'call'; sessionId: string; callId: number; method: string; args: string | undefined; gesture: boolean }
  | { kind: 'log'; sessionId: string; level: 'debug' | 'info' | 'warn' | 'error'; text: string }
  /** How many timers the session has pending, told after an entry that changed it. */
  | { kind: 'timers'; sessionId: string; count: number }
  | { kind: 'ended'; sessionId: string; reason: ErrorBody };

export type FromShard = Response | Notice;

/**
 * Everything a shard says during one turn of its event loop, in order, as one message: a handler
 * making hundreds of host calls costs one postMessage, not hundreds.
 */
export type ShardMessage = FromShard[];

export interface ShardStats {
  sessions: number;
  modules: number;
  wasmBytes: number;
  heapUsed: number;
  /** Frames read straight out of the engine, and frames that had to come as JSON text. */
  frames: FrameCounts;
}

export interface FrameCounts {
  direct: number;
  json: number;
}

/** Layout of the watchdog's shared memory, one Int32 slot each. */
export const WATCH = { busy: 0, startMs: 1, budgetMs: 2, slot: 3, size: 4 } as const;
