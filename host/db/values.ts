import { randomUUID } from 'node:crypto';

/**
 * Column conventions that read the same on both engines: ids are text (UUIDs made here, so a row's
 * id is known before it is written), times are ISO-8601 text (sortable), flags are 0/1 integers,
 * money is a bigint of minor units, JSON is text.
 */
export function newId(): string {
  return randomUUID();
}

export function now(): string {
  return new Date().toISOString();
}

let lastMs = 0;
let counter = 0;
/**
 * An id that sorts in the order this process made it: time, a counter within the millisecond,
 * then randomness so nodes never collide. Rows keyed by it append to the end of their index
 * instead of landing on a random page, which keeps hot inserts cheap.
 */
export function sortableId(): string {
  const ms = Date.now();
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return `${ms.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${randomUUID().slice(0, 8)}`;
}
