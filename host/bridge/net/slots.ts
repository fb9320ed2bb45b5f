/**
 * Requests in flight per session. A full session is refused at once rather than queued: a program
 * that fires requests in a loop would otherwise grow an unbounded queue in the host.
 */
export class SessionSlots {
  private readonly inFlight = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** A release function, or `undefined` when the session already has `max` requests in flight. */
  acquire(sessionId: string): (() => void) | undefined {
    const n = this.inFlight.get(sessionId) ?? 0;
    if (n >= this.max) return undefined;
    this.inFlight.set(sessionId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(sessionId) ?? 1) - 1;
      // Drop idle sessions so the map does not grow with every session ever seen.
      if (left <= 0) this.inFlight.delete(sessionId);
      else this.inFlight.set(sessionId, left);
    };
  }
}
