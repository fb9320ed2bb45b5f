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
