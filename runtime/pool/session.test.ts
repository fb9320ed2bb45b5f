import { describe, expect, it } from 'vitest';
import { defaultLimits } from '../limits.ts';
import type { ViewUpdate } from '../shard/protocol.ts';
import { Session, type SessionChannel } from './session.ts';

const unused = () => Promise.reject(new Error('not used'));
const channel: SessionChannel = { event: unused, advance: unused, snapshot: unused, close: unused };
const spec = { merchantId: 'm', appId: 'a', bundle: '', bundleKey: 'k', pages: { pages: ['pages/index'], tabs: [] }, limits: defaultLimits, clock: 'real' as const };
const update: ViewUpdate = { seq: 1, route: 'pages/index', title: '', stack: ['pages/index'], view: { type: 'view', props: {}, children: [] } };

function session(): Session {
  return new Session('s', 1, spec, async () => ({ ok: true, data: null }), channel);
}

describe('a session on the main thread', () => {
  it('reads the snapshot a frame brought only when asked for it', () => {
    const s = session();
    const snap = { stack: [{ route: 'pages/index', query: {}, data: { n: 2 }, title: null }], globalData: null };
    s.applyUpdate(update, JSON.stringify(snap));
    expect(s.snapshot).toEqual(snap);
  });

  it('keeps the latest snapshot when later frames bring none', () => {
    const s = session();
    s.applyUpdate(update, '{"stack":[],"globalData":1}');
    s.applyUpdate({ ...update, seq: 2 }, undefined);
    expect(s.snapshot).toEqual({ stack: [], globalData: 1 });
  });

  it('counts snapshot text that is not JSON as no snapshot', () => {
    const s = session();
    s.applyUpdate(update, '{"stack":');
    expect(s.snapshot).toBeNull();
  });
});
