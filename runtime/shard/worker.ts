/**
 * A shard: a worker thread (with a large native stack, so QuickJS stack overflows stay inside the
 * guest) holding many sessions, one merchant per WebAssembly module. The main thread's watchdog
 * reads `watch` and terminates this thread if a guest is stuck inside a builtin.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ErrorBody } from '../../sdk/contract/index.ts';
import { GuestSession, SessionEnd, type SessionHost } from './guest-session.ts';
import { memoryExhausted, ModuleRegistry, type IdleModules, type MerchantModule } from './modules.ts';
import type { PreparedContext } from './prepared-context.ts';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { probeAtoms, type AtomTable } from './bjson/index.ts';
import { threadClock } from './thread-clock.ts';
import { FairScheduler } from './scheduler.ts';
import { WATCH, type Envelope, type FromShard, type Notice, type OpenRequest, type Request, type Response } from './protocol.ts';

export interface ShardData {
  bootstrap: string;
  wasmPath: string;
  watch: SharedArrayBuffer;
  epoch: number;
  /** Memory size of the spare module kept ready for a merchant's first session. */
  memoryBytes: number;
  idleModules: IdleModules;
}

const data = workerData as ShardData;
const port = parentPort!;
const watch = new Int32Array(data.watch);
const registry = new ModuleRegistry(await WebAssembly.compile(readFileSync(data.wasmPath)), data.bootstrap, data.idleModules);
const sessions = new Map<string, GuestSession>();
// The probe runs in the spare module before any merchant has it; it leaves nothing behind.
const atoms = probeOrNull((await registry.prepare(data.memoryBytes)).qjs);

/** Without the engine's names, frames are read as JSON: slower, never wrong. */
function probeOrNull(qjs: QuickJSWASMModule): AtomTable | null {
  try {
    return probeAtoms(qjs);
  } catch {
    return null;
  }
}

const outbox: FromShard[] = [];
let flushing: NodeJS.Immediate | null = null;
/** Queues a message; replies flush at once (with what came before them), notices by the next turn. */
function send(m: FromShard): void {
  outbox.push(m);
  if (!('kind' in m)) flush();
  else flushing ??= setImmediate(flush);
}
function flush(): void {
  if (flushing) clearImmediate(flushing);
  flushing = null;
  if (outbox.length) port.postMessage(outbox.splice(0));
}

const host: SessionHost = {
  atoms,
  frames: { direct: 0, json: 0 },
  // Opened here, on the shard's own thread: the clock is this thread's run time.
  cpu: threadClock(),
  post: (n: Notice) => send(n),
  watch(slot, budgetMs) {
    if (budgetMs === null) {
      Atomics.store(watch, WATCH.busy, 0);
      return;
    }
    Atomics.store(watch, WATCH.startMs, Date.now() - data.epoch);
    Atomics.store(watch, WATCH.budgetMs, budgetMs);
    Atomics.store(watch, WATCH.slot, slot);
    Atomics.store(watch, WATCH.busy, 1);
  },
  timer(session, id) {
    // The test clock fires due timers inside its `advance` request, in order, at once.
    if (session.clock.mode === 'manual') {
      guarded(session, () => session.fireTimer(id));
      return;
    }
    // A timer already waiting for its turn is not queued twice: an interval whose ticks take
    // longer than its period runs as often as the shard can give it a turn, never piles up.
    const waiting = timersWaiting.get(session) ?? new Set<number>();
    timersWaiting.set(session, waiting);
    if (waiting.has(id)) return;
    waiting.add(id);
    scheduler.push(session.id, () => {
      waiting.delete(id);
      if (session.ended || sessions.get(session.id) !== session) return;
      try {
        guarded(session, () => session.fireTimer(id));
      } catch {
        /* a host-side failure: guarded ended the session and retired its module */
      }
    });
  },
};

/** Timers of each session that are due and waiting in the scheduler. */
const timersWaiting = new WeakMap<GuestSession, Set<number>>();

/** Sessions' work, weighed by the CPU each used lately (see scheduler.ts); '' is the shard's own. */
const scheduler = new FairScheduler(
  (key) => sessions.get(key)?.usage.used(performance.now()) ?? 0,
  (e) => console.error('shard: a job failed', e),
);

/** Runs `fn` against a session; a broken bound ends that session and only that session. */
function guarded<T>(s: GuestSession, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    end(s, reasonOf(e));
    if (!(e instanceof SessionEnd)) throw e;
    return undefined;
  }
}

