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

  it('gives the changes from an earlier frame as its later frames\' patches, in order', () => {
    const s = session();
    s.applyUpdate(update, undefined);
    const p1 = { op: 'children' as const, path: [], children: ['a'] };
    const p2 = { op: 'props' as const, path: [], set: { id: 'x' }, unset: [] };
    s.applyUpdate({ ...update, view: undefined, patches: [p1] }, undefined);
    s.applyUpdate({ ...update, view: undefined, patches: [p2] }, undefined);
    expect(s.changesSince(1)).toEqual([p1, p2]);
    expect(s.changesSince(2)).toEqual([p2]);
    expect(s.changesSince(3)).toEqual([]);
  });

  it('has no changes to give from a frame it never had, one too old, or across a whole frame', () => {
    const s = session();
    s.applyUpdate(update, undefined);
    expect(s.changesSince(7)).toBeNull();
    const patch = { op: 'children' as const, path: [], children: ['a'] };
    for (let i = 0; i < 20; i++) s.applyUpdate({ ...update, view: undefined, patches: [patch] }, undefined);
    expect(s.changesSince(1)).toBeNull();
    expect(s.changesSince(15)).toHaveLength(6);
    s.applyUpdate(update, undefined);
    expect(s.changesSince(20)).toBeNull();
  });
});
