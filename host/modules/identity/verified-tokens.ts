/**
 * Tokens verified in the last few seconds. Checking a signature and reading the account row on
 * every request costs more than the rest of a request; a token seen moments ago is taken on trust
 * until `ttlMs` passes, so a disabled account is shut out within that time rather than at once.
 */
export function createVerifiedTokens<T>(options: { ttlMs: number; max: number; now: () => Date }) {
  const seen = new Map<string, { who: T; until: number }>();
  return {
    get(token: string): T | undefined {
      const hit = seen.get(token);
      if (!hit) return undefined;
      if (hit.until <= options.now().getTime()) {
        seen.delete(token);
        return undefined;
      }
      return hit.who;
    },
    /** Remembers a token until `ttlMs` from now, or until it expires if that is sooner. */
    set(token: string, who: T, expiresAtMs: number): void {
      if (seen.size >= options.max) seen.delete(seen.keys().next().value!);
      seen.set(token, { who, until: Math.min(options.now().getTime() + options.ttlMs, expiresAtMs) });
    },
    delete(token: string): void {
      seen.delete(token);
    },
    /** Drops every remembered token whose holder matches, so a change to them applies at once here. */
    forget(matches: (who: T) => boolean): void {
      for (const [token, hit] of seen) if (matches(hit.who)) seen.delete(token);
    },
    clear(): void {
      seen.clear();
    },
  };
}
