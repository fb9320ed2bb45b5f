/**
 * CPU a session used over the last `windowMs`, in slices: what the per-window budget is checked
 * against and what the shard's scheduler orders sessions by. Slices rather than a log of every
 * entry, so a session firing thousands of tiny timers costs the same few numbers.
 */
export class CpuWindow {
  private readonly slices: Float64Array;
  private readonly sliceMs: number;
  /** Which slice is the current one, and the time its span began. */
  private current = 0;
  private currentStart: number;
  private total = 0;

  constructor(
    readonly windowMs: number,
    now: number,
    count = 10,
  ) {
    this.slices = new Float64Array(count);
    this.sliceMs = windowMs / count;
    this.currentStart = now;
  }

  add(now: number, ms: number): void {
    this.roll(now);
    this.slices[this.current]! += ms;
    this.total += ms;
  }

  /** CPU milliseconds used within the window that ends `now` (to one slice's precision). */
  used(now: number): number {
    this.roll(now);
    return this.total;
  }

  /** Forgets the slices that have slid out of the window by `now`. */
  private roll(now: number): void {
    const steps = Math.floor((now - this.currentStart) / this.sliceMs);
    if (steps <= 0) return;
    if (steps >= this.slices.length) {
      this.slices.fill(0);
      this.total = 0;
    } else {
      for (let i = 0; i < steps; i++) {
        this.current = (this.current + 1) % this.slices.length;
        this.total -= this.slices[this.current]!;
        this.slices[this.current] = 0;
      }
      // Sums of floats drift; the window can never hold less than nothing.
      if (this.total < 1e-9) this.total = 0;
    }
    this.currentStart += steps * this.sliceMs;
  }
}
