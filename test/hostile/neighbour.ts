/**
 * A healthy program of another merchant that must not notice anything a hostile program does: it
 * holds a secret shown only in its own view, and a counter that answers every tap.
 */
import { expect } from 'vitest';
import type { Runtime, Session } from '../../runtime/index.ts';
import { findAll, textOf } from '../../sdk/testing/query.ts';
import { pageConfig, rawProgram } from '../support/programs.ts';

export const SECRET = 'SECRET-7f3a9c';
export const NEIGHBOUR_MERCHANT = 'good-merchant';

const bundle = rawProgram({
  'pages/index': `{
    data: { secret: ${JSON.stringify(SECRET)}, count: 0 },
    increment() { this.setData({ count: this.data.count + 1 }); },
    render() {
      return { type: 'view', props: {}, children: [
        { type: 'text', props: { id: 'secret' }, children: [this.data.secret] },
        { type: 'text', props: { id: 'count' }, children: [String(this.data.count)] },
      ] };
    },
  }`,
});

/** The text of the node with this id in a session's current view. */
export function text(s: Session, id: string): string {
  if (!s.view) return '';
  return findAll(s.view, { id }).map((f) => textOf(f.node)).join('');
}

export class Neighbour {
  private constructor(
    readonly session: Session,
    /** Lines the runtime logged for it, e.g. that its shard was restarted under it. */
    readonly logs: string[],
  ) {}

  static async open(rt: Runtime): Promise<Neighbour> {
    const logs: string[] = [];
    const session = await rt.open({
      merchantId: NEIGHBOUR_MERCHANT,
      appId: 'good-app',
      bundle,
      pages: pageConfig(['pages/index']),
      onCall: async () => ({ ok: true, data: null }),
      listener: { log: (_level, line) => logs.push(line) },
    });
    expect(text(session, 'secret')).toBe(SECRET);
    return new Neighbour(session, logs);
  }

  /** Taps the counter: the count goes up by one and the page still shows its own secret. */
  async expectAnswers(): Promise<void> {
    const before = Number(text(this.session, 'count'));
    await this.session.event({ handler: 'increment', type: 'tap' });
    expect(this.session.ended).toBeNull();
    expect(text(this.session, 'count')).toBe(String(before + 1));
    expect(text(this.session, 'secret')).toBe(SECRET);
  }
}

/**
 * One neighbour per shard, so that whichever shard a hostile session lands on, it shares the
 * worker thread with a neighbour.
 */
export class Neighbours {
  private constructor(readonly all: Neighbour[]) {}

  static async open(rt: Runtime, shards: number): Promise<Neighbours> {
    const all: Neighbour[] = [];
    for (let i = 0; i < shards; i++) all.push(await Neighbour.open(rt));
    expect(new Set(all.map((n) => n.session.shard)).size).toBe(shards);
    return new Neighbours(all);
  }

  static of(all: Neighbour[]): Neighbours {
    return new Neighbours(all);
  }

  async expectAnswer(): Promise<void> {
    for (const n of this.all) await n.expectAnswers();
  }
}
