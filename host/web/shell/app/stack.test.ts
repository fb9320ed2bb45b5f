import { describe, expect, it } from 'vitest';
import type { HistoryState } from '../../common/history.ts';
import { PageStack } from './stack.ts';

/** A router and a history: entries pushed, moves made, where the router is sent. */
function browser(index = 0) {
  const entries: HistoryState[] = [{ index }];
  const moves: number[] = [];
  const navigated: string[] = [];
  let at = 0;
  const router = {
    get state() {
      return entries[at]!;
    },
    pushDepth(run: string, depth: number) {
      entries.splice(at + 1, Infinity, { index: entries[at]!.index + 1, run, depth });
      at++;
    },
    replaceState(patch: Partial<HistoryState>) {
      entries[at] = { ...entries[at]!, ...patch };
    },
    navigate(path: string) {
      navigated.push(path);
    },
  };
  // The popstate of a move comes later: tests deliver it with `arrive`.
  const go = (delta: number) => moves.push(delta);
  const arrive = (delta: number) => entries[(at += delta)]!;
  return { router, go, moves, navigated, arrive, entries };
}

describe("a mini-program's pages in the browser's history", () => {
  it('pushes an entry per page the program opens, and drops them when it goes back by itself', () => {
    const b = browser();
    const stack = new PageStack(b.router, 'r1', b.go);
    stack.start();
    expect(b.entries[0]).toEqual({ index: 0, run: 'r1', depth: 0 });
    stack.follow(2);
    expect(b.entries.map((e) => e.depth)).toEqual([0, 1, 2]);
    stack.follow(0);
    expect(b.moves).toEqual([-2]);
    // The popstate of its own move is not the user's: the program is not told to go back again.
    expect(stack.moved(b.arrive(-2))).toBe(0);
  });

  it("turns the user's back gesture into pages back, and undoes a forward", () => {
    const b = browser();
    const stack = new PageStack(b.router, 'r1', b.go);
    stack.start();
    stack.follow(2);
    expect(stack.moved(b.arrive(-1))).toBe(1);
    expect(stack.moved(b.arrive(1))).toBe(0);
    expect(b.moves).toEqual([-1]);
    expect(stack.moved(b.arrive(-1))).toBe(0);
  });

  it('goes back through history from the nav bar, and only the program itself on its first page', () => {
    const b = browser();
    const stack = new PageStack(b.router, 'r1', b.go);
    expect(stack.back()).toBe(false);
    stack.follow(1);
    expect(stack.back()).toBe(true);
    expect(b.moves).toEqual([-1]);
  });

  it('leaves to where the user came from, or to Discover when the program was the first page', () => {
    const fromDiscover = browser(3);
    const stack = new PageStack(fromDiscover.router, 'r1', fromDiscover.go);
    stack.start();
    stack.follow(2);
    stack.leave();
    expect(fromDiscover.moves).toEqual([-3]);

    const byLink = browser(0);
    const first = new PageStack(byLink.router, 'r1', byLink.go);
    first.start();
    first.leave();
    expect(byLink.navigated).toEqual(['/']);
  });
});
