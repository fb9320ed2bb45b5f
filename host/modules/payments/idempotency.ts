import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import { transact } from '../../db/index.ts';
import { claimOf, idempotentJson, onceByKey, type AppEnv } from '../../http/index.ts';
import type { PaymentsTables } from './tables.ts';

export { idempotencyKeyOf } from '../../http/index.ts';

/**
 * `Idempotency-Key` for the merchant API's writes: the first request with a key runs and its
 * answer is kept; the same key again gets that answer without running anything; the same key on
 * a different request is a conflict. Key, work and answer commit in one transaction
 * (host/http/idempotency.ts), so there is never a key that is claimed but has no answer.
 */
export function idempotency(db: Kysely<PaymentsTables>) {
  return async function idempotent<T extends object>(c: Context<AppEnv>, scope: string, request: unknown, run: (trx: Transaction<PaymentsTables>) => Promise<T>) {
    const claim = claimOf(c, scope, request);
    if (claim === undefined) return c.json(await transact(db, run), 200);
    return idempotentJson(c, await transact(db, (trx) => onceByKey(trx, 'pay_idempotency', claim, () => run(trx))));
  };
}
