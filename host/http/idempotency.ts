import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import { AtriumError } from '../../sdk/contract/errors.ts';
import type { AppEnv } from './env.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key`, if it sent one; a malformed one is refused. */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !KEY.test(key)) throw new AtriumError('invalid_request', 'An Idempotency-Key is 1 to 255 printable characters.');
  return key;
}

/** A key claimed for one request: the same key on a request with another fingerprint is a conflict. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  hash: string;
}

/** The claim of this request's key (none without one): its method, path and the request as parsed. */
export function claimOf(c: Context<AppEnv>, scope: string, request: unknown): IdempotencyClaim | undefined {
  const key = idempotencyKeyOf(c);
  if (key === undefined) return undefined;
  const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${JSON.stringify(request ?? null)}`).digest('base64url');
  return { scope, key, hash };
}

/**
 * Each module that takes keys keeps them in a table of its own with these columns (primary key
 * scope and key); `table` names it.
 */
export interface IdempotencyTable {
  scope: string;
  key: string;
  request_hash: string;
  /** The first answer as JSON; never empty once committed (the claim and the answer commit together). */
  response: string;
  created_at: string;
}

/** The answer the key already has, if the first request with it committed; a conflict if it was another request. */
export async function earlierAnswer<T>(db: Kysely<any> | Transaction<any>, table: string, claim: IdempotencyClaim): Promise<T | undefined> {
  const earlier = (await db.selectFrom(table).selectAll().where('scope', '=', claim.scope).where('key', '=', claim.key).executeTakeFirst()) as IdempotencyTable | undefined;
  if (!earlier) return undefined;
  if (earlier.request_hash !== claim.hash) throw new AtriumError('conflict', 'This Idempotency-Key was used for a different request.');
  return JSON.parse(earlier.response) as T;
}

/**
 * Claims the key in `trx` and runs `work`, keeping its answer under the key; or, when the key
 * was claimed already, answers what the first request did without running anything. Claim, work
 * and answer commit in the caller's one transaction: a host that dies in the middle leaves none
 * of them, so the retry does the work once; a copy sent while the first still runs waits on the
 * key's row (PostgreSQL) or the database (SQLite) and then answers with what the first one did.
 */
export async function onceByKey<T>(trx: Transaction<any>, table: string, claim: IdempotencyClaim, work: () => Promise<T>): Promise<{ replayed: boolean; result: T }> {
  const claimed = await trx
    .insertInto(table)
    .values({ scope: claim.scope, key: claim.key, request_hash: claim.hash, response: '', created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) return { replayed: true, result: (await earlierAnswer<T>(trx, table, claim)) as T };
  const result = await work();
  await trx.updateTable(table).set({ response: JSON.stringify(result) }).where('scope', '=', claim.scope).where('key', '=', claim.key).execute();
  return { replayed: false, result };
}

/** The answer, saying so in a header when it is the first request's answer given again. */
export function idempotentJson<T extends object>(c: Context<AppEnv>, outcome: { replayed: boolean; result: T }) {
  return outcome.replayed ? c.json(outcome.result, 200, { 'idempotent-replayed': 'true' }) : c.json(outcome.result, 200);
}
