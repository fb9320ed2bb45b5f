import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { transact } from '../../db/index.ts';
import type { AppEnv } from '../../http/index.ts';
import type { PaymentsTables } from './tables.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key`, if it sent one; a malformed one is refused. */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !KEY.test(key)) throw new AtriumError('invalid_request', 'An Idempotency-Key is 1 to 255 printable characters.');
  return key;
}

/**
 * `Idempotency-Key` for the merchant API's writes: the first request with a key runs and its
 * answer is kept; the same key again gets that answer without running anything; the same key on
 * a different request is a conflict.
 *
 * The key, the work and the answer commit in one transaction. A host that dies in the middle
 * leaves none of the three, so the retry does the work once; a copy sent while the first is still
 * running waits on the key's row (PostgreSQL) or the database (SQLite) and then answers with what
 * the first one did. There is never a key that is claimed but has no answer.
 */
export function idempotency(db: Kysely<PaymentsTables>) {
  return async function idempotent<T extends object>(c: Context<AppEnv>, scope: string, request: unknown, run: (trx: Transaction<PaymentsTables>) => Promise<T>) {
    const key = idempotencyKeyOf(c);
    if (key === undefined) return c.json(await transact(db, run), 200);
    const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${JSON.stringify(request ?? null)}`).digest('base64url');
    const outcome = await transact(db, async (trx) => {
      const claimed = await trx
        .insertInto('pay_idempotency')
        .values({ scope, key, request_hash: hash, response: '', created_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) {
        const earlier = await trx.selectFrom('pay_idempotency').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirstOrThrow();
        if (earlier.request_hash !== hash) throw new AtriumError('conflict', 'This Idempotency-Key was used for a different request.');
        return { replayed: true, result: JSON.parse(earlier.response) as T };
      }
      const result = await run(trx);
      await trx.updateTable('pay_idempotency').set({ response: JSON.stringify(result) }).where('scope', '=', scope).where('key', '=', key).execute();
      return { replayed: false, result };
    });
    return outcome.replayed ? c.json(outcome.result, 200, { 'idempotent-replayed': 'true' }) : c.json(outcome.result, 200);
  };
}
