/**
 * The order a shard runs work in. A shard is one thread: whatever runs, everything else on it
 * waits. Run first-come first-served (and Node runs every due timer before it looks at incoming
 * messages), eight sessions whose timers each burn 95 ms held a neighbour's tap for ~480 ms.
 *
 * Here every piece of work (a request from the main thread, a due timer) waits in its session's
 * own queue, in order, and the shard runs one at a time from the session that used the least CPU
 * over its recent window, so a session that only answers taps goes next after whatever is
 * running, however much work busy sessions have queued; sessions with the same use take turns.
 * Between two pieces of work the shard goes back to its event loop, so messages that arrived
 * meanwhile are queued (and weighed) before the next choice. Work is never reordered within
 * one session, and an open (which awaits a module) finishes before anything else runs.
 */
export type Job = () => unknown;

export class FairScheduler {
  /** Waiting work by session (or '' for the shard's own), in the order sessions last ran. */
  private readonly queues = new Map<string, Job[]>();
  private running = false;

  constructor(
    /** Lower goes first: the CPU a session used over its window. */
    private readonly weight: (key: string) => number,
    /** Jobs handle their own failures; one that throws anyway is reported here and the rest go on. */
    private readonly onError: (e: unknown) => void,
  ) {}

  push(key: string, job: Job): void {
    const q = this.queues.get(key);
    if (q) q.push(job);
    else this.queues.set(key, [job]);
    this.kick();
  }

  private kick(): void {
    if (this.running || this.queues.size === 0) return;
    this.running = true;
    setImmediate(() => void this.runNext());
  }

  private async runNext(): Promise<void> {
    const key = this.pick();
    const q = this.queues.get(key)!;
    const job = q.shift()!;
    // To the back of the order: among sessions of equal weight, the others go first next time.
    this.queues.delete(key);
    if (q.length) this.queues.set(key, q);
    try {
      await job();
    } catch (e) {
      this.onError(e);
    } finally {
      this.running = false;
      this.kick();
    }
  }

  private pick(): string {
    let best: string | null = null;
    let bestWeight = Infinity;
    for (const key of this.queues.keys()) {
      const w = this.weight(key);
      if (best === null || w < bestWeight) {
        best = key;
        bestWeight = w;
      }
    }
    return best!;
  }
}