function reasonOf(e: unknown): ErrorBody {
  if (e instanceof SessionEnd) return e.reason;
  // A host-side exception out of QuickJS (a native stack overflow, a WebAssembly trap): the module
  // can no longer be trusted (shared/SANDBOX.md, 8).
  return { code: 'shard_crashed', message: `the sandbox failed: ${(e as Error)?.message ?? String(e)}` };
}

function end(s: GuestSession, reason: ErrorBody): void {
  if (s.ended) return;
  s.ended = reason;
  if (reason.code === 'shard_crashed') s.module.retired = true;
  sessions.delete(s.id);
  s.dispose();
  registry.release(s.module);
  send({ kind: 'ended', sessionId: s.id, reason });
  if (s.module.retired) {
    for (const other of [...sessions.values()]) {
      if (other.module === s.module) end(other, { code: 'shard_crashed', message: 'a neighbouring session broke the sandbox' });
    }
  }
}

/** A full module cannot even hold the bootstrap: that is the program's memory, not a crash. */
function contextFor(module: MerchantModule): PreparedContext {
  try {
    return registry.takeContext(module);
  } catch (e) {
    if (memoryExhausted(module)) throw new SessionEnd({ code: 'memory_exceeded', message: 'the program ran out of memory' });
    throw e;
  }
}

async function open(o: OpenRequest): Promise<unknown> {
  if (sessions.has(o.sessionId)) throw new SessionEnd({ code: 'conflict', message: 'session already open' });
  if (o.bundle.length > o.limits.bundleBytes) {
    throw new SessionEnd({ code: 'too_large', message: `the bundle is over ${o.limits.bundleBytes} bytes` });
  }
  const module = await registry.acquire(o.merchantId, o.limits.memoryBytes);
  let s: GuestSession;
  try {
    s = new GuestSession(o, module, host, contextFor(module));
  } catch (e) {
    if (!(e instanceof SessionEnd)) module.retired = true;
    registry.release(module);
    throw e instanceof SessionEnd ? e : new SessionEnd(reasonOf(e));
  }
  sessions.set(o.sessionId, s);
  if (o.warmOnly) return null;
  if (o.snapshot) guarded(s, () => s.restore(o.snapshot!));
  else guarded(s, () => s.launch(o.launch?.route ?? o.pages.pages[0]!, o.launch?.query ?? {}, o.launch?.scene));
  if (s.ended) throw new SessionEnd(s.ended);
  return null;
}

function session(id: string): GuestSession {
  const s = sessions.get(id);
  if (!s) throw new SessionEnd({ code: 'session_ended', message: 'no such session on this shard' });
  return s;
}

async function handle(req: Request): Promise<unknown> {
  switch (req.op) {
    case 'open':
      return open(req.open);
    case 'launch': {
      const s = session(req.sessionId);
      sessions.delete(req.sessionId);
      s.adopt(req.newSessionId, req.slot, req.clock);
      sessions.set(s.id, s);
      guarded(s, () => s.launch(req.route, req.query, req.scene));
      if (s.ended) throw new SessionEnd(s.ended);
      return null;
    }
    case 'event': {
      const s = session(req.sessionId);
      guarded(s, () => s.event(req.event));
      return null;
    }
    case 'settle': {
      const s = sessions.get(req.sessionId);
      if (s) guarded(s, () => s.settle(req.callId, req.json));
      return null;
    }
    case 'advance': {
      const s = session(req.sessionId);
      guarded(s, () => s.clock.advance(req.ms));
      return null;
    }
    case 'snapshot': {
      const s = session(req.sessionId);
      return guarded(s, () => s.snapshot()) ?? null;
    }
    case 'close': {
      const s = sessions.get(req.sessionId);
      if (s) {
        sessions.delete(s.id);
        s.close();
        registry.release(s.module);
      }
      return null;
    }
    case 'stats':
      return { sessions: sessions.size, ...registry.stats(), heapUsed: process.memoryUsage().heapUsed, frames: { ...host.frames } };
  }
}

/** Whose work a request is, for the scheduler: requests of one session keep their order. */
function ownerOf(req: Request): string {
  switch (req.op) {
    case 'open':
      return req.open.sessionId;
    case 'stats':
      return '';
    default:
      return req.sessionId;
  }
}

// One piece of work at a time (opens await module creation, and nothing may interleave with
// them), chosen fairly between sessions.
port.on('message', (env: Envelope) => {
  scheduler.push(ownerOf(env), async () => {
    let res: Response;
    try {
      res = { id: env.id, ok: true, value: await handle(env) };
    } catch (e) {
      res = { id: env.id, ok: false, error: reasonOf(e) };
    }
    send(res);
  });
});
send({ id: 0, ok: true, value: 'ready' });
