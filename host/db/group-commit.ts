import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { busyError, isRetryable } from './transact.ts';

interface Job<R> {
  work(trx: Transaction<any>): Promise<R>;
  resolve(value: R): void;
  reject(error: unknown): void;
  /** Times the database ended this job to break a deadlock; it is queued again a few times. */
  lost: number;
}

const ATTEMPTS = 6;

/**
 * Group commit: writes that arrive together share one transaction, each inside its own savepoint.
 * A commit costs far more than a small write (SQLite appends every dirty page to its log,
 * PostgreSQL waits for the disk), so a burst of payments commits once instead of once each. A job
 * that throws rolls back to its savepoint alone; nobody hears of success before the commit. A job
 * the database ended to break a deadlock (or a batch whose commit it refused) changed nothing and
 * joins a later batch, a few times at most, so ordinary concurrency never reaches a caller.
 *
 * @example
 * const writes = groupCommit(db);
 * const paid = await writes((trx) => payIn(trx, order));
 */
export function groupCommit(db: Kysely<any>, options: { maxBatch?: number } = {}) {
  const maxBatch = options.maxBatch ?? 64;
  const queue: Job<any>[] = [];
  let draining = false;

  async function runBatch(batch: Job<any>[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const [i, job] of batch.entries()) {
          await trx.executeQuery(CompiledQuery.raw(`savepoint job_${i}`));
          try {
            outcomes.push({ ok: true, value: await job.work(trx) });
            await trx.executeQuery(CompiledQuery.raw(`release savepoint job_${i}`));
          } catch (error) {
            await trx.executeQuery(CompiledQuery.raw(`rollback to savepoint job_${i}`));
            await trx.executeQuery(CompiledQuery.raw(`release savepoint job_${i}`));
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: none of the batch happened.
      for (const job of batch) settle(job, { ok: false, error });
      return;
    }
    batch.forEach((job, i) => settle(job, outcomes[i]!));
  }

  function settle(job: Job<any>, o: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    if (o.ok) return job.resolve(o.value);
    if (!isRetryable(o.error)) return job.reject(o.error);
    if (++job.lost >= ATTEMPTS) return job.reject(busyError());
    queue.push(job);
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length) await runBatch(queue.splice(0, maxBatch));
    } finally {
      draining = false;
    }
  }

  return function write<R>(work: (trx: Transaction<any>) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      queue.push({ work, resolve, reject, lost: 0 });
      // Start on the next turn, so writes arriving in the same burst join the batch.
      if (!draining) {
        draining = true;
        setImmediate(() => void drain());
      }
    });
  };
}

export type GroupCommit = ReturnType<typeof groupCommit>;
