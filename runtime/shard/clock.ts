/**
 * A session's timers. On the real clock they fire from the worker's event loop; on the manual clock
 * (tests) they fire only when `advance` moves time past them, in due order.
 */
export class GuestClock {
  private readonly timers = new Map<number, { due: number; ms: number; repeat: boolean; handle?: NodeJS.Timeout }>();
  private now = 0;

  constructor(
    readonly mode: 'real' | 'manual',
    private readonly fire: (id: number) => void,
  ) {}

  get count(): number {
    return this.timers.size;
  }

  set(id: number, ms: number, repeat: boolean): void {
    // An interval of 0 would spin; a floor keeps a repeating timer from flooding the shard.
    const delay = Math.min(Math.max(ms, repeat ? 10 : 0), 24 * 3600 * 1000);
    const t = { due: this.now + delay, ms: delay, repeat, handle: undefined as NodeJS.Timeout | undefined };
    this.timers.set(id, t);
    if (this.mode === 'real') this.schedule(id, t);
  }

  private schedule(id: number, t: { ms: number; repeat: boolean; handle?: NodeJS.Timeout }): void {
    t.handle = setTimeout(() => {
      if (!this.timers.has(id)) return;
      if (t.repeat) this.schedule(id, t);
      else this.timers.delete(id);
      this.fire(id);
    }, t.ms);
  }

  clear(id: number): void {
    const t = this.timers.get(id);
    if (t?.handle) clearTimeout(t.handle);
    this.timers.delete(id);
  }

  /** Manual clock: fires every timer due within `ms`, earliest first. */
  advance(ms: number): void {
    const target = this.now + ms;
    for (let guard = 0; guard < 100_000; guard++) {
      let nextId = -1;
      let nextDue = Infinity;
      for (const [id, t] of this.timers) {
        if (t.due <= target && t.due < nextDue) {
          nextDue = t.due;
          nextId = id;
        }
      }
      if (nextId < 0) break;
      const t = this.timers.get(nextId)!;
      this.now = nextDue;
      if (t.repeat) t.due += t.ms;
      else this.timers.delete(nextId);
      this.fire(nextId);
    }
    this.now = target;
  }

  stop(): void {
    for (const t of this.timers.values()) if (t.handle) clearTimeout(t.handle);
    this.timers.clear();
  }
}
