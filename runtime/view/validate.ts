import {
  AtriumError,
  components,
  handlerNamePattern,
  styleProperties,
  styleValuePattern,
  type ComponentName,
  type PropKind,
  type ViewChild,
  type ViewNode,
} from '../../sdk/contract/index.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const STYLE = new Set<string>(styleProperties);
const MAX_DEPTH = 128;
const MAX_STRING = 20_000;
const MAX_JSON_DEPTH = 16;

export interface ViewBounds {
  viewNodes: number;
}

/**
 * Checks a rendered tree against the component set and rebuilds it from fresh objects, so nothing
 * the guest made (odd prototypes, extra keys) reaches the host or the shell.
 */
export function validateView(raw: unknown, bounds: ViewBounds): ViewNode {
  let count = 0;
  // Where the check is, as segments ("view", "<text>", ".style", "[3]"): joined only when something
  // fails, since most trees pass and every node and prop would otherwise build a string.
  const path: (string | number)[] = ['view'];
  const at = () => path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('');
  function fail(message: string): never {
    throw new AtriumError('invalid_view', `${at()}: ${message}`);
  }

  function json(v: unknown, depth: number): unknown {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : fail('numbers must be finite');
    if (depth > MAX_JSON_DEPTH) fail('data nested too deeply');
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        out[i] = json(v[i], depth + 1);
        path.pop();
      }
      return out;
    }
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) fail(`key "${k}" is not allowed`);
        path.push('.', k);
        out[k] = json((v as Record<string, unknown>)[k], depth + 1);
        path.length -= 2;
      }
      return out;
    }
    return fail(`unsupported value of type ${typeof v}`);
  }

  function prop(kind: PropKind, v: unknown): unknown {
    if (Array.isArray(kind)) {
      if (typeof v === 'string' && kind.includes(v)) return v;
      return fail(`must be one of ${kind.join(', ')}`);
    }
    switch (kind) {
      case 'string':
        if (typeof v === 'string' && v.length <= MAX_STRING) return v;
        if (typeof v === 'number' && Number.isFinite(v)) return String(v);
        return fail('must be a string');
      case 'src':
        if (typeof v === 'string' && v.length <= 2048 && /^(https:\/\/|\/?[\w./-]+$)/.test(v) && !v.includes('..')) return v;
        return fail("must be an https URL or a path to one of the program's assets");
      case 'number':
        if (typeof v === 'number' && Number.isFinite(v)) return v;
        return fail('must be a finite number');
      case 'boolean':
        if (typeof v === 'boolean') return v;
        return fail('must be true or false');
      case 'handler':
        if (typeof v === 'string' && handlerNamePattern.test(v)) return v;
        return fail('must be a handler name or a function');
      case 'strings':
        if (Array.isArray(v) && v.length <= 1000 && v.every((s) => typeof s === 'string' && s.length <= 200)) return [...v];
        return fail('must be a list of at most 1000 short strings');
      case 'style': {
        if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('must be an object of style properties');
        const out: Record<string, string | number> = {};
        for (const k of Object.keys(v)) {
          const x = (v as Record<string, unknown>)[k];
          path.push('.', k);
          if (!STYLE.has(k)) fail('is not a supported style property');
          if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
          else if (typeof x === 'string' && plainStyleValue(x)) out[k] = x;
          else fail('must be a number or a short plain value (no url)');
          path.length -= 2;
        }
        return out;
      }
      case 'json':
        return json(v, 0);
    }
  }

  function node(v: unknown, depth: number): ViewChild {
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) fail(`text longer than ${MAX_STRING} characters`);
      return v;
    }
    if (++count > bounds.viewNodes) fail(`more than ${bounds.viewNodes} nodes`);
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`);
    if (!v || typeof v !== 'object' || Array.isArray(v)) fail('not a node');
    const n = v as Record<string, unknown>;
    const type = n.type;
    if (typeof type !== 'string' || !Object.hasOwn(components, type)) fail(`unknown component "${String(type)}"`);
    const spec = components[type as ComponentName];
    path.push('<', type as string, '>');
    const props: Record<string, unknown> = {};
    const rawProps = n.props ?? {};
    if (typeof rawProps !== 'object' || Array.isArray(rawProps)) fail('props must be an object');
    for (const k of Object.keys(rawProps as object)) {
      const x = (rawProps as Record<string, unknown>)[k];
      if (x === undefined || x === null) continue;
      if (!Object.hasOwn(spec.props, k)) fail(`unknown prop "${k}"`);
      path.push('.', k);
      props[k] = prop((spec.props as Record<string, PropKind>)[k]!, x);
      path.length -= 2;
    }
    const rawChildren = n.children ?? [];
    if (!Array.isArray(rawChildren)) fail('children must be a list');
    if (!spec.children && rawChildren.length > 0) fail('takes no children');
    const children = new Array<ViewChild>(rawChildren.length);
    for (let i = 0; i < rawChildren.length; i++) {
      path.push(i);
      children[i] = node(rawChildren[i], depth + 1);
      path.pop();
    }
    if (type === 'list') {
      const keys = new Set<string | number>();
      for (const c of children) {
        if (typeof c === 'string' || c.key === undefined) fail('every child of a list needs a key');
        if (keys.has(c.key)) fail(`duplicate key ${JSON.stringify(c.key)}`);
        keys.add(c.key);
      }
    }
    const out: ViewNode = { type: type as ComponentName, props, children };
    if (n.key !== undefined) {
      if ((typeof n.key !== 'string' || n.key.length > 200) && (typeof n.key !== 'number' || !Number.isFinite(n.key))) {
        fail('key must be a short string or a number');
      }
      out.key = n.key as string | number;
    }
    path.length -= 3;
    return out;
  }

  const root = node(raw, 0);
  if (typeof root === 'string') fail('the root must be a component');
  return root;
}

/**
 * Style values repeat across a tree and across renders ("#ffffff", "flex", 12px paddings), so the
 * ones seen to pass the pattern are remembered, up to a bound.
 */
const plainValues = new Set<string>();
function plainStyleValue(x: string): boolean {
  if (plainValues.has(x)) return true;
  if (!styleValuePattern.test(x)) return false;
  if (plainValues.size >= 4096) plainValues.clear();
  plainValues.add(x);
  return true;
}
