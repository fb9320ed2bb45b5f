import { AtriumError } from '../../sdk/contract/index.ts';
import { RateLimitedError } from '../http/index.ts';

export interface OpenLimits {
  /** Live sessions one user may have at once on this node. */
  sessionsPerUser: number;
  /** Sessions one user may open per minute. */
  opensPerMinute: number;
}

export const defaultOpenLimits: OpenLimits = { sessionsPerUser: 6, opensPerMinute: 20 };

const MINUTE = 60_000;

/**
 * How many sessions one user may hold and start. Every session is a sandbox the shards give CPU
 * to; the per-session CPU allowance bounds each one, and these bound how many one account can
 * have: eight sessions of one user, each within its own bounds, slowed another app's taps a
 * hundredfold. Counted per node, in memory, like the sessions themselves.
 */
export function createOpenLimits(limits: OpenLimits, now: () => number = Date.now) {
  /** When each user's recent opens happened, oldest first; at most `opensPerMinute` each. */
  const opens = new Map<string, number[]>();
  let sinceSweep = 0;

  function recent(userId: string, at: number): number[] {
    const times = opens.get(userId) ?? [];
    while (times.length && times[0]! <= at - MINUTE) times.shift();
    return times;
  }

  /** Forgets users with no open in the last minute, now and then, so the map stays small. */
  function sweep(at: number): void {
    if (++sinceSweep < 1000) return;
    sinceSweep = 0;
    for (const userId of [...opens.keys()]) if (!recent(userId, at).length) opens.delete(userId);
  }

  return {
    /**
     * Throws when `userId`, holding `live` sessions, may not open another now; otherwise counts
     * the open. A refused open is not counted.
     */
    admit(userId: string, live: number): void {
      if (live >= limits.sessionsPerUser) {
        throw new AtriumError('quota_exceeded', `You have ${live} mini-programs open, the most one account can have at once. Close one to open another.`);
      }
      const at = now();
      sweep(at);
      const times = recent(userId, at);
      if (times.length >= limits.opensPerMinute) {
        const waitMs = times[0]! + MINUTE - at;
        throw new RateLimitedError(waitMs / 1000, `You opened ${times.length} mini-programs in the last minute, the most allowed. Try again in ${Math.max(1, Math.ceil(waitMs / 1000))} s.`);
      }
      times.push(at);
      opens.set(userId, times);
    },
  };
}
