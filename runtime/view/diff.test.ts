import { describe, expect, it } from 'vitest';
import type { ViewChild, ViewNode } from '../../sdk/contract/index.ts';
import { applyPatches, diffView } from './diff.ts';

const node = (type: ViewNode['type'], props: Record<string, unknown> = {}, children: ViewChild[] = [], key?: string | number): ViewNode =>
  key === undefined ? { type, props, children } : { type, props, children, key };

/** A small deterministic generator, so failures reproduce. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function randomTree(rnd: () => number, depth = 0): ViewNode {
  const types = ['view', 'text', 'button'] as const;
  const children: ViewChild[] = [];
  const n = depth > 3 ? 0 : Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) children.push(rnd() < 0.3 ? `t${Math.floor(rnd() * 3)}` : randomTree(rnd, depth + 1));
  const props: Record<string, unknown> = {};
  if (rnd() < 0.5) props.id = `i${Math.floor(rnd() * 3)}`;
  if (rnd() < 0.3) props.style = { color: rnd() < 0.5 ? 'red' : 'blue' };
  return node(types[Math.floor(rnd() * 3)]!, props, children);
}

describe('view diff', () => {
  it('is empty when nothing changed', () => {
    const a = node('view', { id: 'x' }, ['hi', node('text', {}, ['yo'])]);
    expect(diffView(a, structuredClone(a))).toEqual([]);
  });

  it('replaces only the text that changed', () => {
    const a = node('view', {}, [node('text', {}, ['1'])]);
    const b = node('view', {}, [node('text', {}, ['2'])]);
    expect(diffView(a, b)).toEqual([{ op: 'replace', path: [0, 0], node: '2' }]);
  });

  it('sends changed and removed props of a node', () => {
    const a = node('button', { disabled: true, kind: 'primary' });
    const b = node('button', { kind: 'warn' });
    expect(diffView(a, b)).toEqual([{ op: 'props', path: [], set: { kind: 'warn' }, unset: ['disabled'] }]);
  });

  it('replaces the children when their number or keys change', () => {
    const a = node('list', {}, [node('view', {}, [], 1), node('view', {}, [], 2)]);
    const b = node('list', {}, [node('view', {}, [], 2), node('view', {}, [], 1)]);
    expect(diffView(a, b)).toEqual([{ op: 'children', path: [], children: b.children }]);
  });

  it('turns any tree into any other when its patches are applied', () => {
    const rnd = random(42);
    for (let i = 0; i < 300; i++) {
      const a = randomTree(rnd);
      const b = randomTree(rnd);
      expect(applyPatches(a, diffView(a, b))).toEqual(b);
    }
  });

  it('leaves the old tree untouched when applying', () => {
    const a = node('view', {}, [node('text', {}, ['1'])]);
    const copy = structuredClone(a);
    applyPatches(a, diffView(a, node('view', {}, [node('text', {}, ['2'])])));
    expect(a).toEqual(copy);
  });
});
