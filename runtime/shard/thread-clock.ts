import { closeSync, openSync, readSync } from 'node:fs';

/** A clock of the time one thread spent running, in milliseconds. */
export interface ThreadClock {
  now(): number;
  /** `cpu`: the thread's own run time; `wall`: elapsed time, where the system cannot say. */
  readonly kind: 'cpu' | 'wall';
  /** How far apart two readings of the same instant can be: the clock's granularity. */
  readonly slackMs: number;
}

/**
 * CPU time of the thread that calls this (a shard's worker), so what a guest entry cost is not
 * inflated by the thread waiting for a core on a busy machine: wall time would charge a session
 * for its neighbours' work, and the per-window budget would end innocent sessions under load.
 *
 * Linux gives it in /proc/thread-self/schedstat (run time in ns, first field). The file is
 * opened once, here, so the descriptor names this thread; each reading is one pread (~4 µs).
 * The kernel updates it at scheduler ticks, so a reading may lag by one tick (4 ms at HZ=250):
 * hence `slackMs`. Elsewhere (macOS, a /proc without schedstat) it falls back to wall time.
 */
export function threadClock(): ThreadClock {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return wallClock;
  }
  const buf = Buffer.alloc(96);
  const read = (): number => {
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.toString('latin1', 0, n);
    return Number(text.slice(0, text.indexOf(' '))) / 1e6;
  };
  try {
    if (!Number.isFinite(read())) throw new Error('unreadable');
  } catch {
    closeSync(fd);
    return wallClock;
  }
  return { now: read, kind: 'cpu', slackMs: 5 };
}

const wallClock: ThreadClock = { now: () => performance.now(), kind: 'wall', slackMs: 1 };
