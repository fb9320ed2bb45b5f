import { intrinsics as I } from './intrinsics.ts';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

function invalid(message: string): Error {
  const e = new I.Error(message) as Error & { code: string };
  e.code = 'invalid_args';
  return e;
}

/** `'cart.items[2].qty'` → `['cart', 'items', 2, 'qty']`; refuses prototype keys. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  let seg = '';
  const push = () => {
    if (seg === '') throw invalid(`bad setData path "${path}"`);
    if (I.includes(FORBIDDEN, seg)) throw invalid(`setData path "${path}" uses a forbidden key`);
    out[out.length] = seg;
    seg = '';
  };
  while (i < path.length) {
    const c = path[i]!;
    if (c === '.') {
      if (seg !== '') push();
      else if (i === 0 || path[i - 1] !== ']') throw invalid(`bad setData path "${path}"`);
      i++;
    } else if (c === '[') {
      if (seg !== '') push();
      const end = I.indexOf(I.slice(path, i), ']');
      if (end < 0) throw invalid(`bad setData path "${path}"`);
      const n = +I.slice(path, i + 1, i + end);
      if (!(n >= 0 && n <= 1e6 && n === (n | 0)) || end === 1) throw invalid(`bad index in setData path "${path}"`);
      out[out.length] = n;
      i += end + 1;
    } else {
      seg += c;
      i++;
    }
  }
  if (seg !== '') push();
  if (out.length === 0) throw invalid('empty setData path');
  return out;
}

/** Writes `value` at `segs` below `root`, creating objects and arrays on the way. */
export function assignPath(root: Record<string | number, any>, segs: (string | number)[], value: unknown): void {
  let node: any = root;
  for (let i = 0; i < segs.length - 1; i++) {
    const k = segs[i]!;
    let next = I.hasOwn(node, k as string) ? node[k] : undefined;
    if (next === null || typeof next !== 'object') {
      next = typeof segs[i + 1] === 'number' ? [] : {};
      I.defineProperty(node, k, { value: next, writable: true, enumerable: true, configurable: true });
    }
    node = next;
  }
  I.defineProperty(node, segs[segs.length - 1]!, { value, writable: true, enumerable: true, configurable: true });
}

/** `'/pages/product?id=42'` → route `pages/product`, query `{ id: '42' }`. */
export function splitUrl(url: unknown): { route: string; query: Record<string, string> } {
  if (typeof url !== 'string' || url.length === 0 || url.length > 1024) throw invalid('a page url is a non-empty string');
  const q = I.indexOf(url, '?');
  let route = q < 0 ? url : I.slice(url, 0, q);
  if (route[0] === '/') route = I.slice(route, 1);
  const query = I.create(null) as Record<string, string>;
  if (q >= 0) {
    const parts = I.split(I.slice(url, q + 1), '&');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (!part) continue;
      const eq = I.indexOf(part, '=');
      const k = safeDecode(eq < 0 ? part : I.slice(part, 0, eq));
      if (I.includes(FORBIDDEN, k)) continue;
      query[k] = eq < 0 ? '' : safeDecode(I.slice(part, eq + 1));
    }
  }
  return { route, query: { ...query } };
}

function safeDecode(s: string): string {
  try {
    return I.decode(s);
  } catch {
    return s;
  }
}
