import { intrinsics as I } from './intrinsics.ts';

export type InlineHandlers = Record<string, (...args: unknown[]) => unknown>;

interface Out {
  type: string;
  key?: string | number;
  props: Record<string, unknown>;
  children: unknown[];
}

export interface Normalized {
  view: Out;
  /**
   * Whether the host may read `view` straight out of the engine. It may when the tree holds only
   * objects and arrays made here, which the program never held, with own data properties only and
   * no deeper than the host checks anyway: then the engine's writer runs no program code and
   * cannot recurse without bound. Otherwise the frame goes out as JSON, as it always could.
   */
  direct: boolean;
}

/**
 * An array with no prototype. An array built by assignment would otherwise pass through any
 * setter a program put on an index of Array.prototype (or Object.prototype), handing the program
 * the array to change after it was checked; with no prototype there is nothing to pass through,
 * and appending stays the engine's fast path.
 */
function list(): unknown[] {
  return I.setPrototypeOf([], null) as unknown[];
}

/** Deeper than the host's validator allows (128 nodes, 16 levels of prop data), so it fails there. */
const MAX_NODE_DEPTH = 160;
const MAX_DATA_DEPTH = 24;

/**
 * Turns what `render()` returned into plain JSON: flattens child arrays, drops `null`/booleans,
 * stringifies numbers and names inline handler functions (`$1`, `$2`, ...) so the event that comes
 * back can find them. Prop values that are objects are copied the way JSON would see them. The
 * host validates the result again; this only makes honest output tidy.
 */
export function normalizeView(tree: unknown, inline: InlineHandlers): Normalized {
  let n = 0;
  let direct = true;

  /**
   * A prop's data as fresh objects the program cannot reach, no deeper than the host takes: the
   * engine's writer recurses without a bound, and reads array elements in a way a program's
   * getters could intercept, so nothing of the program's own may go to it.
   */
  function data(v: unknown, depth: number): unknown {
    if (typeof v !== 'object' || v === null) return v;
    // Deeper than the host takes: cut here, and the host refuses it as it would have refused
    // the whole (and at once: JSON.stringify of deep data is quadratic in QuickJS).
    if (depth > MAX_DATA_DEPTH) return null;
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      // The frame goes out as JSON then, and JSON must see the program's value itself.
      direct = false;
      return v;
    }
    if (I.isArray(v)) {
      const out = list();
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        out[out.length] = typeof x === 'object' && x !== null ? data(x, depth + 1) : x;
      }
      return out;
    }
    // Object.assign copies in the engine, far faster than a loop here; only object values recurse.
    const out = I.assign(I.create(null), v) as Record<string, unknown>;
    const vs = I.values(out);
    for (let i = 0; i < vs.length; i++) {
      if (typeof vs[i] === 'object' && vs[i] !== null) {
        const ks = I.keys(out);
        for (let j = 0; j < ks.length; j++) out[ks[j]!] = data(out[ks[j]!], depth + 1);
        break;
      }
    }
    return out;
  }
  function child(v: unknown, out: unknown[], depth: number): void {
    if (v === null || v === undefined || typeof v === 'boolean') return;
    if (typeof v === 'string') out[out.length] = v;
    else if (typeof v === 'number') out[out.length] = I.string(v);
    else if (I.isArray(v)) for (let i = 0; i < v.length; i++) child(v[i], out, depth);
    else if (typeof v === 'object') out[out.length] = node(v as Record<string, unknown>, depth + 1);
  }
  function node(v: Record<string, unknown>, depth: number): Out {
    if (depth > MAX_NODE_DEPTH) direct = false;
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
        } else if (typeof p === 'object' && p !== null) props[k] = data(p, 1);
        else if (p !== undefined) props[k] = p;
      }
    }
    const children = list();
    child(v.children, children, depth);
    const type = v.type;
    const key = v.key;
    // The host refuses anything but strings here; only strings and numbers may be read directly.
    if (typeof type !== 'string' || (typeof key === 'object' && key !== null) || typeof key === 'function') direct = false;
    return key !== undefined && key !== null
      ? { type: type as string, key: key as string | number, props, children }
      : { type: type as string, props, children };
  }
  let view: Out;
  if (tree && typeof tree === 'object' && !I.isArray(tree)) view = node(tree as Record<string, unknown>, 0);
  else {
    const children = list();
    child(tree, children, 0);
    view = { type: 'view', props: {}, children };
  }
  return { view, direct };
}
