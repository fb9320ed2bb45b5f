import { describe, expect, it } from 'vitest';
import type { ViewNode } from '../../../sdk/contract/view.ts';
import { FrameState } from './frames.ts';

const view = (s: string): ViewNode => ({ type: 'view', props: {}, children: [s] });
const base = { route: 'pages/index', title: 'Home', stack: ['pages/index'] };

describe('frames in order', () => {
  it('takes a whole frame, then patches against it, and ignores what it has seen', () => {
    const f = new FrameState();
    expect(f.apply({ seq: 1, ...base, view: view('one') })).toBe('applied');
    expect(f.apply({ seq: 2, ...base, title: 'Two', patches: [{ op: 'children', path: [], children: ['two'] }] })).toBe('applied');
    expect(f.view).toEqual(view('two'));
    expect(f.title).toBe('Two');
    // The same frame again, from the event's answer after the stream had it.
    expect(f.apply({ seq: 2, ...base, view: view('two') })).toBe('stale');
    expect(f.apply({ seq: 1, ...base, view: view('one') })).toBe('stale');
    expect(f.view).toEqual(view('two'));
  });

  it('says a patch that skipped a frame is a gap, and a whole frame mends it', () => {
    const f = new FrameState();
    f.apply({ seq: 1, ...base, view: view('one') });
    expect(f.apply({ seq: 3, ...base, patches: [{ op: 'children', path: [], children: ['three'] }] })).toBe('gap');
    expect(f.view).toEqual(view('one'));
    expect(f.seq).toBe(1);
    expect(f.apply({ seq: 4, ...base, view: view('four') })).toBe('applied');
    expect(f.view).toEqual(view('four'));
  });

  it("applies an event's answer that patches from the frame it had, across frames it never saw", () => {
    const f = new FrameState();
    f.apply({ seq: 1, ...base, view: view('one') });
    expect(f.apply({ seq: 3, base: 1, ...base, patches: [{ op: 'children', path: [], children: ['two'] }, { op: 'props', path: [], set: { id: 'x' }, unset: [] }] })).toBe('applied');
    expect(f.view).toEqual({ type: 'view', props: { id: 'x' }, children: ['two'] });
    expect(f.seq).toBe(3);
  });

  it('says patches from a frame it does not have are a gap', () => {
    const f = new FrameState();
    f.apply({ seq: 1, ...base, view: view('one') });
    f.apply({ seq: 2, ...base, patches: [{ op: 'children', path: [], children: ['two'] }] });
    expect(f.apply({ seq: 3, base: 1, ...base, patches: [{ op: 'children', path: [], children: ['three'] }] })).toBe('gap');
    expect(f.view).toEqual(view('two'));
  });

  it('cannot patch before it has a view', () => {
    expect(new FrameState().apply({ seq: 2, ...base, patches: [] })).toBe('gap');
  });
});
