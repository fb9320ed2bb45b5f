/**
 * A running mini-program's page stack mirrored in the browser's history: one entry per page above
 * its first, so the system back gesture goes back a page inside the program before it leaves it,
 * and pages the program leaves by itself take their entries with them. No DOM: `go` is
 * `history.go`, and the router's `moved` hook reaches `moved` through `HistoryMoves`.
 */
import type { HistoryState, Router } from '../../common/history.ts';

/** Where the shell's router tells the running mini-program that the user went back or forward in it. */
export interface HistoryMoves {
  handler: ((from: HistoryState, to: HistoryState) => boolean) | null;
}

type StackRouter = Pick<Router<unknown>, 'state' | 'pushDepth' | 'replaceState' | 'navigate'>;

export class PageStack {
  /** How many entries above the program's first one history has (or is about to have). */
  #depth = 0;
  /** history.go() calls of our own whose popstate is not the user's. */
  #ownMoves = 0;

  /**
   * @param run names this run's entries, so a new run (reopen, reload) never mistakes another's for its own
   * @param go moves through history (`history.go`); its popstate comes later
   */
  constructor(
    private readonly router: StackRouter,
    private readonly run: string,
    private readonly go: (delta: number) => void,
  ) {}

  /** The entry history is on is the program's first page. */
  start(): void {
    this.router.replaceState({ run: this.run, depth: 0 });
  }

  /** The program's stack is now `depth` pages above its first: push or drop entries to match. */
  follow(depth: number): void {
    for (let d = this.#depth + 1; d <= depth; d++) this.router.pushDepth(this.run, d);
    if (depth < this.#depth) {
      // The program went back (or switched tab) by itself: drop the entries of the pages it left.
      this.#ownMoves++;
      this.go(depth - this.#depth);
    }
    this.#depth = depth;
  }

  /**
   * The user went back or forward to `to`, an entry of this run: how many pages the program is to
   * go back. Forward is undone at once: a page the program left cannot come back.
   */
  moved(to: HistoryState): number {
    if (this.#ownMoves > 0) {
      this.#ownMoves--;
      return 0;
    }
    const steps = this.#depth - (to.depth ?? 0);
    this.#depth = to.depth ?? 0;
    if (steps >= 0) return steps;
    this.#ownMoves++;
    this.go(steps);
    this.#depth += steps;
    return 0;
  }

  /** The nav bar's back: through history when the program has pages above its first (true). */
  back(): boolean {
    if (this.#depth === 0) return false;
    this.go(-1);
    return true;
  }

  /** Out of the program: back to where the user came from, or to Discover when it was the first page. */
  leave(): void {
    const { index, run, depth } = this.router.state;
    // The program's first entry is `index - depth` of whichever of its entries history is on.
    const first = index - (run === this.run ? (depth ?? 0) : 0);
    if (first > 0) this.go(-(this.#depth + 1));
    else this.router.navigate('/', { replace: true });
  }
}
