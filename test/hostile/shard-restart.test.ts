/**
 * What a neighbour keeps when the watchdog restarts the shard it shares with a stuck program: its
 * page and data come back from its snapshot; its timers and the host calls it was waiting for
 * cannot (they died with the old runtime), so it is brought back at once and told what it lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Runtime, type LostWork, type Session } from '../../runtime/index.ts';
import type { Outcome } from '../../sdk/contract/index.ts';
import { pageConfig, rawProgram } from '../support/programs.ts';
import { hostileBundle, openHostile, until } from './hostile.ts';
import { text } from './neighbour.ts';

/** Ticks an interval into its data, and re-arms it when told its timers were lost. */
const ticker = rawProgram({
  'pages/index': `{
    data: { ticks: 0, lost: '', answer: '' },
    onLoad() { this.start(); },
    start() { setInterval(() => this.setData({ ticks: this.data.ticks + 1 }), 20); },
    onRestore(lost) { this.setData({ lost: JSON.stringify(lost) }); if (lost.timers) this.start(); },
    async ask() { const r = await globalThis.__atrium.call('storage.get', { key: 'k' }); this.setData({ answer: String(r) }); },
    render() {
      return { type: 'view', props: {}, children: [
        { type: 'text', props: { id: 'ticks' }, children: [String(this.data.ticks)] },
        { type: 'text', props: { id: 'lost' }, children: [this.data.lost] },
        { type: 'text', props: { id: 'answer' }, children: [this.data.answer] },
      ] };
    },
  }`,
});

/** Holds every host call until the test answers it. */
class HeldCalls {
  readonly waiting: ((o: Outcome<unknown>) => void)[] = [];
  handler = () => new Promise<Outcome<unknown>>((resolve) => this.waiting.push(resolve));
}

interface Opened {
  session: Session;
  logs: string[];
  restored: LostWork[];
}

async function openTicker(rt: Runtime, held: HeldCalls): Promise<Opened> {
  const logs: string[] = [];
  const restored: LostWork[] = [];
  const session = await rt.open({
    merchantId: 'good-merchant',
    appId: 'ticker',
    bundle: ticker,
    pages: pageConfig(['pages/index']),
    onCall: held.handler,
    listener: { log: (_level, line) => logs.push(line), restored: (lost) => restored.push(lost) },
  });
  return { session, logs, restored };
}

/** Stops the shard the way a stuck builtin does: the watchdog terminates it. */
async function restartShard(rt: Runtime): Promise<void> {
  const h = await openHostile(rt, hostileBundle(`spin() { new Array(3e7).join('x'); },`));
  await h.tap('spin');
  await h.expectEnds('cpu_exceeded', 100);
}

describe('a watchdog restart of the shard a neighbour shares', () => {
  let rt: Runtime;
  const held = new HeldCalls();
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 1 });
  });
  afterAll(() => rt.shutdown());

  it("brings a neighbour with a running interval back at once, tells it its timer was lost, and its re-armed interval ticks on", async () => {
    const t = await openTicker(rt, held);
    await until(() => Number(text(t.session, 'ticks')) >= 2);
    await restartShard(rt);
    // No event from the user: the runtime brought it back itself.
    await until(() => text(t.session, 'lost') !== '', 5000);
    expect(JSON.parse(text(t.session, 'lost'))).toEqual({ timers: 1, calls: [] });
    const afterRestore = Number(text(t.session, 'ticks'));
    await until(() => Number(text(t.session, 'ticks')) > afterRestore + 1, 5000);
    expect(t.session.ended).toBeNull();
    await t.session.close();
  });

  it('tells a neighbour, its merchant and the host which host call it was waiting for was lost', async () => {
    const t = await openTicker(rt, held);
    await t.session.event({ handler: 'ask', type: 'tap' });
    expect(held.waiting.length).toBeGreaterThan(0);
    await restartShard(rt);
    await until(() => text(t.session, 'lost') !== '', 5000);
    expect(JSON.parse(text(t.session, 'lost'))).toEqual({ timers: 1, calls: ['storage.get'] });
    expect(t.restored).toEqual([{ timers: 1, calls: ['storage.get'] }]);
    expect(t.logs.join('\n')).toMatch(/lost 1 timer and 1 host call waiting for an answer \(storage\.get\)/);
  });

  it("drops the answer to a call lost in a restart instead of handing it to the new runtime's calls", async () => {
    const t = await openTicker(rt, held);
    await t.session.event({ handler: 'ask', type: 'tap' });
    await restartShard(rt);
    await until(() => text(t.session, 'lost') !== '', 5000);
    for (const answer of held.waiting.splice(0)) answer({ ok: true, data: 'too late' });
    await until(() => t.logs.some((l) => /answer to storage\.get came after/.test(l)));
    expect(text(t.session, 'answer')).toBe('');
    expect(t.session.ended).toBeNull();
  });
});

describe('a session brought back from a snapshot taken while it waited', () => {
  let rt: Runtime;
  const held = new HeldCalls();
  beforeAll(async () => {
    rt = await Runtime.create({ shards: 1 });
  });
  afterAll(() => rt.shutdown());

  it('is told the timers the snapshot could not keep', async () => {
    const t = await openTicker(rt, held);
    const snapshot = await t.session.takeSnapshot();
    await t.session.close();
    const back = await rt.open({ merchantId: 'good-merchant', appId: 'ticker', bundle: ticker, pages: pageConfig(['pages/index']), onCall: held.handler, snapshot });
    expect(JSON.parse(text(back, 'lost'))).toEqual({ timers: 1, calls: [] });
    await back.close();
  });
});
