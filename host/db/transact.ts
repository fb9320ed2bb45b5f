import { SqliteAdapter, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { AtriumError } from '../../sdk/contract/index.ts';

type Executor<DB> = Kysely<DB> | Transaction<DB>;

/** How often a transaction the database ended to break a deadlock is tried again before giving up. */
const ATTEMPTS = 6;

/**
 * Errors that say "this transaction lost a race, not an argument": PostgreSQL ends one of two
 * deadlocked transactions (40P01) and, at stricter isolation, one that read what another then
 * changed (40001); SQLite says busy when another process holds the write lock past the timeout.
 * Nothing of a transaction that failed so has happened, so running it again is safe.
 */
export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/** Waits a little longer each attempt, with jitter, so two retried losers do not meet again in step. */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What a client hears when every attempt lost: a passing condition, worth trying again. */
export function busyError(): AtriumError {
  return new AtriumError('busy', 'The system is busy with the same records; try again in a moment.');
}

/**
 * Runs `work` in a transaction, and again (a bounded number of times) when the database ended it
 * to break a deadlock or a serialization conflict, so ordinary concurrency never reaches a client
 * as a fault. Given a transaction already, `work` joins it: the caller's transaction decides
 * commit and retry. `work` may run more than once, so it must do nothing outside the database
 * that it cannot do again.
 *
 * @example
 * const refund = await transact(db, async (trx) => {
 *   const order = await lockRow(trx, trx.selectFrom('pay_orders').selectAll().where('id', '=', id));
 *   ...
 * });
 */
export async function transact<DB, R>(db: Executor<DB>, work: (trx: Transaction<DB>) => Promise<R>): Promise<R> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (e) {
      if (!isRetryable(e)) throw e;
      if (attempt + 1 >= ATTEMPTS) throw busyError();
      await backoff(attempt);
    }
  }
}

/**
 * Whether the engine locks single rows. PostgreSQL does (`SELECT … FOR UPDATE`); SQLite has no
 * such clause because a write transaction there already holds the whole database (and this host
 * serialises its SQLite transactions on one connection).
 */
export function locksRows(db: Executor<any>): boolean {
  return !(db.getExecutor().adapter instanceof SqliteAdapter);
}

/**
 * A select that locks the rows it reads until the transaction ends, so a decision made from them
 * cannot be undercut by a concurrent one: the other waits, then reads what this one wrote.
 */
export function forUpdate<DB, TB extends keyof DB, O>(trx: Transaction<any>, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return locksRows(trx) ? query.forUpdate() : query;
}
