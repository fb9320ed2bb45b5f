import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { ErrorBody, Json, Outcome, ShellEvent } from '../../sdk/contract/index.ts';
import { defaultLimits, type Limits } from '../limits.ts';
import type { LostWork, Notice, OpenRequest, PageConfig, ShardStats, Snapshot } from '../shard/protocol.ts';
import { Session, type CallHandler, type SessionChannel, type SessionListener, type SessionSpec } from './session.ts';
import { Shard, ShardError } from './shard.ts';
import { shardCode, type ShardCode } from './worker-file.ts';

export interface RuntimeOptions {
  /** Worker-thread shards; default 2. */
  shards?: number;
  /** Overrides of the default bounds for every session. */
  limits?: Partial<Limits>;
  /** How often the watchdog looks at the shards; default 20 ms. */
  watchdogIntervalMs?: number;
  /**
   * Merchants per shard whose module is kept after their last session closes, so their next
   * open skips instantiating one; default 64. Kept modules idle longer than `idleModuleMs`
   * (default 10 minutes) are dropped too.
   */
  idleModules?: number;
  idleModuleMs?: number;
}

export interface OpenOptions {
  merchantId: string;
  appId: string;
  bundle: string;
  pages: PageConfig;
  onCall: CallHandler;
  listener?: SessionListener;
  /** Page to open (default: the first page) and its query. */
  route?: string;
  query?: Record<string, string>;
  /** Why the program was opened (a QR scene, a link); handed to `onLaunch`. */
  scene?: Json;
  limits?: Partial<Limits>;
  /** `manual` for tests: timers fire only on `advanceClock`. */
  clock?: 'real' | 'manual';
  /** Bring a session back from a snapshot instead of launching it. */
  snapshot?: Snapshot;
  /** Frames the session had shown before its snapshot: its frames count on from there. */
  seq?: number;
  sessionId?: string;
}

export type WarmSpec = Omit<OpenOptions, 'onCall' | 'listener' | 'route' | 'query' | 'scene' | 'snapshot' | 'seq' | 'sessionId' | 'clock'>;

/** A warm session fits an open only of the same merchant's app, with the same code and bounds. */
function warmKey(spec: SessionSpec): string {
  return JSON.stringify([spec.merchantId, spec.appId, spec.bundleKey, spec.limits]);
}

/**
 * The sandbox runtime: worker-thread shards running QuickJS, a watchdog, and the sessions on them.
 * It never touches the host's storage or HTTP; host calls leave through each session's `onCall`.
 */
