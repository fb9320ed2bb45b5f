/** Run a mini-program headless in the real runtime, with an in-memory host, from tests. */
export { openProgram, ProgramTester, type OpenProgramOptions, type RecordedCall } from './harness.ts';
export { createMemoryHost, type MemoryHostOptions, type MemoryHostProgram, type MemoryHostState, type Stub, type Stubs } from './memory-host.ts';
export type { TestGroup } from './memory-groups.ts';
export type { SubscribeAnswer, SubscriptionsState } from './memory-subscriptions.ts';
export { findAll, textOf, describeView, type FoundNode, type NodeQuery } from './query.ts';
export { AtriumError, type ErrorCode } from '../contract/index.ts';
