import { z } from 'zod';
import { method } from './define.ts';
import type { Json } from './view.ts';

const key = z.string().min(1).max(128).regex(/^[\w.:-]+$/, 'letters, digits and . : _ -');
const json: z.ZodType<Json, Json> = z.json() as z.ZodType<Json, Json>;

/**
 * Key-value storage kept per user and per app by the host, so it survives sessions and devices.
 * Quotas: 1 MiB per value, 10 MiB per user per app.
 */
export const storage = {
  /**
   * Reads a value; `null` when the key was never set.
   * @example
   * const { value } = await storage.get({ key: 'cart' });
   */
  get: method({ args: z.object({ key }).strict(), result: z.object({ value: json.nullable() }) }),
  /**
   * Writes a JSON value under a key.
   * @example
   * await storage.set({ key: 'cart', value: [{ sku: 'tea-1', qty: 2 }] });
   */
  set: method({ args: z.object({ key, value: json }).strict(), result: z.null() }),
  /**
   * Removes a key (nothing happens if it is not there).
   * @example
   * await storage.remove({ key: 'cart' });
   */
  remove: method({ args: z.object({ key }).strict(), result: z.null() }),
  /**
   * Lists the keys and how much of the quota they use.
   * @example
   * const { keys, usedBytes, limitBytes } = await storage.info();
   */
  info: method({
    args: z.undefined().optional(),
    result: z.object({ keys: z.array(z.string()), usedBytes: z.number().int(), limitBytes: z.number().int() }),
  }),
  /**
   * Removes every key of this app for this user.
   * @example
   * await storage.clear();
   */
  clear: method({ args: z.undefined().optional(), result: z.null() }),
};
