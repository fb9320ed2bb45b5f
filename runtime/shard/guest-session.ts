import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import type { ErrorBody, ErrorCode, ShellEvent, ViewNode } from '../../sdk/contract/index.ts';
import type { Limits } from '../limits.ts';
import { diffView } from '../view/diff.ts';
import { validateView } from '../view/validate.ts';
import { memoryExhausted, type MerchantModule } from './modules.ts';
import type { FrameCounts, Notice, OpenRequest, Snapshot } from './protocol.ts';
import { GuestClock } from './clock.ts';
import { classifyGuestError } from './classify.ts';
import type { PreparedContext } from './prepared-context.ts';
import { encode, readValue, UNREADABLE, type AtomTable } from './bjson/index.ts';
import type { ThreadClock } from './thread-clock.ts';
import { CpuWindow } from './cpu-window.ts';

export interface SessionHost {
  post(notice: Notice): void;
  /** Marks the guest entered (for the watchdog) or left. */
  watch(slot: number, budgetMs: number | null): void;
  /** Runs a due timer of this session, ending the session if the timer breaks a bound. */
  timer(session: GuestSession, id: number): void;
  /** The engine's names, for reading frames out of it directly; null reads them as JSON. */
  readonly atoms: AtomTable | null;
  /** Counts how frames came out, for the shard's stats. */
  readonly frames: FrameCounts;
  /** The shard thread's CPU clock: what each entry into the guest actually cost. */
  readonly cpu: ThreadClock;
}

/** What the guest's `flush` gave: nothing to draw, its JSON text, or the frame already read. */
type FlushOut = { text: string } | { value: unknown } | { failed: ErrorBody };

/** Thrown out of an entry when the session has to end; carries the reason shown to the user. */
export class SessionEnd extends Error {
  constructor(readonly reason: ErrorBody) {
    super(reason.message);
  }
}

/**
 * One user's running program inside a shard: a QuickJS runtime and context in the merchant's
 * module, the bootstrap and the bundle evaluated. Every entry into the guest arms a CPU deadline
 * first; every value that comes out is parsed and validated here, except the snapshot's JSON
 * text, which the main thread parses only if it has to bring the session back.
 */
export class GuestSession {
  id: string;
  slot: number;
  ended: ErrorBody | null = null;
  private readonly rt: QuickJSRuntime;
  private readonly ctx: QuickJSContext;
  private enterFn: QuickJSHandle | null = null;
  private jsonFn: QuickJSHandle | null = null;
  private deadline = 0;
  private callsThisEntry = 0;
  private logsThisEntry = 0;
  private breach: ErrorBody | null = null;
  private readonly pending = new Set<number>();
  private lastView: ViewNode | null = null;
  private seq = 0;
  clock: GuestClock;
  /** CPU this session used lately: checked against its window budget, and its place in the shard's queue. */
  readonly usage: CpuWindow;

