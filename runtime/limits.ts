/** The bounds every session runs under (DESIGN.md, "Execution model"); an admin may change them per app. */
export interface Limits {
  /** Fixed maximum of a merchant's WebAssembly memory; the only memory bound that holds. */
  memoryBytes: number;
  /** QuickJS stack; keep ≤ 1 MiB, the worker's native stack is sized for it. */
  stackBytes: number;
  /** CPU time for one handler, lifecycle call, host-call settlement or timer. */
  handlerMs: number;
  /** CPU time to evaluate the bundle. */
  evalMs: number;
  /**
   * CPU time a session may use over any `cpuWindowMs`, across all its calls (handlers, timers,
   * host-call settlements, loading): the per-call budget alone let a `setInterval(0)` burning
   * 95 ms per tick run for ever. Using more ends the session with `cpu_exceeded`. It also weighs
   * sessions against each other: a shard runs next the session that used the least of it.
   */
  cpuPerWindowMs: number;
  cpuWindowMs: number;
  hostCallsPerEntry: number;
  /** Host calls a session may have waiting at once. */
  pendingCalls: number;
  setDataBytes: number;
  resultBytes: number;
  argBytes: number;
  viewNodes: number;
  /** Size of one rendered frame as JSON. */
  viewBytes: number;
  timers: number;
  logLinesPerEntry: number;
  bundleBytes: number;
}

const MiB = 1024 * 1024;

export const defaultLimits: Limits = {
  memoryBytes: 128 * MiB,
  stackBytes: 512 * 1024,
  handlerMs: 100,
  evalMs: 1000,
  // A fifth of a core on average: room for loading a big bundle and bursts of taps, none for
  // a program that keeps a core busy on its own.
  cpuPerWindowMs: 2000,
  cpuWindowMs: 10_000,
  hostCallsPerEntry: 1000,
  pendingCalls: 1000,
  setDataBytes: MiB,
  resultBytes: MiB,
  argBytes: 64 * 1024,
  viewNodes: 10_000,
  viewBytes: 4 * MiB,
  timers: 100,
  logLinesPerEntry: 100,
  bundleBytes: 2 * MiB,
};

/** How long past its budget a guest may stay inside one entry before the watchdog ends its shard. */
export function watchdogBoundMs(budgetMs: number): number {
  return 4 * budgetMs + 100;
}
