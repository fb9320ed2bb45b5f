import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSSyncVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import ngImport from '@jitl/quickjs-ng-wasmfile-release-sync';
import { prepareContext, type PreparedContext } from './prepared-context.ts';

// The package's CommonJS typings describe the module object; at run time ESM gives the variant.
const ng = ngImport as unknown as QuickJSSyncVariant;

const PAGE = 64 * 1024;
/** Emscripten needs at least 16 MiB to start; memory above it is committed only when touched. */
const INITIAL_PAGES = 256;
/** Past this share of its maximum, a module takes no new sessions. */
const FILL_LIMIT = 0.7;
const SESSIONS_PER_MODULE = 256;

/** How long, and for how many merchants, a module with no session left is kept for the next open. */
export interface IdleModules {
  /** Merchants per shard whose last module stays after their last session closed. */
  max: number;
  /** A module idle longer than this is dropped. */
  ms: number;
}

/** One merchant's WebAssembly instance of QuickJS, with a memory that cannot grow past its maximum. */
export interface MerchantModule {
  merchantId: string;
  qjs: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  maxBytes: number;
  sessions: number;
  /** After a host-side exception the module is never trusted with new work. */
  retired: boolean;
  /** A context with the bootstrap evaluated, for the next session opened in this module. */
  prepared: PreparedContext | null;
}

/**
 * Modules by merchant. No two merchants ever share one: runtimes in one linear memory are not
 * isolated from engine bugs (shared/SANDBOX.md, 4). The ng variant is the safer engine.
 */
export class ModuleRegistry {
  private readonly byMerchant = new Map<string, MerchantModule[]>();
  /**
   * Instantiated modules no merchant has touched yet, one per memory size in use, so a merchant's
   * first session does not wait for instantiation. A spare is handed to one merchant, never back.
   */
  private readonly spares = new Map<number, Promise<Spare>>();
  /**
   * Modules kept after their merchant's last session closed, oldest first, with when they went
   * idle. Bounded: without a bound every merchant a shard ever served would keep megabytes of
   * linear memory here for good.
   */
  private readonly idle = new Map<MerchantModule, number>();

  constructor(
    private readonly wasm: WebAssembly.Module,
    private readonly bootstrap: string,
    private readonly keep: IdleModules = { max: 64, ms: 10 * 60_000 },
  ) {
    setInterval(() => this.trimIdle(), Math.min(keep.ms, 60_000)).unref();
  }

  private async instantiate(maxBytes: number): Promise<Spare> {
    const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: maxPages(maxBytes) });
    const qjs = await newQuickJSWASMModuleFromVariant(newVariant(ng, { wasmModule: this.wasm, wasmMemory: memory }));
    return { qjs, memory, prepared: prepareContext(qjs, this.bootstrap) };
  }

  /**
   * The module's prepared context for a session about to open in it, or a new one made now; the
   * module gets its next one once the current burst of work is over.
   */
  takeContext(m: MerchantModule): PreparedContext {
    const ready = m.prepared;
    m.prepared = null;
    setTimeout(() => {
      if (m.retired || m.prepared || !this.byMerchant.get(m.merchantId)?.includes(m)) return;
      try {
        m.prepared = prepareContext(m.qjs, this.bootstrap);
      } catch {
        // Out of memory, most likely: the next open makes its context itself, and says why.
      }
    }, 25).unref();
    return ready ?? prepareContext(m.qjs, this.bootstrap);
  }

  /** Makes a spare module of this size ready in the background. */
  prepare(maxBytes: number): Promise<Spare> {
    let spare = this.spares.get(maxBytes);
    if (!spare) {
      spare = this.instantiate(maxBytes);
      spare.catch(() => this.spares.delete(maxBytes));
      this.spares.set(maxBytes, spare);
    }
    return spare;
  }

  async acquire(merchantId: string, maxBytes: number): Promise<MerchantModule> {
    const list = this.byMerchant.get(merchantId) ?? [];
    const fit = list.find(
      (m) =>
        !m.retired &&
        m.maxBytes === maxBytes &&
        m.sessions < SESSIONS_PER_MODULE &&
        m.memory.buffer.byteLength < m.maxBytes * FILL_LIMIT,
    );
    if (fit) {
      fit.sessions++;
      this.idle.delete(fit);
      return fit;
    }
    const spare = this.spares.get(maxBytes);
    this.spares.delete(maxBytes);
    const { qjs, memory, prepared } = await (spare ?? this.instantiate(maxBytes));
    // Refill once the current burst of work is over, not in the middle of it.
    setTimeout(() => void this.prepare(maxBytes).catch(() => {}), 25).unref();
    const m: MerchantModule = { merchantId, qjs, memory, maxBytes, sessions: 1, retired: false, prepared };
    list.push(m);
    this.byMerchant.set(merchantId, list);
    return m;
  }

  release(m: MerchantModule): void {
    m.sessions--;
    if (m.sessions > 0) return;
    const list = this.byMerchant.get(m.merchantId) ?? [];
    // Keep one idle module per merchant warm: creating one costs a few milliseconds.
    const idle = list.filter((x) => x.sessions === 0 && !x.retired);
    if (m.retired || idle.length > 1) this.drop(m);
    else this.idle.set(m, Date.now());
    this.trimIdle();
  }

  private drop(m: MerchantModule): void {
    this.idle.delete(m);
    const rest = (this.byMerchant.get(m.merchantId) ?? []).filter((x) => x !== m);
    if (rest.length) this.byMerchant.set(m.merchantId, rest);
    else this.byMerchant.delete(m.merchantId);
  }

  /** Drops the oldest idle modules past the bound, and any idle too long. */
  private trimIdle(): void {
    const now = Date.now();
    for (const [m, since] of this.idle) {
      if (this.idle.size <= this.keep.max && now - since < this.keep.ms) break;
      this.drop(m);
    }
  }

  stats(): { modules: number; wasmBytes: number } {
    let modules = 0;
    let wasmBytes = 0;
    for (const list of this.byMerchant.values()) {
      for (const m of list) {
        modules++;
        wasmBytes += m.memory.buffer.byteLength;
      }
    }
    return { modules, wasmBytes };
  }
}

export interface Spare {
  qjs: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  prepared: PreparedContext;
}

function maxPages(maxBytes: number): number {
  return Math.max(INITIAL_PAGES, Math.floor(maxBytes / PAGE));
}

/**
 * Whether a module's memory can grow no further. Emscripten grows it by at least 5% at a time, so
 * allocations start failing a little short of the maximum.
 */
export function memoryExhausted(m: MerchantModule): boolean {
  return m.memory.buffer.byteLength * 1.05 > maxPages(m.maxBytes) * PAGE;
}
