import type { ViewChild, ViewNode } from '../../sdk/contract/index.ts';

/**
 * Changes that turn one view into the next. Paths index children from the root. A shell applies
 * them in order with `applyPatches`.
 */
export type Patch =
  | { op: 'replace'; path: number[]; node: ViewChild }
  | { op: 'props'; path: number[]; set: Record<string, unknown>; unset: string[] }
  | { op: 'children'; path: number[]; children: ViewChild[] };

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

function sameShape(a: ViewChild[], b: ViewChild[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x !== typeof y) return false;
    if (typeof x === 'object' && typeof y === 'object' && (x.type !== y.type || x.key !== y.key)) return false;
  }
  return true;
}

/** The patches from `prev` to `next`; empty when nothing changed. */
export function diffView(prev: ViewNode, next: ViewNode): Patch[] {
  const out: Patch[] = [];
  const walk = (a: ViewChild, b: ViewChild, path: number[]) => {
    if (typeof a === 'string' || typeof b === 'string' || a.type !== b.type || a.key !== b.key) {
      if (a !== b) out.push({ op: 'replace', path, node: b });
      return;
    }
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    let changed = false;
    for (const [k, v] of Object.entries(b.props)) {
      if (!same(a.props[k], v)) {
        set[k] = v;
        changed = true;
      }
    }
    for (const k of Object.keys(a.props)) {
      if (!Object.hasOwn(b.props, k)) {
        unset.push(k);
        changed = true;
      }
    }
    if (changed) out.push({ op: 'props', path, set, unset });
    if (!sameShape(a.children, b.children)) {
      out.push({ op: 'children', path, children: b.children });
      return;
    }
    for (let i = 0; i < a.children.length; i++) walk(a.children[i]!, b.children[i]!, [...path, i]);
  };
  walk(prev, next, []);
  return out;
}

/** Applies patches to a view, returning a new tree; the old one is left as it was. */
export function applyPatches(view: ViewNode, patches: Patch[]): ViewNode {
  let root: ViewChild = view;
  for (const p of patches) root = applyAt(root, p.path, 0, p);
  if (typeof root === 'string') throw new Error('a patch replaced the root with text');
  return root;
}

function applyAt(node: ViewChild, path: number[], depth: number, p: Patch): ViewChild {
  if (depth === path.length) {
    if (p.op === 'replace') return p.node;
    if (typeof node === 'string') throw new Error('a patch addressed text as a node');
    if (p.op === 'children') return { ...node, children: p.children };
    const props = { ...node.props, ...p.set };
    for (const k of p.unset) delete props[k];
    return { ...node, props };
  }
  if (typeof node === 'string') throw new Error('a patch path goes through text');
  const i = path[depth]!;
  if (i < 0 || i >= node.children.length) throw new Error('a patch path is out of range');
  const children = node.children.slice();
  children[i] = applyAt(children[i]!, path, depth + 1, p);
  return { ...node, children };
}
