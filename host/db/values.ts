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