export class Runtime implements SessionChannel {
  private readonly shards: Shard[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly bySlot = new Map<number, Session>();
  private readonly warmPool = new Map<string, { shard: Shard; id: string }[]>();
  /** How many warm sessions each bundle should have, and the pending refill. */
  private readonly warmTargets = new Map<string, { spec: SessionSpec; target: number; refill?: NodeJS.Timeout }>();
  private nextSlot = 1;
  private readonly watchdog: NodeJS.Timeout;
  private closed = false;

  private constructor(
    private readonly code: ShardCode,
    private readonly options: RuntimeOptions,
  ) {
    const n = Math.max(1, options.shards ?? 2);
    for (let i = 0; i < n; i++) this.shards.push(this.newShard(i));
    this.watchdog = setInterval(() => {
      const now = Date.now();
      for (const s of this.shards) s.check(now);
    }, options.watchdogIntervalMs ?? 20);
    this.watchdog.unref();
  }

  static async create(options: RuntimeOptions = {}): Promise<Runtime> {
    const rt = new Runtime(await shardCode(), options);
    await Promise.all(rt.shards.map((s) => s.ready()));
    return rt;
  }

  private newShard(index: number): Shard {
    return new Shard(
      index,
      this.code,
      {
        notice: (shard, n) => this.onNotice(shard, n),
        died: (shard, slot, reason) => this.onShardDied(shard, slot, reason),
      },
      this.limitsFor().memoryBytes,
      { max: this.options.idleModules ?? 64, ms: this.options.idleModuleMs ?? 10 * 60_000 },
    );
  }

  private limitsFor(extra?: Partial<Limits>): Limits {
    return { ...defaultLimits, ...this.options.limits, ...extra };
  }

  private pickShard(): Shard {
    let best: Shard | null = null;
    for (const s of this.shards) if (!s.dead && (!best || s.sessions.size < best.sessions.size)) best = s;
    if (!best) throw new ShardError({ code: 'internal', message: 'no shard is running' });
    return best;
  }

  /** Opens a session and resolves once its first view is in `session.view`. */
  async open(o: OpenOptions): Promise<Session> {
    if (this.closed) throw new ShardError({ code: 'session_ended', message: 'runtime closed' });
    const spec = this.specOf(o, o.clock ?? 'real');
    const session = new Session(o.sessionId ?? randomUUID(), this.nextSlot++, spec, o.onCall, this);
    if (o.listener) session.listen(o.listener);
    if (o.seq) session.seq = o.seq;
    this.sessions.set(session.id, session);
    this.bySlot.set(session.slot, session);
    try {
      const warm = !o.snapshot && spec.clock === 'real' ? this.takeWarm(spec) : null;
      if (warm) {
        this.attach(session, warm.shard);
        await warm.shard.request({
          op: 'launch',
          sessionId: warm.id,
          newSessionId: session.id,
          slot: session.slot,
          clock: spec.clock,
          route: o.route ?? spec.pages.pages[0]!,
          query: o.query ?? {},
          scene: o.scene,
        });
        this.scheduleRefill(warmKey(spec));
      } else {
        await this.start(session, o.snapshot ? { snapshot: o.snapshot } : { launch: { route: o.route ?? spec.pages.pages[0]!, query: o.query ?? {}, scene: o.scene } });
      }
    } catch (e) {
      this.forget(session, errorBody(e));
      // The session's own end reason (e.g. cpu_exceeded from the watchdog) is the stable answer.
      throw new ShardError(session.ended ?? errorBody(e));
    }
    return session;
  }

  private attach(session: Session, shard: Shard): void {
    session.shard?.sessions.delete(session.id);
    session.shard = shard;
    shard.sessions.add(session.id);
  }

  private async start(session: Session, how: Pick<OpenRequest, 'launch' | 'snapshot'>): Promise<void> {
    const shard = this.pickShard();
    this.attach(session, shard);
    const { spec } = session;
    await shard.request({
      op: 'open',
      open: { sessionId: session.id, slot: session.slot, ...spec, ...how },
    });
  }

  /**
   * Keeps `count` sessions of a bundle evaluated ahead of time, so opening it skips parsing and
   * evaluation; each open takes one and the pool tops itself up. Setting the count again replaces
   * it; 0 closes the ones waiting. Pools are per merchant and app: an identical bundle uploaded by
   * another merchant never runs in this merchant's module.
   */
  async warm(o: WarmSpec, count: number): Promise<void> {
    if (this.closed) return;
    const spec = this.specOf(o, 'real');
    const key = warmKey(spec);
    const t = this.warmTargets.get(key);
    if (t?.refill) clearTimeout(t.refill);
    if (count <= 0) {
      this.warmTargets.delete(key);
      const waiting = this.warmPool.get(key) ?? [];
      this.warmPool.delete(key);
      for (const w of waiting) w.shard.sessions.delete(w.id);
      await Promise.all(waiting.map((w) => w.shard.request({ op: 'close', sessionId: w.id }).catch(() => {})));
      return;
    }
    this.warmTargets.set(key, { spec, target: count });
    const missing = count - (this.warmPool.get(key)?.length ?? 0);
    // Shards that close under a fill in flight are the runtime shutting down, not a failure.
    if (missing > 0) await this.fill(spec, missing).catch((e: unknown) => {
      if (!this.closed) throw e;
    });
  }

  /** Sessions waiting in the warm pools, across bundles. */
  get warmCount(): number {
    let n = 0;
    for (const list of this.warmPool.values()) n += list.length;
    return n;
  }

  /**
   * A bundle's key, hashed once per bundle the host keeps opening (the same string each time,
   * from its version cache) rather than on every open: a 2 MiB bundle takes milliseconds.
   */
  private keyOf(bundle: string): string {
    let key = this.bundleKeys.get(bundle);
    if (key === undefined) {
      key = createHash('sha256').update(bundle).digest('hex');
      if (this.bundleKeys.size >= 128) this.bundleKeys.delete(this.bundleKeys.keys().next().value!);
    } else this.bundleKeys.delete(bundle);
    this.bundleKeys.set(bundle, key);
    return key;
  }
  private readonly bundleKeys = new Map<string, string>();

  private specOf(o: WarmSpec, clock: 'real' | 'manual'): SessionSpec {
    return {
      merchantId: o.merchantId,
      appId: o.appId,
      bundle: o.bundle,
      bundleKey: this.keyOf(o.bundle),
      pages: o.pages,
      limits: this.limitsFor(o.limits),
      clock,
    };
  }

  private async fill(spec: SessionSpec, count: number): Promise<void> {
    const key = warmKey(spec);
    await Promise.all(
      Array.from({ length: count }, async () => {
        const shard = this.pickShard();
        const id = `warm-${randomUUID()}`;
        // Counted from now: the next fill, and the next open, should see this shard as busier.
        shard.sessions.add(id);
        try {
          await shard.request({ op: 'open', open: { sessionId: id, slot: 0, ...spec, clock: 'real', warmOnly: true } });
        } catch (e) {
          shard.sessions.delete(id);
          throw e;
        }
        // Stopped meanwhile (or the runtime closed): this one is not wanted.
        if (!this.warmTargets.has(key) || this.closed) {
          shard.sessions.delete(id);
          await shard.request({ op: 'close', sessionId: id }).catch(() => {});
          return;
        }
        const list = this.warmPool.get(key) ?? [];
        list.push({ shard, id });
        this.warmPool.set(key, list);
      }),
    );
  }

  /**
   * Tops the pool up once opens pause: refilling means evaluating bundles on the same shards that
   * are answering the opens, so doing it mid-burst would slow every open behind it.
   */
  private scheduleRefill(key: string): void {
    const t = this.warmTargets.get(key);
    if (!t) return;
    if (t.refill) clearTimeout(t.refill);
    t.refill = setTimeout(() => {
      t.refill = undefined;
      const missing = t.target - (this.warmPool.get(key)?.length ?? 0);
      if (missing > 0 && !this.closed && this.warmTargets.get(key) === t) void this.fill(t.spec, missing).catch(() => {});
    }, 50);
    t.refill.unref();
  }

  private takeWarm(spec: SessionSpec): { shard: Shard; id: string } | null {
    const list = this.warmPool.get(warmKey(spec));
    while (list?.length) {
      const w = list.pop()!;
      w.shard.sessions.delete(w.id);
      if (!w.shard.dead) return w;
    }
    return null;
  }

  /** Sends a request for a session, bringing it back from its snapshot first if its shard died. */
  private async send(s: Session, req: (shard: Shard) => Promise<unknown>): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      if (s.ended) throw new ShardError(s.ended);
      if (!s.shard || s.shard.dead) await this.revive(s);
      try {
        return await req(s.shard!);
      } catch (e) {
        if (s.ended) throw new ShardError(s.ended);
        const body = errorBody(e);
        if (body.code !== 'shard_crashed' || attempt > 0) throw e;
      }
    }
  }

  /** Brings a session whose shard died back, once however many ask at the same time. */
  private revive(s: Session): Promise<void> {
    if (s.reviving) return s.reviving;
    const reviving = this.rehydrate(s).finally(() => {
      if (s.reviving === reviving) s.reviving = null;
    });
    s.reviving = reviving;
    return reviving;
  }

  /**
   * Starts the session again from its last snapshot on a live shard. What it was waiting for
   * (timers, host calls) died with the old shard and cannot come back: the program is told in
   * its `onRestore` hook, the merchant's log says so, and the host hears it through `restored`.
   */
  private async rehydrate(s: Session): Promise<void> {
    const snapshot = s.snapshot;
    if (!snapshot) {
      this.forget(s, { code: 'shard_crashed', message: 'the session was lost before its first view' });
      throw new ShardError(s.ended!);
    }
    const lost = s.lost;
    await this.start(s, { snapshot: lost ? { ...snapshot, lost } : snapshot });
    s.lost = null;
    if (lost) {
      s.log('warn', `the session was brought back after its shard restarted; it lost ${describeLost(lost)}, and its onRestore hook was told`);
      s.restored(lost);
    }
  }

  event(s: Session, ev: ShellEvent): Promise<void> {
    return this.send(s, (shard) => shard.request({ op: 'event', sessionId: s.id, event: ev })).then(() => {});
  }

  advance(s: Session, ms: number): Promise<void> {
    return this.send(s, (shard) => shard.request({ op: 'advance', sessionId: s.id, ms })).then(() => {});
  }

  /**
   * The session's page stack and data, and what it is waiting for that a session brought back
   * from this snapshot will not have (its timers, host calls not answered yet), so it can be told.
   */
  async snapshot(s: Session): Promise<Snapshot> {
    const snap = (await this.send(s, (shard) => shard.request({ op: 'snapshot', sessionId: s.id }))) as Snapshot;
    s.snapshot = snap;
    const waiting = this.waitingOf(s);
    return waiting ? { ...snap, lost: waiting } : snap;
  }

  /** The session's pending timers and unanswered host calls, or null when it waits for nothing. */
  private waitingOf(s: Session): LostWork | null {
    if (!s.timers && !s.calls.size) return null;
    return { timers: s.timers, calls: [...s.calls.values()].map((c) => c.method) };
  }

  async close(s: Session): Promise<void> {
    const shard = s.shard;
    this.forget(s, { code: 'session_ended', message: 'closed' });
    if (shard && !shard.dead) await shard.request({ op: 'close', sessionId: s.id }).catch(() => {});
  }

  private forget(s: Session, reason: ErrorBody): void {
    s.shard?.sessions.delete(s.id);
    this.sessions.delete(s.id);
    this.bySlot.delete(s.slot);
    s.end(reason);
  }

  private onNotice(shard: Shard, n: Notice): void {
    const s = this.sessions.get(n.sessionId);
    if (!s || s.shard !== shard) return;
    switch (n.kind) {
      case 'update':
        s.applyUpdate(n.update, n.snapshot);
        break;
      case 'log':
        s.log(n.level, n.text);
        break;
      case 'ended':
        this.forget(s, n.reason);
        break;
      case 'timers':
        s.timers = n.count;
        break;
      case 'call':
        void this.answer(s, shard, n.callId, n.method, n.args, n.gesture);
        break;
    }
  }

  private async answer(s: Session, shard: Shard, callId: number, method: string, args: unknown, gesture: boolean): Promise<void> {
    // Counted until the guest has run with the result, so "settled" means the view is up to date.
    s.inFlight++;
    // Known by the session while its promise lives, so that a shard dying meanwhile can say what
    // the program was waiting for.
    const call = { method };
    s.calls.set(callId, call);
    try {
      let outcome: Outcome<unknown>;
      try {
        outcome = await s.onCall({ method, args, gesture }, s);
      } catch (e) {
        outcome = { ok: false, error: errorBody(e) };
      }
      let json = JSON.stringify(outcome.ok ? { id: callId, ok: true, data: outcome.data ?? null } : { id: callId, ok: false, error: outcome.error });
      if (json.length > s.spec.limits.resultBytes) {
        json = JSON.stringify({ id: callId, ok: false, error: { code: 'too_large', message: `the result is over ${s.spec.limits.resultBytes} bytes` } });
      }
      // A promise made in a shard that has since died died with it; the program was told when
      // it was brought back that this call was lost (its call ids start again there, so the
      // answer must not reach the new runtime).
      if (s.ended) return;
      if (s.calls.get(callId) !== call || s.shard !== shard || shard.dead) {
        s.log('warn', `the answer to ${method} came after the session's shard restarted and was dropped; the program was told the call was lost`);
        return;
      }
      await shard.request({ op: 'settle', sessionId: s.id, callId, json }).catch(() => {});
    } finally {
      if (s.calls.get(callId) === call) s.calls.delete(callId);
      s.inFlight--;
    }
  }

  private onShardDied(shard: Shard, culpritSlot: number | null, reason: ErrorBody): void {
    const i = this.shards.indexOf(shard);
    if (this.closed || i < 0) return;
    this.shards[i] = this.newShard(shard.index);
    for (const [key, list] of this.warmPool) this.warmPool.set(key, list.filter((w) => w.shard !== shard));
    const waiting: Session[] = [];
    for (const id of shard.sessions) {
      const s = this.sessions.get(id);
      if (!s) continue;
      s.shard = null;
      if (culpritSlot !== null && s.slot === culpritSlot) {
        this.forget(s, reason);
        continue;
      }
      s.log('warn', 'the sandbox shard was restarted; the session will resume from its last snapshot');
      const lost = this.waitingOf(s);
      s.calls.clear();
      s.timers = 0;
      if (!lost) continue;
      // Died twice before it was brought back: it lost both times' work.
      s.lost = s.lost ? { timers: s.lost.timers + lost.timers, calls: [...s.lost.calls, ...lost.calls] } : lost;
      waiting.push(s);
    }
    shard.sessions.clear();
    // A session that was waiting for a timer or a host call is doing something without the user:
    // it comes back now, so it can arm its timers again, rather than at the user's next tap. The
    // others come back lazily, as before: a shard may hold thousands of idle sessions.
    for (const s of waiting) {
      s.reviving = null;
      void this.revive(s).catch(() => {
        /* it ended, and its listeners heard why */
      });
    }
  }

  async stats(): Promise<ShardStats[]> {
    return Promise.all(this.shards.filter((s) => !s.dead).map((s) => s.request<ShardStats>({ op: 'stats' })));
  }

  /** Sessions waiting for the host to answer a call, across the runtime. */
  get busy(): number {
    let n = 0;
    for (const s of this.sessions.values()) n += s.inFlight;
    return n;
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    for (const t of this.warmTargets.values()) if (t.refill) clearTimeout(t.refill);
    for (const s of [...this.sessions.values()]) this.forget(s, { code: 'session_ended', message: 'runtime closed' });
    await Promise.all(this.shards.map((s) => s.close()));
  }
}

export function errorBody(e: unknown): ErrorBody {
  if (e instanceof ShardError) return e.body;
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && e instanceof Error) return { code: code as ErrorBody['code'], message: e.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/** `2 timers and 1 host call (storage.get)`, for the merchant's log. */
function describeLost(lost: LostWork): string {
  const timers = `${lost.timers} timer${lost.timers === 1 ? '' : 's'}`;
  if (!lost.calls.length) return timers;
  const calls = `${lost.calls.length} host call${lost.calls.length === 1 ? '' : 's'} waiting for an answer (${[...new Set(lost.calls)].join(', ')})`;
  return lost.timers ? `${timers} and ${calls}` : calls;
}
