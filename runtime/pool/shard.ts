import { Worker } from 'node:worker_threads';
import type { ErrorBody } from '../../sdk/contract/index.ts';
import { watchdogBoundMs } from '../limits.ts';
import { WATCH, type FromShard, type Notice, type Request, type ShardMessage } from '../shard/protocol.ts';
import type { ShardData } from '../shard/worker.ts';
import type { IdleModules } from '../shard/modules.ts';
import type { ShardCode } from './worker-file.ts';

export class ShardError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
  }
}

export interface ShardEvents {
  notice(shard: Shard, n: Notice): void;
  /** The shard is gone; `culpritSlot` names the session that was inside the guest, if one was. */
  died(shard: Shard, culpritSlot: number | null, reason: ErrorBody): void;
}

/**
 * The main thread's handle on one worker-thread shard: requests with replies, and the watchdog
 * that terminates the worker when a guest stays inside one entry past 4 x budget + 100 ms.
 */
export class Shard {
  readonly sessions = new Set<string>();
  private readonly worker: Worker;
  private readonly watch: Int32Array;
  private readonly epoch = Date.now();
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private readyPromise: Promise<void>;
  dead = false;

  constructor(
    readonly index: number,
    code: ShardCode,
    private readonly events: ShardEvents,
    memoryBytes: number,
    idleModules: IdleModules,
  ) {
    const buffer = new SharedArrayBuffer(WATCH.size * 4);
    this.watch = new Int32Array(buffer);
    const workerData: ShardData = { bootstrap: code.bootstrap, wasmPath: code.wasmPath, watch: buffer, epoch: this.epoch, memoryBytes, idleModules };
    this.worker = new Worker(code.workerFile, { workerData, resourceLimits: { stackSizeMb: 32 } });
    this.worker.unref();
    this.readyPromise = new Promise((resolve, reject) => {
      this.pending.set(0, { resolve: () => resolve(), reject });
    });
    this.readyPromise.catch(() => {});
    this.worker.on('message', (batch: ShardMessage) => {
      for (const m of batch) this.onMessage(m);
    });
    this.worker.on('error', (e) => this.die(null, { code: 'shard_crashed', message: `shard failed: ${e.message}` }));
    this.worker.on('exit', () => this.die(null, { code: 'shard_crashed', message: 'shard exited' }));
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  private onMessage(m: FromShard): void {
    if ('kind' in m) {
      this.events.notice(this, m);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new ShardError(m.error));
  }

  request<T = unknown>(req: Request): Promise<T> {
    if (this.dead) return Promise.reject(new ShardError({ code: 'shard_crashed', message: 'shard is gone' }));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  /** Called by the runtime's watchdog timer; ends the shard if a guest is stuck. */
  check(now: number): void {
    if (this.dead || Atomics.load(this.watch, WATCH.busy) !== 1) return;
    const started = Atomics.load(this.watch, WATCH.startMs) + this.epoch;
    const budget = Atomics.load(this.watch, WATCH.budgetMs);
    if (now - started > watchdogBoundMs(budget)) {
      const slot = Atomics.load(this.watch, WATCH.slot);
      this.die(slot, {
        code: 'cpu_exceeded',
        message: `the program ran ${now - started} ms inside one call (budget ${budget} ms) and was stopped`,
      });
    }
  }

  private die(culpritSlot: number | null, reason: ErrorBody): void {
    if (this.dead) return;
    this.dead = true;
    void this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new ShardError({ code: 'shard_crashed', message: reason.message }));
    this.pending.clear();
    this.events.died(this, culpritSlot, reason);
  }

  async close(): Promise<void> {
    if (this.dead) return;
    this.dead = true;
    for (const p of this.pending.values()) p.reject(new ShardError({ code: 'session_ended', message: 'runtime closed' }));
    this.pending.clear();
    await this.worker.terminate();
  }
}
