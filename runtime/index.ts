/** The sandbox runtime's public surface. It never imports the host. */
export { Runtime, errorBody, type OpenOptions, type RuntimeOptions, type WarmSpec } from './pool/runtime.ts';
export { Session, type CallHandler, type GuestCall, type SessionListener } from './pool/session.ts';
export { createDispatcher, toErrorBody, type DispatchOptions } from './dispatch/dispatcher.ts';
export { defaultLimits, watchdogBoundMs, type Limits } from './limits.ts';
export { applyPatches, diffView, type Patch } from './view/diff.ts';
export { validateView } from './view/validate.ts';
export type { LostWork, PageConfig, Snapshot, ViewUpdate, ShardStats } from './shard/protocol.ts';
