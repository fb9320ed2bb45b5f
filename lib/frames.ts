/**
 * The frame format between the host and every shell: a session's frames are numbered, and each
 * carries the whole view or the patches that turn the previous one (or frame `base`) into it.
 * The runtime makes patches (runtime/view/diff.ts); shells apply them here. Pure.
 */
import type { Frame, ViewChild, ViewNode } from '../sdk/contract/view.ts';

/**
 * Changes that turn one view into the next. Paths index children from the root. A shell applies
 * them in order with `applyPatches`.
 */
export type Patch =
  | { op: 'replace'; path: number[]; node: ViewChild }
  | { op: 'props'; path: number[]; set: Record<string, unknown>; unset: string[] }
  | { op: 'children'; path: number[]; children: ViewChild[] };

export interface ViewUpdate {
  /** Counts frames of this session; a shell that missed one asks for the full view. */
  seq: number;
  route: string;
  title: string;
  stack: string[];
  /** The whole view, on the first frame and whenever the route changed or a diff would not be smaller. */
  view?: Frame['view'];
  /** Changes to the view of frame `base`, applied in order. */
  patches?: Patch[];
  /** The frame `patches` apply to when it is not `seq - 1` (an event's answer to a shell that had `base`). */
  base?: number;
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
