import type { Patch } from '../../lib/frames.ts';
import type { ViewChild, ViewNode } from '../../sdk/contract/index.ts';

export { applyPatches, type Patch } from '../../lib/frames.ts';

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