  constructor(
    private readonly init: OpenRequest,
    readonly module: MerchantModule,
    private readonly host: SessionHost,
    prepared: PreparedContext,
  ) {
    this.id = init.sessionId;
    this.slot = init.slot;
    this.clock = new GuestClock(init.clock, (id) => this.host.timer(this, id));
    this.usage = new CpuWindow(init.limits.cpuWindowMs, performance.now());
    this.rt = prepared.rt;
    this.ctx = prepared.ctx;
    this.enterFn = prepared.enter;
    this.jsonFn = prepared.json;
    try {
      this.rt.setMaxStackSize(init.limits.stackBytes);
      this.rt.setInterruptHandler(() => this.pastDeadline());
      prepared.bind((opH, payloadH) => {
        const op = this.readString(opH, 32);
        const payload = this.readString(payloadH, this.limits.argBytes + 256);
        if (op === null || payload === null) return this.ctx.newString(refusal('too_large', `bridge arguments are limited to ${this.limits.argBytes} bytes`));
        return this.ctx.newString(this.onBridge(op, payload));
      });
      const bundleResult = this.evaluate(init.bundle, 'bundle.js');
      bundleResult.dispose();
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  get limits(): Limits {
    return this.init.limits;
  }

  get merchantId(): string {
    return this.init.merchantId;
  }

  get bundleKey(): string {
    return this.init.bundleKey;
  }

  private evaluate(code: string, filename: string): QuickJSHandle {
    return this.charged(this.limits.evalMs, () => {
      this.arm(this.limits.evalMs);
      try {
        const r = this.ctx.evalCode(code, filename, { type: 'global' });
        if (r.error) {
          const reason = classifyGuestError(this.ctx, r.error, 'program_error', memoryExhausted(this.module));
          r.error.dispose();
          throw new SessionEnd({ code: reason.code, message: `${filename}: ${reason.message}` });
        }
        return r.value;
      } finally {
        this.disarm();
      }
    }, (h) => h.dispose());
  }

  /**
   * Runs one entry into the guest and measures what it cost on the shard's thread. The interrupt
   * handler stops bytecode at the deadline, but the engine never polls it inside a builtin (a big
   * `join`, `replaceAll`, `JSON.stringify`): such an entry returns late, below the watchdog's bound,
   * as if nothing happened. Measured, it ends the session with cpu_exceeded all the same; only
   * what runs past the watchdog's bound needs the shard killed. Every entry is also charged to
   * the session's window (`cpuPerWindowMs` over `cpuWindowMs`), so no chain of calls that each
   * stay within budget (a busy interval) can hold a core for ever. A bound the entry broke on
   * its own (an output too large) is thrown from inside and wins. `discard` frees what the entry
   * produced when it is thrown away.
   */
  private charged<T>(budgetMs: number, run: () => T, discard?: (out: T) => void): T {
    const started = this.host.cpu.now();
    let spent = 0;
    let out: T;
    this.hostSideMs = 0;
    try {
      out = run();
    } finally {
      spent = this.host.cpu.now() - started;
      // Charged however the entry ended: a call that failed used the shard all the same.
      this.usage.add(performance.now(), spent);
      this.tellTimers();
    }
    const lately = this.usage.used(performance.now());
    const guestMs = spent - this.hostSideMs;
    let over: string | null = null;
    if (guestMs > budgetMs + this.host.cpu.slackMs) over = `the program ran ${Math.round(guestMs)} ms in one call, over its ${budgetMs} ms budget`;
    else if (lately > this.limits.cpuPerWindowMs) {
      over = `the program used ${Math.round(lately)} ms of CPU in the last ${this.limits.cpuWindowMs / 1000} s, over its ${this.limits.cpuPerWindowMs} ms allowance`;
    }
    if (over) {
      discard?.(out);
      throw new SessionEnd({ code: 'cpu_exceeded', message: over });
    }
    return out;
  }

  private arm(budgetMs: number): void {
    this.deadline = Date.now() + budgetMs;
    this.callsThisEntry = 0;
    this.logsThisEntry = 0;
    this.host.watch(this.slot, budgetMs);
  }

  private disarm(): void {
    this.host.watch(this.slot, null);
  }

  /**
   * Runs host-side work inside an entry that no guest code takes part in (the engine writing a
   * frame out, the host reading it): its cost is bounded by the view limits, not chosen by the
   * program, so it counts towards the session's window but not against the budget of the call
   * (a view at the 10,000-node bound takes ~70-130 ms to read here).
   */
  private hostSide<T>(fn: () => T): T {
    const started = this.host.cpu.now();
    try {
      return fn();
    } finally {
      this.hostSideMs += this.host.cpu.now() - started;
    }
  }
  private hostSideMs = 0;

  /** A guest string, or null when it is not a string or is longer than `max`. */
  private readString(h: QuickJSHandle | undefined, max: number): string | null {
    if (!h || this.ctx.typeof(h) !== 'string') return null;
    const lenH = this.ctx.getProp(h, 'length');
    const len = this.ctx.getNumber(lenH);
    lenH.dispose();
    if (len > max) return null;
    return this.ctx.getString(h);
  }

  /**
   * Polled by QuickJS. Once it stops the guest, the session ends after this entry even if the
   * engine turned the interruption into a promise rejection nobody sees (it does, in some promise
   * jobs), which would otherwise let a job flood go quiet and carry on.
   */
  private pastDeadline(): boolean {
    if (Date.now() <= this.deadline) return false;
    this.breach ??= { code: 'cpu_exceeded', message: 'InternalError: interrupted' };
    return true;
  }

  private breakBound(code: ErrorCode, message: string): string {
    this.breach ??= { code, message };
    this.deadline = 0; // stop the guest at its next interrupt poll
    return refusal(code, message);
  }

  private onBridge(op: string, payload: string): string {
    if (this.breach) return refusal(this.breach.code, this.breach.message);
    let msg: any;
    try {
      msg = op === 'clearTimer' ? +payload : JSON.parse(payload);
    } catch {
      return refusal('invalid_args', 'malformed bridge payload');
    }
    switch (op) {
      case 'call': {
        if (++this.callsThisEntry > this.limits.hostCallsPerEntry) {
          return this.breakBound('limit_exceeded', `more than ${this.limits.hostCallsPerEntry} host calls in one handler`);
        }
        if (this.pending.size >= this.limits.pendingCalls) {
          return this.breakBound('limit_exceeded', `more than ${this.limits.pendingCalls} host calls waiting at once`);
        }
        if (!msg || typeof msg.id !== 'number' || typeof msg.method !== 'string' || msg.method.length > 64) {
          return refusal('invalid_args', 'malformed host call');
        }
        if (this.pending.has(msg.id)) return refusal('invalid_args', 'duplicate call id');
        this.pending.add(msg.id);
        this.host.post({ kind: 'call', sessionId: this.id, callId: msg.id, method: msg.method, args: msg.args, gesture: this.inTap });
        return '';
      }
      case 'timer': {
        if (!msg || typeof msg.id !== 'number' || typeof msg.ms !== 'number') return refusal('invalid_args', 'malformed timer');
        if (this.clock.count >= this.limits.timers) {
          return this.breakBound('limit_exceeded', `more than ${this.limits.timers} pending timers`);
        }
        this.clock.set(msg.id, msg.ms, msg.repeat === true);
        return '';
      }
      case 'clearTimer':
        this.clock.clear(msg);
        return '';
      case 'log': {
        if (++this.logsThisEntry > this.limits.logLinesPerEntry) return '';
        const level = ['debug', 'info', 'warn', 'error'].includes(msg?.level) ? msg.level : 'info';
        const text = typeof msg?.text === 'string' ? msg.text.slice(0, 4096) : '';
        this.host.post({ kind: 'log', sessionId: this.id, level, text });
        return '';
      }
      case 'memory':
        return memoryExhausted(this.module) ? 'exhausted' : '';
      case 'fatal': {
        const code = typeof msg?.code === 'string' ? msg.code : 'program_error';
        const known: ErrorCode[] = ['too_large', 'limit_exceeded', 'memory_exceeded', 'stack_exceeded'];
        return this.breakBound(known.includes(code) ? code : 'program_error', String(msg?.message ?? '').slice(0, 500));
      }
      default:
        return refusal('invalid_args', `unknown bridge op`);
    }
  }

  /**
   * Calls `enter(op, arg)` in the guest with a deadline, drains its promise jobs under the same
   * deadline, and returns the string it produced. Throws SessionEnd when a bound broke.
   */
  private enter(op: string, arg: string, budgetMs: number): string {
    return this.call(op, arg, budgetMs, (h) => this.readString(h, this.limits.viewBytes) ?? this.tooLarge());
  }

  /** Thrown while the entry is still measured: a bound the output broke is the reason, not the time reading it took. */
  private tooLarge(): never {
    throw new SessionEnd({ code: 'too_large', message: `the program produced more than ${this.limits.viewBytes} bytes` });
  }

  /** As `enter`, with what the guest returned turned into a host value by `read` while armed. */
  private call<T>(op: string, arg: string, budgetMs: number, read: (h: QuickJSHandle) => T): T {
    if (this.ended) throw new SessionEnd(this.ended);
    const enterFn = this.enterFn;
    if (!enterFn) throw new SessionEnd({ code: 'internal', message: 'session not initialised' });
    return this.charged(budgetMs, () => this.callArmed(enterFn, op, arg, budgetMs, read));
  }

  private callArmed<T>(enterFn: QuickJSHandle, op: string, arg: string, budgetMs: number, read: (h: QuickJSHandle) => T): T {
    this.arm(budgetMs);
    try {
      const opH = this.ctx.newString(op);
      const argH = this.ctx.newString(arg);
      const r = this.ctx.callFunction(enterFn, this.ctx.undefined, opH, argH);
      opH.dispose();
      argH.dispose();
      if (r.error) {
        const reason = classifyGuestError(this.ctx, r.error, 'program_error', memoryExhausted(this.module));
        r.error.dispose();
        throw new SessionEnd(this.breach ?? reason);
      }
      let out: T;
      try {
        out = read(r.value);
      } finally {
        r.value.dispose();
      }
      this.drainJobs();
      if (this.breach) throw new SessionEnd(this.breach);
      return out;
    } finally {
      this.disarm();
    }
  }

  /**
   * The frame `flush` returned. The engine writes it in its binary form, which is read here; a
   * frame that form cannot carry (a Date, a cycle, a getter) goes through the captured
   * `JSON.stringify` instead, so the result is always what JSON would have made of it.
   */
  private readFrame(h: QuickJSHandle): FlushOut | null {
    if (this.ctx.typeof(h) === 'string') {
      const text = this.readString(h, this.limits.viewBytes);
      return text === null ? null : { text };
    }
    const atoms = this.host.atoms;
    const value = this.hostSide(() => {
      const bytes = atoms ? encode(this.ctx, h, this.limits.viewBytes) : null;
      return bytes && atoms ? readValue(bytes, atoms, this.limits.viewBytes) : UNREADABLE;
    });
    if (value !== UNREADABLE) return { value };
    if (!this.jsonFn) throw new SessionEnd({ code: 'internal', message: 'session not initialised' });
    const r = this.ctx.callFunction(this.jsonFn, this.ctx.undefined, h);
    if (r.error) {
      const failed = classifyGuestError(this.ctx, r.error, 'program_error', memoryExhausted(this.module));
      r.error.dispose();
      return { failed };
    }
    const text = this.readString(r.value, this.limits.viewBytes);
    r.value.dispose();
    return text === null ? null : { text };
  }

  private drainJobs(): void {
    for (let round = 0; round < 1000 && this.rt.hasPendingJob(); round++) {
      const r = this.rt.executePendingJobs(1000);
      if (r.error) {
        const reason = classifyGuestError(this.ctx, r.error, 'program_error', memoryExhausted(this.module));
        r.error.dispose();
        if (reason.code !== 'program_error') throw new SessionEnd(this.breach ?? reason);
        this.host.post({ kind: 'log', sessionId: this.id, level: 'error', text: reason.message });
      }
      if (this.breach) throw new SessionEnd(this.breach);
    }
    if (this.rt.hasPendingJob()) throw new SessionEnd({ code: 'cpu_exceeded', message: 'the program queued jobs without end' });
  }

  /** Runs an op, then renders if anything changed and posts the view. */
  private step(op: string, arg: string): void {
    const out = this.enter(op, arg, this.limits.handlerMs);
    const result = parseGuest(out) as { ok: boolean; error?: ErrorBody };
    if (!result.ok && result.error) {
      if (['memory_exceeded', 'stack_exceeded', 'too_large', 'limit_exceeded'].includes(result.error.code)) {
        throw new SessionEnd(result.error);
      }
      if (op === 'launch' || op === 'restore') throw new SessionEnd(result.error);
      this.host.post({ kind: 'log', sessionId: this.id, level: 'error', text: result.error.message });
    }
    this.flush();
  }

  private flush(): void {
    const out = this.call('flush', '', this.limits.handlerMs, (h) => this.readFrame(h) ?? this.tooLarge());
    if ('text' in out && out.text === '') return;
    if ('failed' in out) {
      if (out.failed.code !== 'program_error') throw new SessionEnd(out.failed);
      return this.renderFailed(out.failed.message);
    }
    const parsed = ('value' in out ? out.value : parseGuest(out.text)) as { ok?: boolean; error?: ErrorBody; frame?: any; snapshot?: unknown };
    if (parsed.ok === false && parsed.error) return this.renderFailed(parsed.error.message);
    const f = parsed.frame;
    if (!f || typeof f.route !== 'string' || !Array.isArray(f.stack)) {
      throw new SessionEnd({ code: 'invalid_view', message: 'the program produced a malformed frame' });
    }
    this.host.frames['value' in out ? 'direct' : 'json']++;
    let view: ViewNode;
    try {
      view = validateView(f.view, { viewNodes: this.limits.viewNodes });
    } catch (e) {
      throw new SessionEnd({ code: 'invalid_view', message: (e as Error).message });
    }
    const prev = this.lastView;
    const routeChanged = this.seq === 0 || this.lastRoute !== f.route;
    this.lastView = view;
    this.lastRoute = f.route;
    const base = {
      seq: ++this.seq,
      route: f.route,
      title: typeof f.title === 'string' ? f.title.slice(0, 40) : '',
      stack: f.stack.filter((r: unknown) => typeof r === 'string').slice(0, 10),
    };
    const patches = !routeChanged && prev ? diffView(prev, view) : null;
    const update = patches ? { ...base, patches } : { ...base, view };
    const snapshot = typeof parsed.snapshot === 'string' ? parsed.snapshot : undefined;
    this.host.post({ kind: 'update', sessionId: this.id, update, snapshot });
  }

  /** A render that threw ends a session that never drew; later, the last view stays up. */
  private renderFailed(message: string): void {
    if (!this.lastView) throw new SessionEnd({ code: 'program_error', message: `render failed: ${message}` });
    this.host.post({ kind: 'log', sessionId: this.id, level: 'error', text: `render failed: ${message}` });
  }
  private lastRoute = '';
  private inTap = false;

  launch(route: string, query: Record<string, string>, scene: unknown): void {
    const { pages } = this.init;
    if (!pages.pages.includes(route)) throw new SessionEnd({ code: 'not_found', message: `no page "${route}"` });
    this.step('launch', JSON.stringify({ route, query, scene: scene ?? null, pages: pages.pages, tabs: pages.tabs }));
    this.expectView();
  }

  restore(snapshot: Snapshot): void {
    const { pages } = this.init;
    this.step('restore', JSON.stringify({ snapshot, pages: pages.pages, tabs: pages.tabs }));
    this.expectView();
  }

  /** A session is open only once it shows a page (a tampered realm can leave its page stack empty). */
  private expectView(): void {
    if (!this.lastView) throw new SessionEnd({ code: 'program_error', message: 'the program opened no page' });
  }

  event(ev: ShellEvent): void {
    // Some host APIs (a subscription prompt, the share sheet) answer only the user's own tap, as
    // browsers keep popups to a click: true only for calls made in this very turn.
    this.inTap = ev.type === 'tap';
    try {
      this.step('event', JSON.stringify(ev));
    } finally {
      this.inTap = false;
    }
  }

  settle(callId: number, json: string): void {
    if (!this.pending.delete(callId)) return;
    this.step('settle', json);
  }

  fireTimer(id: number): void {
    this.step('timer', String(id));
  }

  snapshot(): Snapshot {
    return parseGuest(this.enter('snapshot', '', this.limits.handlerMs)) as Snapshot;
  }

  /** Lets the page say goodbye (onUnload) within its budget, then frees everything. */
  close(): void {
    try {
      if (!this.ended) this.enter('close', '', this.limits.handlerMs);
    } catch {
      /* closing anyway */
    }
    this.dispose();
  }

  /** Frees the runtime; safe to call twice. Dispose can abort on leaked handles, so it never throws. */
  dispose(): void {
    this.clock.stop();
    this.pending.clear();
    try {
      this.enterFn?.dispose();
      this.jsonFn?.dispose();
    } catch {
      /* see above */
    }
    this.enterFn = null;
    this.jsonFn = null;
    try {
      this.ctx.dispose();
      this.rt.dispose();
    } catch {
      this.module.retired = true;
    }
  }

  /** Re-labels a pre-warmed session for the user who opens it. */
  adopt(sessionId: string, slot: number, clock: 'real' | 'manual'): void {
    this.id = sessionId;
    this.slot = slot;
    this.clock.stop();
    this.clock = new GuestClock(clock, (id) => this.host.timer(this, id));
    this.timersTold = 0;
  }

  /**
   * Keeps the main thread's count of pending timers current, so that if this shard dies the
   * session can be told how many it lost. Sent only when the count changed.
   */
  private tellTimers(): void {
    const count = this.clock.count;
    if (count === this.timersTold || this.ended) return;
    this.timersTold = count;
    this.host.post({ kind: 'timers', sessionId: this.id, count });
  }
  private timersTold = 0;
}

/** Guest output is text the guest wrote: text that is not JSON ends the session, not the module. */
function parseGuest(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SessionEnd({ code: 'invalid_view', message: 'the program produced output that is not JSON' });
  }
}

function refusal(code: ErrorCode, message: string): string {
  return JSON.stringify({ code, message });
}
