/**
 * Guest values out of QuickJS without the guest's `JSON.stringify`: the engine writes its binary
 * object format and the shard reads it into the same JSON value. Anything unusual in the value
 * makes the reader give up, and the caller falls back to JSON.
 */
export { probeAtoms, type AtomTable } from './atoms.ts';
export { encode } from './encode.ts';
export { readValue, UNREADABLE } from './read.ts';
