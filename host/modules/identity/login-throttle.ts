import { sql, type Kysely } from 'kysely';
import { RateLimitedError } from '../../http/index.ts';
import { sourceOf } from './login-source.ts';
import type { IdentityTables } from './tables.ts';

/** One sign-in attempt: the account it is for (`kind:email`) and the address it came from. */
export interface LoginAttempt {
  account: string;
  source: string;
}

/**
 * Slows password guessing without handing a lockout to anyone who knows an email. Failures are
 * counted three ways within `windowMs`, and an attempt is refused while any count is at its limit:
 * - an account from one source (10): a guesser is stopped, and the account's owner signing in
 *   from anywhere else is not;
 * - an account from every source together (100): guessing spread over many addresses is bounded
 *   too, at the price that ten or more addresses together can lock the account out;
 * - a source against every account (200): one address trying password after password across
 *   many accounts is stopped.
 * A source is an IPv4 address or an IPv6 /64 (login-source.ts). The counts live in the database,
 * so every node of a cluster counts the same guesses.
 */
export interface LoginThrottle {
  /** Throws RateLimitedError while the attempt's account, source, or the pair is locked out. */
  check(attempt: LoginAttempt): Promise<void>;
  failed(attempt: LoginAttempt): Promise<void>;
  /** Forgets the pair's failures; the wider counts run out with their window. */
  succeeded(attempt: LoginAttempt): Promise<void>;
}

export interface ThrottleLimits {
  perAccountAndSource: number;
  perAccount: number;
  perSource: number;
  windowMs: number;
}

export const defaultThrottleLimits: ThrottleLimits = { perAccountAndSource: 10, perAccount: 100, perSource: 200, windowMs: 15 * 60 * 1000 };

/**
 * The rows an attempt counts in. The account's own key is the one this table always used, so
 * counts made before sources were told apart carry on as the account-wide count.
 */
function keysOf(attempt: LoginAttempt, limits: ThrottleLimits): { key: string; limit: number }[] {
  const source = sourceOf(attempt.source);
  return [
    { key: `${attempt.account} from ${source}`, limit: limits.perAccountAndSource },
    { key: attempt.account, limit: limits.perAccount },
    { key: `from ${source}`, limit: limits.perSource },
  ];
}

export function createLoginThrottle(db: Kysely<IdentityTables>, options: { now: () => Date; limits?: Partial<ThrottleLimits> }): LoginThrottle {
  const limits = { ...defaultThrottleLimits, ...options.limits };
  const windowStart = () => new Date(options.now().getTime() - limits.windowMs).toISOString();

  return {
    async check(attempt) {
      const keys = keysOf(attempt, limits);
      const rows = await db
        .selectFrom('identity_login_failures')
        .select(['key', 'failures', 'since'])
        .where('key', 'in', keys.map((k) => k.key))
        .where('since', '>', windowStart())
        .execute();
      const locked = rows.filter((r) => Number(r.failures) >= keys.find((k) => k.key === r.key)!.limit);
      if (!locked.length) return;
      const until = Math.max(...locked.map((r) => Date.parse(r.since) + limits.windowMs));
      throw new RateLimitedError((until - options.now().getTime()) / 1000, 'Too many failed sign-in attempts; try again later.');
    },
    async failed(attempt) {
      const at = options.now().toISOString();
      const start = windowStart();
      // One statement, so guesses arriving at once on several nodes are all counted; a count
      // whose window has passed starts again at one.
      await db
        .insertInto('identity_login_failures')
        .values(keysOf(attempt, limits).map(({ key }) => ({ key, failures: 1, since: at })))
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
    async succeeded(attempt) {
      await db.deleteFrom('identity_login_failures').where('key', '=', keysOf(attempt, limits)[0]!.key).execute();
    },
  };
}
