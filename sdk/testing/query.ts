import type { ComponentName, ViewChild, ViewNode } from '../contract/index.ts';

/** Which node to find: by visible text (substring, or a RegExp), by `id`, or by component type. */
export type NodeQuery = string | RegExp | { text?: string | RegExp; id?: string; type?: ComponentName };

/** A node found in the view, with the path from the root (child indexes). */
export interface FoundNode {
  node: ViewNode;
  path: number[];
}

/** All the text inside a node, as the user would read it. */
export function textOf(n: ViewChild): string {
  if (typeof n === 'string') return n;
  return n.children.map(textOf).join('');
}

function matches(n: ViewNode, q: NodeQuery): boolean {
  const spec = typeof q === 'string' || q instanceof RegExp ? { text: q } : q;
  if (spec.id !== undefined && n.props.id !== spec.id) return false;
  if (spec.type !== undefined && n.type !== spec.type) return false;
  if (spec.text !== undefined) {
    const t = textOf(n);
    if (typeof spec.text === 'string' ? !t.includes(spec.text) : !spec.text.test(t)) return false;
  }
  return true;
}

/**
 * Every node matching the query, deepest first for text queries, so `'Add to cart'` finds the
 * button rather than the page that contains it.
 */
export function findAll(root: ViewNode, q: NodeQuery): FoundNode[] {
  const out: FoundNode[] = [];
  const walk = (n: ViewNode, path: number[]) => {
    const before = out.length;
    n.children.forEach((c, i) => {
      if (typeof c !== 'string') walk(c, [...path, i]);
    });
    const textOnly = typeof q === 'string' || q instanceof RegExp || (q.id === undefined && q.type === undefined);
    // A text match on a parent adds nothing when one of its children matched already.
    if (matches(n, q) && (!textOnly || out.length === before)) out.push({ node: n, path });
  };
  walk(root, []);
  return out;
}

/** The nodes from the root down to `path`, root first. */
export function lineage(root: ViewNode, path: number[]): ViewNode[] {
  const out = [root];
  let n = root;
  for (const i of path) {
    const c = n.children[i];
    if (!c || typeof c === 'string') break;
    out.push(c);
    n = c;
  }
  return out;
}

/** Renders a view as indented text, for failure messages. */
export function describeView(n: ViewChild, depth = 0): string {
  const pad = '  '.repeat(depth);
  if (typeof n === 'string') return `${pad}"${n}"`;
  const props = Object.entries(n.props)
    .filter(([k]) => k !== 'style')
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
  const head = `${pad}<${n.type}${n.key !== undefined ? ` key=${JSON.stringify(n.key)}` : ''}${props ? ' ' + props : ''}>`;
  return [head, ...n.children.map((c) => describeView(c, depth + 1))].join('\n');
}
