import { sql, type Kysely } from 'kysely';
import { RateLimitedError } from '../../http/index.ts';
import type { IdentityTables } from './tables.ts';

/**
 * Slows password guessing against one account: after `maxFailures` wrong passwords within
 * `windowMs`, that account's logins answer rate_limited until the window has passed. The count
 * lives in the database, so every node of a cluster counts the same guesses.
 */
export interface LoginThrottle {
  /** Throws RateLimitedError while `key` is locked out. */
  check(key: string): Promise<void>;
  failed(key: string): Promise<void>;
  succeeded(key: string): Promise<void>;
}

export function createLoginThrottle(db: Kysely<IdentityTables>, options: { now: () => Date; maxFailures?: number; windowMs?: number }): LoginThrottle {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const windowStart = () => new Date(options.now().getTime() - windowMs).toISOString();

  return {
    async check(key) {
      const row = await db.selectFrom('identity_login_failures').select(['failures', 'since']).where('key', '=', key).executeTakeFirst();
      if (!row || row.since <= windowStart() || Number(row.failures) < maxFailures) return;
      const waitMs = Date.parse(row.since) + windowMs - options.now().getTime();
      throw new RateLimitedError(waitMs / 1000, 'Too many failed sign-in attempts; try again later.');
    },
    async failed(key) {
      const at = options.now().toISOString();
      const start = windowStart();
      // One statement, so guesses arriving at once on several nodes are all counted; a count
      // whose window has passed starts again at one.
      await db
        .insertInto('identity_login_failures')
        .values({ key, failures: 1, since: at })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when identity_login_failures.since <= ${start} then 1 else identity_login_failures.failures + 1 end`,
            since: sql<string>`case when identity_login_failures.since <= ${start} then ${at} else identity_login_failures.since end`,
          }),
        )
        .execute();
      // A flood of distinct emails leaves rows behind; the ones whose window passed go.
      await db.deleteFrom('identity_login_failures').where('since', '<=', start).execute();
    },
    async succeeded(key) {
      await db.deleteFrom('identity_login_failures').where('key', '=', key).execute();
    },
  };
}
