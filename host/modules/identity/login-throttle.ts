import { RateLimitedError } from '../../http/index.ts';

/**
 * Slows password guessing against one account: after `maxFailures` wrong passwords within
 * `windowMs`, that account's logins answer rate_limited until the window has passed. Kept in this
 * node's memory; each node of a cluster counts on its own, which still bounds guessing.
 */
export interface LoginThrottle {
  /** Throws RateLimitedError while `key` is locked out. */
  check(key: string): void;
  failed(key: string): void;
  succeeded(key: string): void;
}

export function createLoginThrottle(options: { now: () => Date; maxFailures?: number; windowMs?: number; maxKeys?: number }): LoginThrottle {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const maxKeys = options.maxKeys ?? 100_000;
  const failures = new Map<string, { count: number; since: number }>();

  const live = (key: string) => {
    const entry = failures.get(key);
    if (entry && options.now().getTime() - entry.since >= windowMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    check(key) {
      const entry = live(key);
      if (entry && entry.count >= maxFailures) {
        const waitMs = entry.since + windowMs - options.now().getTime();
        throw new RateLimitedError(waitMs / 1000, 'Too many failed sign-in attempts; try again later.');
      }
    },
    failed(key) {
      const entry = live(key);
      if (entry) entry.count += 1;
      else {
        // A flood of distinct emails must not grow memory without bound: forget the oldest.
        if (failures.size >= maxKeys) failures.delete(failures.keys().next().value!);
        failures.set(key, { count: 1, since: options.now().getTime() });
      }
    },
    succeeded(key) {
      failures.delete(key);
    },
  };
}
