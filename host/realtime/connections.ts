import { RateLimitedError } from '../http/index.ts';

/**
 * Streams open at once per account on this node. Each holds a connection and a subscription, so
 * an account that opens streams without closing them (a bug in a client, or abuse) is refused
 * past `max` rather than allowed to hold the node's sockets.
 */
export function streamLimits(max = 16) {
  const open = new Map<string, number>();
  return {
    /** Counts one more stream for `account`, or refuses it; the returned function counts it closed. */
    take(account: string): () => void {
      const n = open.get(account) ?? 0;
      if (n >= max) throw new RateLimitedError(5, `At most ${max} live streams at once; close one (another tab?) and try again.`);
      open.set(account, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(account) ?? 1) - 1;
        if (left > 0) open.set(account, left);
        else open.delete(account);
      };
    },
    count: (account: string) => open.get(account) ?? 0,
  };
}

export type StreamLimits = ReturnType<typeof streamLimits>;
