import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import type { AppEnv } from '../../http/index.ts';
import type { PaymentsTables } from './tables.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` for the merchant API's writes: the first request with a key runs and its
 * answer is kept; the same key again gets that answer without running anything; the same key on
 * a different request is a conflict. A key is claimed before the work starts, so two copies
 * racing cannot both run.
 */
export function idempotency(db: Kysely<PaymentsTables>) {
  return async function idempotent<T extends object>(c: Context<AppEnv>, scope: string, request: unknown, run: () => Promise<T>) {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return c.json(await run(), 200);
    if (!KEY.test(key)) throw new AtriumError('invalid_request', 'An Idempotency-Key is 1 to 255 printable characters.');
    const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${JSON.stringify(request ?? null)}`).digest('base64url');
    const at = new Date().toISOString();
    const claimed = await db
      .insertInto('pay_idempotency')
      .values({ scope, key, request_hash: hash, response: '', created_at: at })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const earlier = await db.selectFrom('pay_idempotency').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirstOrThrow();
      if (earlier.request_hash !== hash) throw new AtriumError('conflict', 'This Idempotency-Key was used for a different request.');
      if (earlier.response === '') throw new AtriumError('conflict', 'A request with this Idempotency-Key is still running; retry in a moment.');
      return c.json(JSON.parse(earlier.response) as T, 200, { 'idempotent-replayed': 'true' });
    }
    try {
      const result = await run();
      await db.updateTable('pay_idempotency').set({ response: JSON.stringify(result) }).where('scope', '=', scope).where('key', '=', key).execute();
      return c.json(result, 200);
    } catch (e) {
      // A failed request changed nothing, so the key is free for a corrected retry.
      await db.deleteFrom('pay_idempotency').where('scope', '=', scope).where('key', '=', key).execute();
      throw e;
    }
  };
}
