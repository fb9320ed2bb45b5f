import { intrinsics as I } from './intrinsics.ts';

export type InlineHandlers = Record<string, (...args: unknown[]) => unknown>;

interface Out {
  type: string;
  key?: string | number;
  props: Record<string, unknown>;
  children: unknown[];
}

/**
 * Turns what `render()` returned into plain JSON: flattens child arrays, drops `null`/booleans,
 * stringifies numbers and names inline handler functions (`$1`, `$2`, ...) so the event that comes
 * back can find them. The host validates the result again; this only makes honest output tidy.
 */
export function normalizeView(tree: unknown, inline: InlineHandlers): Out {
  let n = 0;
  function child(v: unknown, out: unknown[]): void {
    if (v === null || v === undefined || typeof v === 'boolean') return;
    if (typeof v === 'string') out[out.length] = v;
    else if (typeof v === 'number') out[out.length] = I.string(v);
    else if (I.isArray(v)) for (let i = 0; i < v.length; i++) child(v[i], out);
    else if (typeof v === 'object') out[out.length] = node(v as Record<string, unknown>);
  }
  function node(v: Record<string, unknown>): Out {
    // No prototype: a setter the program put on Object.prototype must not swallow a prop.
    const props = I.create(null) as Record<string, unknown>;
    const src = v.props;
    if (src && typeof src === 'object') {
      const ks = I.keys(src);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i]!;
        const p = (src as Record<string, unknown>)[k];
        if (typeof p === 'function') {
          const name = '$' + ++n;
          inline[name] = p as InlineHandlers[string];
          props[k] = name;
        } else if (p !== undefined) props[k] = p;
      }
    }
    const children: unknown[] = [];
    child(v.children, children);
    const key = v.key;
    return key !== undefined && key !== null
      ? { type: v.type as string, key: key as string | number, props, children }
      : { type: v.type as string, props, children };
  }
  if (tree && typeof tree === 'object' && !I.isArray(tree)) return node(tree as Record<string, unknown>);
  const children: unknown[] = [];
  child(tree, children);
  return { type: 'view', props: {}, children };
}
